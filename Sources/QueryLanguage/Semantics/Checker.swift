import PlanModel

/// Checks a statement's names and types before it runs and compiles its condition.
///
/// Every mistake a statement can hold is found here, with its place in the source: unknown fields,
/// categories and parameters, values of the wrong type, operators a field does not have, bad regular
/// expressions and time texts that cannot be read.
public struct Checker {
  public let plan: Plan
  public let parameters: [String: String]
  /// The day `today` (`idag`) stands for.
  public let today: Day

  public init(plan: Plan, parameters: [String: String], today: Day = .today()) {
    self.plan = plan
    self.parameters = parameters
    self.today = today
  }

  /// The warnings found while checking; a reference, since the checker is a value passed around.
  final class Warnings {
    var list: [QueryError] = []
    /// The plan's actors by their folded names, worked out the first time a condition on `vem` needs them.
    var foldedActors: [String: String]?
    /// The regular expressions compiled, with their values' places: a statement is refused when one
    /// passes its bound on work while it runs.
    var patterns: [(pattern: TextPattern, range: SourceRange)] = []
    /// The work the statement's regular expressions may spend, shared by them all.
    let patternBudget = PatternBudget()
  }

  let warnings = Warnings()

  /// Warns when `=`, `!=` or `in` names a value that no activity has, so that a typo does not pass as a
  /// plain "0 activities": `vem = Kansle`, `inriktning = Pådrivare`.
  func warnIfAbsent(_ value: Value, among present: [String: String], what: String) {
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
    warnings.list.append(QueryError(.warning, message, at: value.range))
  }

  /// The plan's actors by their folded names; each shared list looked at once.
  func plansActors() -> [String: String] {
    if let known = warnings.foldedActors { return known }
    var seen = Set<UInt>()
    var actors: [String: String] = [:]
    for activity in plan.activities {
      let key = activity.who.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      guard seen.insert(key).inserted else { continue }
      for name in activity.who { actors[SwedishCollation.fold(name)] = name }
    }
    warnings.foldedActors = actors
    return actors
  }

  public func check(_ statement: Statement) throws(QueryError) -> CheckedStatement {
    guard Keyword.activities.spellings.contains(SwedishCollation.fold(statement.source.text)) else {
      throw QueryError(.name, "unknown source '\(statement.source.text)'", at: statement.source.range)
    }
    let filter = try statement.filter.map { (e: Expression) throws(QueryError) in try compile(e).test }
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
      columns = Field.defaultColumns.filter { $0 != group }
    }
    return CheckedStatement(
      filter: filter, order: order, columns: columns, selected: statement.select != nil, group: group,
      count: count, limit: statement.limit?.value, timeline: statement.timeline != nil,
      warnings: warnings.list, patterns: warnings.patterns)
  }

  // MARK: Names

  func field(_ name: Name) throws(QueryError) -> Field {
    if let field = Field(named: name.text) { return field }
    var message = "unknown field '\(name.text)'"
    if let near = Spelling.nearest(name.text, in: Field.allNames) {
      message += "; did you mean '\(near)'?"
    } else if Actors.isKnown(name.text) {
      message += "; to find an actor's activities write: vem = \(name.text)"
    } else {
      message += " (fields: \(Field.allCases.map(\.name).joined(separator: ", ")))"
    }
    throw QueryError(.name, message, at: name.range)
  }

  // MARK: Conditions

  /// A condition's test, and a rough cost of running it on one activity. Both sides of `and` and `or`
  /// are compiled in source order, so that the first mistake is the one reported, and then the cheaper
  /// side runs first: tests have no effects, so only the time changes.
  private func compile(_ expression: Expression) throws(QueryError) -> (
    test: CheckedStatement.Test, cost: Int
  ) {
    switch expression {
    case .and(let a, let b):
      let (left, right) = (try compile(a), try compile(b))
      let (first, second) = left.cost <= right.cost ? (left.test, right.test) : (right.test, left.test)
      return ({ first($0) && second($0) }, left.cost + right.cost)
    case .or(let a, let b):
      let (left, right) = (try compile(a), try compile(b))
      let (first, second) = left.cost <= right.cost ? (left.test, right.test) : (right.test, left.test)
      return ({ first($0) || second($0) }, left.cost + right.cost)
    case .not(let inner, _):
      let compiled = try compile(inner)
      let test = compiled.test
      return ({ !test($0) }, compiled.cost)
    case .predicate(let predicate):
      let field = try field(predicate.field)
      let test = try PredicateCompiler(checker: self, field: field, predicate: predicate).compile()
      return (predicate.negated ? { !test($0) } : test, Checker.cost(of: predicate.op, on: field))
    }
  }

  /// Numbers and days compare in a step; texts that repeat are answered from a table; free text is
  /// searched, and a regular expression runs an automaton.
  static func cost(of op: Operator, on field: Field) -> Int {
    let base =
      switch field {
      case .id, .priority, .category, .start, .end: 1
      case .when where op.isTime: 1
      case .direction, .status, .when: 2
      case .who: 3
      case .what, .how: 4
      }
    return op == .matches ? base + 4 : base
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
    default:
      // Values are compared in NFC, as the plan's texts are held: "e" + U+0300 is "è".
      let text = CanonicalComposition.composed(literal.text)
      return Value(
        kind: literal.kind, text: text, range: literal.range, content: literal.content,
        recomposed: !text.utf8.elementsEqual(literal.text.utf8))
    }
  }
}
