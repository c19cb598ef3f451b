/// Prints a tree back as canonical source text: English keywords, fields as written, values quoted when
/// needed, conditions parenthesised only where precedence requires. Parsing the printed text gives the same
/// tree, which the tests use as their oracle.
public enum ASTPrinter {
  public static func print(_ statement: Statement) -> String {
    if case .add(let assignments, _) = statement.change {
      return "add activity " + assignments.map(print).joined(separator: ", ")
    }
    let source =
      Keyword.changes.spellings.contains(statement.source.text.lowercased()) ? "changes" : "activities"
    var parts = [source]
    if let asOf = statement.asOf { parts.append("as of " + print(asOf)) }
    if let filter = statement.filter { parts.append("where " + print(filter)) }
    if let order = statement.order {
      parts.append(
        "order by " + order.map { $0.field.text + ($0.descending ? " desc" : "") }.joined(separator: ", "))
    }
    if let select = statement.select { parts.append("select " + select.map(\.text).joined(separator: ", ")) }
    if let group = statement.group { parts.append("group by " + group.text) }
    if let count = statement.count { parts.append(count.by.map { "count by " + $0.text } ?? "count") }
    if let limit = statement.limit { parts.append("limit \(limit.value)") }
    if statement.timeline != nil { parts.append("timeline") }
    switch statement.change {
    case .set(let assignments, _): parts.append("set " + assignments.map(print).joined(separator: ", "))
    case .comment(let note, _): parts.append("comment " + print(note))
    case .remove: parts.append("remove")
    case .add, nil: break
    }
    return parts.joined(separator: " ")
  }

  public static func print(_ assignment: Assignment) -> String {
    assignment.field.text + " = "
      + (assignment.isList
        ? "(" + assignment.values.map(print).joined(separator: ", ") + ")" : print(assignment.values[0]))
  }

  public static func print(_ expression: Expression) -> String {
    switch expression {
    case .or(let a, let b):
      return print(a) + " or " + print(b)
    case .and(let a, let b):
      return operand(a, inside: .and) + " and " + operand(b, inside: .and)
    case .not(let inner, _):
      if case .predicate = inner { return "not " + print(inner) }
      if case .changed = inner { return "not " + print(inner) }
      if case .not = inner { return "not " + print(inner) }
      return "not (" + print(inner) + ")"
    case .predicate(let predicate):
      return print(predicate)
    case .changed(let changed):
      var text = (changed.field.map { $0.text + " " } ?? "") + "changed"
      if let op = changed.op, let value = changed.value { text += " " + op.rawValue + " " + print(value) }
      return text
    }
  }

  private enum Context { case and }

  /// `or` inside `and` needs parentheses; everything else binds tighter.
  private static func operand(_ expression: Expression, inside: Context) -> String {
    if case .or = expression { return "(" + print(expression) + ")" }
    return print(expression)
  }

  public static func print(_ predicate: Predicate) -> String {
    var text = predicate.field.text + (predicate.negated ? " not " : " ") + predicate.op.rawValue
    switch predicate.op {
    case .isEmpty, .isNotEmpty: break
    case .in: text += " (" + predicate.operands.map(print).joined(separator: ", ") + ")"
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains, .startsWith, .matches,
      .before, .after, .overlaps:
      text += " " + print(predicate.operands[0])
    }
    return text
  }

  public static func print(_ literal: Literal) -> String {
    switch literal.kind {
    case .string(let value): "'" + value.replacing("'", with: "''") + "'"
    case .word(let value): value
    case .integer(let value): String(value)
    case .date(let day): day.iso
    case .month: literal.text
    case .parameter(let name): "$" + name
    }
  }
}
