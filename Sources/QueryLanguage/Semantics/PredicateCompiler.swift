import PlanModel

/// Compiles one predicate into a test, after checking that its field has its operator and that its
/// values are of the field's type. Constants are folded here, once, not for every activity.
struct PredicateCompiler {
  let checker: Checker
  let field: Field
  let predicate: Predicate

  typealias Test = CheckedStatement.Test

  func compile() throws(QueryError) -> Test {
    let op = predicate.op
    if op == .isEmpty || op == .isNotEmpty {
      let empty = emptiness()
      return op == .isEmpty ? empty : { !empty($0) }
    }
    switch field.type {
    case .integer: return try integerTest(op)
    case .text:
      if field == .direction && op.isOrdering { return try directionOrderTest(op) }
      return try textTest(op, text: textAccessor())
    case .actors: return try actorTest(op)
    case .time:
      if op.isTime { return try timeTest(op) { $0.when.interval } }
      if op.isOrdering {
        throw QueryError(
          .type, "'\(op.rawValue)' does not compare times; use before, after or overlaps with 'när'",
          at: predicate.opRange)
      }
      return try textTest(op) { $0.when.text }
    case .date: return try dateTest(op)
    case .category: return try categoryTest(op)
    }
  }

  // MARK: Emptiness

  private func emptiness() -> Test {
    switch field {
    case .id: { _ in false }
    case .priority: { $0.priority == nil }
    case .who: { $0.who.isEmpty }
    case .when: { $0.when.text.isEmpty }
    case .category: { $0.status.category == .none }
    case .start, .end: { $0.when.interval == nil }
    case .direction, .what, .how, .status:
      { activity in
        let text = textAccessor()(activity)
        return text.isEmpty || text.allSatisfy(\.isWhitespace)
      }
    }
  }

  // MARK: Text

  private func textAccessor() -> (Activity) -> String {
    switch field {
    case .direction: { $0.direction }
    case .what: { $0.what }
    case .how: { $0.how }
    case .status: { $0.status.text }
    default: { $0.when.text }
    }
  }

  private func textTest(_ op: Operator, text: @escaping (Activity) -> String) throws(QueryError) -> Test {
    let test = try stringTest(op)
    if field == .direction && [.equal, .notEqual, .in].contains(op) {
      let directions = Dictionary(
        checker.plan.metadata.directions.map { (SwedishCollation.fold($0), $0) },
        uniquingKeysWith: { a, _ in a })
      for value in try resolvedValues() { checker.warnIfAbsent(value, among: directions, what: "inriktning") }
    }
    // Directions, statuses and när texts repeat across a plan: test each distinct text once. Vad and hur
    // repeat too in large plans, and a regular expression costs far more than a lookup: kept while the
    // answers are found again often enough to pay.
    if [.direction, .status, .when].contains(field) {
      let answers = Memo(test)
      return { answers[text($0)] }
    }
    guard op == .matches || op == .contains else { return { test(text($0)) } }
    let answers = Memo(test, givingUp: true)
    return { answers[text($0)] }
  }

  /// The test on the text itself.
  private func stringTest(_ op: Operator) throws(QueryError) -> (String) -> Bool {
    let values = try resolvedValues()
    if op.isTime {
      throw QueryError(
        .type, "'\(op.rawValue)' compares times; use it on 'när', 'start' or 'slut', not on '\(field.name)'",
        at: predicate.opRange)
    }
    if op == .matches {
      let pattern = try regularExpression(values[0])
      return { pattern.matches($0) }
    }
    let folded = values.map { SwedishCollation.fold($0.text) }
    let target = folded[0]
    switch op {
    case .equal: return { SwedishCollation.fold($0) == target }
    case .notEqual: return { SwedishCollation.fold($0) != target }
    case .contains: return { TextSearch.contains(SwedishCollation.fold($0), target) }
    case .startsWith: return { TextSearch.hasPrefix(SwedishCollation.fold($0), target) }
    case .in:
      let set = Set(folded)
      return { set.contains(SwedishCollation.fold($0)) }
    default:
      let key = SwedishCollation.sortKey(values[0].text)
      let holds = ordering(op)
      return { holds(compare(SwedishCollation.sortKey($0), key)) }
    }
  }

