import PlanModel

/// Checks a statement's names and types before it runs; the evaluator compiles what it returns.
///
/// Every mistake a statement can hold is found here, with its place in the source: unknown fields,
/// categories and parameters, values of the wrong type, operators a field does not have, bad regular
/// expressions and time texts that cannot be read.
public struct Checker {
  public let plan: Plan
  public let parameters: [String: String]
  /// The day `today` (`idag`) stands for.
  public let today: Day
  /// What the statement reads: its fields are looked up there.
  public private(set) var source: RowSource = .activities

  public init(plan: Plan, parameters: [String: String], today: Day = .today()) {
    self.plan = plan
    self.parameters = parameters
    self.today = today
  }

  /// The source a statement names: `activities` (and `add activity`), or `changes`.
  public static func source(of statement: Statement) -> RowSource {
    Keyword.changes.spellings.contains(SwedishCollation.fold(statement.source.text)) ? .changes : .activities
  }

  /// The day `as of` names: the last day of the period its value stands for.
  public func asOfDay(_ literal: Literal) throws(QueryError) -> Day {
    try period(try resolve(literal)).end
  }

  /// Warns when `=`, `!=` or `in` names a value that no activity has, so that a typo does not pass as a
  /// plain "0 activities": `vem = Kansle`, `inriktning = Pådrivare`.
  func warnIfAbsent(
    _ value: Value, among present: [String: String], what: String, into findings: inout CheckFindings
  ) {
    let folded = SwedishCollation.fold(value.text)
    guard present[folded] == nil else { return }
    var message = "no activity of the plan has the \(what) \(value.describe)"
    if let near = Spelling.nearest(value.text, in: Array(present.values)) {
      message += "; did you mean '\(near)'?"
    } else if let started = present.values.filter({ SwedishCollation.fold($0).hasPrefix(folded) }).sorted()
      .first
    {
      message += "; did you mean '\(started)'?"
    }
    findings.warnings.append(QueryError(.warning, message, at: value.range))
  }

  /// The plan's actors by their folded names; each shared list looked at once.
  func plansActors(_ findings: inout CheckFindings) -> [String: String] {
    if let known = findings.foldedActors { return known }
    var actors: [String: String] = [:]
    plan.forEachActorList { list in
      for name in list { actors[SwedishCollation.fold(name)] = name }
    }
    findings.foldedActors = actors
    return actors
  }

  public func check(_ statement: Statement) throws(QueryError) -> CheckedStatement {
    let folded = SwedishCollation.fold(statement.source.text)
    guard Keyword.activities.spellings.contains(folded) || Keyword.changes.spellings.contains(folded) else {
      throw QueryError(.name, "unknown source '\(statement.source.text)'", at: statement.source.range)
    }
    var checker = self
    checker.source = Checker.source(of: statement)
    return try checker.checkStatement(statement)
  }

  private func checkStatement(_ statement: Statement) throws(QueryError) -> CheckedStatement {
    var findings = CheckFindings()
    let change = try statement.change.map { (c: Change) throws(QueryError) in
      try checkChange(c, of: statement, into: &findings)
    }
    let condition = try statement.filter.map { (e: Expression) throws(QueryError) in
      try check(e, into: &findings)
    }
    var order: [(Field, Bool)] = []
    for key in statement.order ?? [] { order.append((try field(key.field), key.descending)) }
    var columns: [Field] = []
    for name in statement.select ?? [] { columns.append(try field(name)) }
    let group = try statement.group.map { (n: Name) throws(QueryError) in try field(n) }
    var count: CheckedStatement.Count?
    if let clause = statement.count {
      if let by = clause.by {
        count = .by(try field(by))
      } else {
        count = .total
      }
      if let select = statement.select?.first {
        throw QueryError(
          .syntax, "'select' has no effect with 'count'; leave one of them out", at: select.range)
      }
      if let group = statement.group {
        throw QueryError(
          .syntax, "'group by' and 'count' together: write 'count by \(group.text)' to count each group",
          at: group.range)
      }
      if case .total = count, let limit = statement.limit {
        throw QueryError(
          .syntax, "'limit' has no effect with 'count', which prints one number", at: limit.range)
      }
    }
    if columns.isEmpty {
      columns = source.defaultColumns.filter { $0 != group }
    }
    // A change is given with every field of its own, in every format.
    let selected = statement.select != nil || source == .changes
    var checked = CheckedStatement(
      condition: condition, order: order, columns: columns, selected: selected, group: group,
      count: count, limit: statement.limit?.value, timeline: statement.timeline != nil, change: change,
      warnings: findings.warnings, patterns: findings.patterns)
    checked.columnsRead = ColumnsRead(of: statement)
    return checked
  }