  /// `<`, `<=`, `>`, `>=` on `inriktning` compare places in the plan's list of inriktningar, as `order by
  /// inriktning` sorts, so the value must be one of them. An activity whose inriktning is not in the list
  /// (or is empty) has no place and, like a missing prio, matches none of them.
  private func directionOrderTest(_ op: Operator) throws(QueryError) -> Test {
    let value = try resolvedValues()[0]
    let directions = checker.plan.metadata.directions
    let folded = SwedishCollation.fold(value.text)
    guard let target = directions.firstIndex(where: { SwedishCollation.fold($0) == folded }) else {
      var message =
        "\(value.describe) is not one of the plan's inriktningar, which '\(op.rawValue)' compares in plan order"
      let starting = directions.filter { TextSearch.hasPrefix(SwedishCollation.fold($0), folded) }
      if let near = Spelling.nearest(value.text, in: directions)
        ?? (starting.count == 1 ? starting.first : nil)
      {
        message += "; did you mean '\(near)'?"
      } else if directions.isEmpty {
        message += ", and this plan has none"
      } else {
        message += " (\(directions.map { "'\($0)'" }.joined(separator: ", ")))"
      }
      throw QueryError(.name, message, at: value.range)
    }
    let ranks = Ordering(plan: checker.plan).directionRank
    let holds = ordering(op)
    return { activity in ranks[activity.direction].map { holds($0 - target) } ?? false }
  }