  // MARK: Names

  func field(_ name: Name) throws(QueryError) -> Field {
    if let field = source.field(named: name.text) { return field }
    var message = "unknown field '\(name.text)'"
    if let near = Spelling.nearest(name.text, in: source.fieldNames) {
      message += "; did you mean '\(near)'?"
    } else if Actors.isKnown(name.text) {
      message += "; to find an actor's activities write: vem = \(name.text)"
    } else {
      message += " (fields: \(source.fields.map(\.name).joined(separator: ", ")))"
    }
    throw QueryError(.name, message, at: name.range)
  }

  // MARK: Conditions

  /// Checks a condition in source order, so that the first mistake is the one reported.
  private func check(_ expression: Expression, into findings: inout CheckFindings) throws(QueryError)
    -> CheckedCondition
  {
    switch expression {
    case .and(let a, let b):
      let left = try check(a, into: &findings)
      return .and(left, try check(b, into: &findings))
    case .or(let a, let b):
      let left = try check(a, into: &findings)
      return .or(left, try check(b, into: &findings))
    case .not(let inner, _):
      return .not(try check(inner, into: &findings))
    case .predicate(let predicate):
      let field = try field(predicate.field)
      let operand = try PredicateChecker(checker: self, field: field, predicate: predicate).check(
        into: &findings)
      return .predicate(
        CheckedPredicate(field: field, op: predicate.op, negated: predicate.negated, operand: operand))
    case .changed(let changed):
      return .changed(try check(changed))
    }
  }

  // MARK: Values

  /// A literal with any parameter replaced by its value; `text` is the value as text either way.
  struct Value {
    var kind: Literal.Kind
    var text: String
    var range: SourceRange
    /// Where the text is written out in the source: a string's contents; nil for a parameter's value.
    var content: SourceRange?
    /// The parameter's name when the value came from one, for messages.
    var parameter: String?
    /// Whether `text` was composed to NFC and so no longer matches the source byte for byte.
    var recomposed = false

    var describe: String {
      parameter.map { "parameter $\($0) ('\(text)')" } ?? "'\(text)'"
    }
  }

  func resolve(_ literal: Literal) throws(QueryError) -> Value {
    switch literal.kind {
    case .parameter(let name):
      guard let value = parameters[name] else {
        var message = "no value for parameter $\(name)"
        if let near = Spelling.nearest(name, in: Array(parameters.keys)) {
          message += "; did you mean $\(near)?"
        }
        throw QueryError(
          .name, message, at: literal.range,
          notes: ["give it with --param \(name)=VALUE, or .param \(name) VALUE in a script"])
      }
      let text = CanonicalComposition.composed(value)
      // `!=` on Strings is canonical equivalence, true of both forms: the bytes tell whether it changed.
      return Value(
        kind: .string(text), text: text, range: literal.range, content: nil, parameter: name,
        recomposed: !text.utf8.elementsEqual(value.utf8))
    case .string, .integer, .date, .month, .word:
      // Values are compared in NFC, as the plan's texts are held: "e" + U+0300 is "è".
      let text = CanonicalComposition.composed(literal.text)
      return Value(
        kind: literal.kind, text: text, range: literal.range, content: literal.content,
        recomposed: !text.utf8.elementsEqual(literal.text.utf8))
    }
  }
}