  private func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
    a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
  }

  /// For `<`, `<=`, `>`, `>=`: whether a comparison's sign (-1, 0, 1) satisfies the operator.
  private func ordering(_ op: Operator) -> (Int) -> Bool {
    switch op {
    case .less: { $0 < 0 }
    case .lessEqual: { $0 <= 0 }
    case .greater: { $0 > 0 }
    default: { $0 >= 0 }
    }
  }

  private func regularExpression(_ value: Checker.Value) throws(QueryError) -> TextPattern {
    do {
      let pattern = try TextPattern(value.text, budget: checker.warnings.patternBudget)
      checker.warnings.patterns.append((pattern, value.range))
      return pattern
    } catch {
      throw QueryError(
        .type, "\(value.describe) is not a valid regular expression: \(error.message)",
        at: place(of: error, in: value))
    }
  }

  /// Where a pattern's mistake is in the source: exactly, when the value is written out as the pattern
  /// is (a bare word, or quoted without doubled quotes inside); else the whole value.
  private func place(of error: PatternError, in value: Checker.Value) -> SourceRange {
    guard !value.recomposed, let content = value.content, content.end - content.start == value.text.utf8.count
    else {
      return value.range
    }
    let start = content.start + error.offset
    return SourceRange(start: start, end: start + max(1, error.length))
  }

  // MARK: Actors

  private func actorTest(_ op: Operator) throws(QueryError) -> Test {
    let values = try resolvedValues()
    if op.isTime || op.isOrdering {
      throw QueryError(
        .type, "'\(op.rawValue)' does not apply to 'vem', a list of actors; use =, contains, in or matches",
        at: predicate.opRange)
    }
    // A plan names few actors, each many times: the answer for a name is worked out once and kept.
    let someActor: (@escaping (String) -> Bool) -> Test = { holds in
      let answers = Memo { holds(SwedishCollation.fold($0)) }
      let lists = ListMemo { $0.contains { answers[$0] } }
      return { lists[$0.who] }
    }
    if op == .matches {
      let pattern = try regularExpression(values[0])
      return someActor { pattern.matchesFolded($0) }
    }
    // Names fold through the aliases on both sides: Kansliet and kansli are Kansli. Spaces are kept, as on
    // every text field.
    let folded = values.map { SwedishCollation.fold(Actors.named($0.text)) }
    if [.equal, .notEqual, .in].contains(op) {
      let actors = checker.plansActors()
      for (value, name) in zip(values, folded) where actors[name] == nil {
        checker.warnIfAbsent(value, among: actors, what: "actor")
      }
    }
    let target = folded[0]
    switch op {
    case .equal: return someActor { $0 == target }
    case .notEqual:
      let equal = someActor { $0 == target }
      return { !equal($0) }
    case .contains: return someActor { TextSearch.contains($0, target) }
    case .startsWith: return someActor { TextSearch.hasPrefix($0, target) }
    default:
      let set = Set(folded)
      return someActor { set.contains($0) }
    }
  }

  // MARK: Numbers

  private func integerTest(_ op: Operator) throws(QueryError) -> Test {
    let numbers = try resolvedValues().map { (value: Checker.Value) throws(QueryError) -> Int in
      switch value.kind {
      case .integer(let number): return number
      // Parameters arrive as text, and '1' in quotes is still a number.
      case .string: if let number = Int(value.text) { return number }
      default: break
      }
      throw QueryError(
        .type, "'\(field.name)' is a number, and \(value.describe) is not a whole number", at: value.range)
    }
    let own: (Activity) -> Int? = field == .id ? { $0.id } : { $0.priority }
    let target = numbers[0]
    switch op {
    // A missing prio matches no comparison, `!=` included, as a missing day does: `is empty` finds it.
    case .equal: return { own($0) == target }
    case .notEqual: return { own($0).map { $0 != target } ?? false }
    case .in:
      let set = Set(numbers)
      return { own($0).map { set.contains($0) } ?? false }
    case .less, .lessEqual, .greater, .greaterEqual:
      let holds = ordering(op)
      return { activity in own(activity).map { holds($0 < target ? -1 : ($0 == target ? 0 : 1)) } ?? false }
    default:
      throw QueryError(
        .type, "'\(op.rawValue)' works on text, and '\(field.name)' is a number; use =, <, >, in …",
        at: predicate.opRange)
    }
  }

  // MARK: Time

  /// `before`, `after`, `overlaps` against a period: an activity with no interval matches none of them.
  private func timeTest(_ op: Operator, interval: @escaping (Activity) -> DayInterval?) throws(QueryError)
    -> Test
  {
    let other = try period(try resolvedValues()[0])
    switch op {
    case .before: return { interval($0).map { $0.end < other.start } ?? false }
    case .after: return { interval($0).map { $0.start > other.end } ?? false }
    default: return { interval($0).map { $0.overlaps(other) } ?? false }
    }
  }

  /// A value read as days: a date, a month, a year, `today`, or a Swedish period such as "hösten 2021" or
  /// "årsmötet" (the plan's annual meeting).
  func period(_ value: Checker.Value) throws(QueryError) -> DayInterval {
    let found: DayInterval?
    if case .string = value.kind, value.parameter == nil {
      // A quoted 'today' is a text, not the day.
    } else if ["today", "idag"].contains(SwedishCollation.fold(value.text)) {
      return DayInterval(day: checker.today)
    }
    switch value.kind {
    case .date(let day): found = DayInterval(day: day)
    case .month(let year, let month): found = DayInterval.month(month, of: year)
    case .integer(let year): found = PlanYear.range.contains(year) ? DayInterval.year(year) : nil
    default: found = SwedishTime.interval(of: value.text, in: checker.plan.timeContext)
    }
    guard let found else {
      if checker.plan.metadata.annualMeeting == nil && SwedishTime.namesAnnualMeeting(value.text) {
        throw QueryError(
          .type, "\(value.describe) is not a time in this plan: it has no annual meeting date",
          at: value.range,
          notes: ["a CSV plan file carries no metadata; a JSON plan gives the day as \"årsmöte\""])
      }
      throw QueryError(
        .type,
        "\(value.describe) is not a time; write a date (2021-05-11), a month (2021-05), a year (2021), "
          + "today, or a period such as \"hösten 2021\"", at: value.range)
    }
    return found
  }

  /// `start` and `slut` against a period: `<` before it starts, `>` after it ends, `=` within it.
  private func dateTest(_ op: Operator) throws(QueryError) -> Test {
    let day: (Activity) -> Day? =
      field == .start ? { $0.when.interval?.start } : { $0.when.interval?.end }
    if op.isTime { return try timeTest(op) { activity in day(activity).map { DayInterval(day: $0) } } }
    var periods: [DayInterval] = []
    for value in try resolvedValues() { periods.append(try period(value)) }
    let first = periods[0]
    let holds: (Day) -> Bool
    switch op {
    case .equal: holds = { first.start <= $0 && $0 <= first.end }
    case .notEqual: holds = { $0 < first.start || $0 > first.end }
    case .less: holds = { $0 < first.start }
    case .lessEqual: holds = { $0 <= first.end }
    case .greater: holds = { $0 > first.end }
    case .greaterEqual: holds = { $0 >= first.start }
    case .in: holds = { d in periods.contains { $0.start <= d && d <= $0.end } }
    default:
      throw QueryError(
        .type, "'\(op.rawValue)' works on text, and '\(field.name)' is a date; use =, <, >, before, after …",
        at: predicate.opRange)
    }
    return { day($0).map(holds) ?? false }
  }

  // MARK: Categories

  private func categoryTest(_ op: Operator) throws(QueryError) -> Test {
    // The operator first: `kategori contains pa` is a wrong operator, not an unknown category.
    guard [.equal, .notEqual, .in].contains(op) else {
      throw QueryError(
        .type, "'\(op.rawValue)' does not apply to 'kategori'; use =, != or in with a category name",
        at: predicate.opRange)
    }
    var categories: [StatusCategory] = []
    for value in try resolvedValues() {
      let normalized = value.text.replacing("_", with: " ").replacing("-", with: " ")
      if let category = StatusCategory(name: normalized) {
        categories.append(category)
        continue
      }
      let names = StatusCategory.allCases.flatMap { [$0.name, $0.swedishName] }
      var message = "unknown category \(value.describe)"
      if let near = Spelling.nearest(normalized, in: names) {
        message += "; did you mean '\(near)'?"
      } else {
        message += " (categories: \(StatusCategory.allCases.map(\.name).joined(separator: ", ")))"
      }
      throw QueryError(.name, message, at: value.range)
    }
    switch op {
    case .equal: return { $0.status.category == categories[0] }
    case .notEqual: return { $0.status.category != categories[0] }
    default:
      let set = Set(categories)
      return { set.contains($0.status.category) }
    }
  }

  /// Answers kept per actor list. The plan readers give every activity with the same `vem` text one list,
  /// its storage shared, so the storage's address stands for the names while the plan is held: a large
  /// plan's thousands of activities per list are answered by one lookup of a number each.
  final class ListMemo {
    private var answers: [UInt: Bool] = [:]
    private let compute: ([String]) -> Bool

    init(_ compute: @escaping ([String]) -> Bool) { self.compute = compute }

    subscript(list: [String]) -> Bool {
      let key = list.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      if let known = answers[key] { return known }
      let answer = compute(list)
      answers[key] = answer
      return answer
    }
  }

  /// Answers kept per distinct text, filled as rows are tested.
  /// With `givingUp`, the table is dropped when, of the first 4,096 texts, more than half were new: a
  /// column of unique texts would only fill memory.
  final class Memo {
    private var answers: [String: Bool] = [:]
    private let compute: (String) -> Bool
    private var remembering = true
    private var lookups: Int
    private var misses = 0

    init(_ compute: @escaping (String) -> Bool, givingUp: Bool = false) {
      self.compute = compute
      lookups = givingUp ? 0 : Int.min
    }

    subscript(text: String) -> Bool {
      guard remembering else { return compute(text) }
      lookups &+= 1
      if let known = answers[text] { return known }
      let answer = compute(text)
      misses += 1
      if lookups == 4096 && misses > 2048 {
        remembering = false
        answers = [:]
      } else {
        answers[text] = answer
      }
      return answer
    }
  }

  private func resolvedValues() throws(QueryError) -> [Checker.Value] {
    var values: [Checker.Value] = []
    for literal in predicate.operands { values.append(try checker.resolve(literal)) }
    return values
  }
}
