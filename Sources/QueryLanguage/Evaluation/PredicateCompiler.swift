import PlanModel

/// Compiles one checked predicate into a test on an activity. Constants are folded here, once, not for
/// every activity; texts that repeat are answered from tables kept while the test runs.
struct PredicateCompiler {
  let plan: Plan
  let predicate: CheckedPredicate

  typealias Test = (Activity) -> Bool

  func compile() -> Test {
    let test = compileUnnegated()
    return predicate.negated ? { !test($0) } : test
  }

  private func compileUnnegated() -> Test {
    let op = predicate.op
    let field = predicate.field
    switch predicate.operand {
    case .none:
      let empty = emptiness()
      return op == .isEmpty ? empty : { !empty($0) }
    case .numbers(let numbers): return integerTest(op, numbers)
    case .texts(let texts):
      if field == .who { return actorTest(op, texts) }
      return textTest(stringTest(op, texts))
    case .pattern(let pattern):
      if field == .who { return someActor { pattern.matchesFolded($0) } }
      return textTest { pattern.matches($0) }
    case .directionPlace(let target):
      let ranks = RowArranger(plan: plan).directionRank
      let holds = ordering(op)
      return { activity in ranks[activity.direction].map { holds($0 - target) } ?? false }
    case .periods(let periods):
      if field.slot == .when { return timeTest(op, periods[0]) { $0.when.interval } }
      return dateTest(op, periods)
    case .categories(let categories):
      return categoryTest(op, categories)
    }
  }

  // MARK: Emptiness

  private func emptiness() -> Test {
    switch predicate.field.slot {
    case .id: { _ in false }
    case .priority, .group: { $0.priority == nil }
    case .who: { $0.who.isEmpty }
    case .when, .time: { $0.when.text.isEmpty }
    case .category: { $0.status.category == .none }
    case .start, .end: { $0.when.interval == nil }
    case .direction, .what, .how, .status, .comment, .author, .changedField, .from, .to:
      { activity in
        let text = textAccessor()(activity)
        return text.isEmpty || text.allSatisfy(\.isWhitespace)
      }
    }
  }

  // MARK: Text

  /// The text a text test reads; `när` as written when it is compared as text.
  private func textAccessor() -> (Activity) -> String {
    switch predicate.field.slot {
    case .direction: { $0.direction }
    case .what: { $0.what }
    case .how: { $0.how }
    case .status: { $0.status.text }
    case .when: { $0.when.text }
    case .comment: { $0.comment }
    // A field of `changes` is read through its slot, one of the cases above.
    case .id, .who, .category, .priority, .start, .end, .time, .author, .group, .changedField, .from, .to:
      preconditionFailure("the checker reads \(predicate.field.name) as no text")
    }
  }

  private func textTest(_ test: @escaping (String) -> Bool) -> Test {
    let text = textAccessor()
    // Directions, statuses and när texts repeat across a plan: test each distinct text once. Vad and hur
    // repeat too in large plans, and a regular expression costs far more than a lookup: kept while the
    // answers are found again often enough to pay.
    if [.direction, .status, .when].contains(predicate.field.slot) {
      let answers = Memo(test)
      return { answers[text($0)] }
    }
    guard predicate.op == .matches || predicate.op == .contains else { return { test(text($0)) } }
    let answers = Memo(test, givingUp: true)
    return { answers[text($0)] }
  }

  /// The test on the text itself.
  private func stringTest(_ op: Operator, _ values: [String]) -> (String) -> Bool {
    let folded = values.map { SwedishCollation.fold($0) }
    let target = folded[0]
    switch op {
    case .equal: return { SwedishCollation.fold($0) == target }
    case .notEqual: return { SwedishCollation.fold($0) != target }
    case .contains: return { TextSearch.contains(SwedishCollation.fold($0), target) }
    case .startsWith: return { TextSearch.hasPrefix(SwedishCollation.fold($0), target) }
    case .in:
      let set = Set(folded)
      return { set.contains(SwedishCollation.fold($0)) }
    case .less, .lessEqual, .greater, .greaterEqual:
      let key = SwedishCollation.sortKey(values[0])
      let holds = ordering(op)
      return { holds(compare(SwedishCollation.sortKey($0), key)) }
    case .matches, .isEmpty, .isNotEmpty, .before, .after, .overlaps:
      preconditionFailure("the checker gives '\(op.rawValue)' no texts")
    }
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
    case .greaterEqual: { $0 >= 0 }
    case .equal, .notEqual, .contains, .startsWith, .matches, .in, .isEmpty, .isNotEmpty, .before, .after,
      .overlaps:
      preconditionFailure("'\(op.rawValue)' does not order")
    }
  }

  // MARK: Actors

  /// Whether some actor of an activity, folded, satisfies `holds`. A plan names few actors, each many
  /// times: the answer for a name is worked out once and kept.
  private func someActor(_ holds: @escaping (String) -> Bool) -> Test {
    let answers = Memo { holds(SwedishCollation.fold($0)) }
    let lists = ListMemo { $0.contains { answers[$0] } }
    return { lists[$0.who] }
  }

  private func actorTest(_ op: Operator, _ values: [String]) -> Test {
    // Names fold through the aliases on both sides: Kansliet and kansli are Kansli. Spaces are kept, as on
    // every text field.
    let folded = values.map { SwedishCollation.fold(Actors.named($0)) }
    let target = folded[0]
    switch op {
    case .equal: return someActor { $0 == target }
    case .notEqual:
      let equal = someActor { $0 == target }
      return { !equal($0) }
    case .contains: return someActor { TextSearch.contains($0, target) }
    case .startsWith: return someActor { TextSearch.hasPrefix($0, target) }
    case .in:
      let set = Set(folded)
      return someActor { set.contains($0) }
    case .less, .lessEqual, .greater, .greaterEqual, .matches, .isEmpty, .isNotEmpty, .before, .after,
      .overlaps:
      preconditionFailure("the checker gives '\(op.rawValue)' on vem no names")
    }
  }

  // MARK: Numbers

  private func integerTest(_ op: Operator, _ numbers: [Int]) -> Test {
    let test = numberTest(op, numbers)
    return predicate.field == .id ? { test($0.id) } : { test($0.priority) }
  }

  /// The test of a predicate on `id` or `prio` as a test of the number alone, negation included; nil for
  /// any other predicate. A plan held as columns keeps the numbers in arrays of their own.
  func compileNumber() -> (field: Field, test: (Int?) -> Bool)? {
    guard case .numbers(let numbers) = predicate.operand,
      predicate.field == .id || predicate.field == .priority
    else { return nil }
    let test = numberTest(predicate.op, numbers)
    return (predicate.field, predicate.negated ? { !test($0) } : test)
  }

  private func numberTest(_ op: Operator, _ numbers: [Int]) -> (Int?) -> Bool {
    let target = numbers[0]
    switch op {
    // A missing prio matches no comparison, `!=` included, as a missing day does: `is empty` finds it.
    case .equal: return { $0 == target }
    case .notEqual: return { $0.map { $0 != target } ?? false }
    case .in:
      let set = Set(numbers)
      return { $0.map { set.contains($0) } ?? false }
    case .less, .lessEqual, .greater, .greaterEqual:
      let holds = ordering(op)
      return { value in value.map { holds($0 < target ? -1 : ($0 == target ? 0 : 1)) } ?? false }
    case .contains, .startsWith, .matches, .isEmpty, .isNotEmpty, .before, .after, .overlaps:
      preconditionFailure("the checker gives '\(op.rawValue)' no numbers")
    }
  }

  // MARK: Time

  /// `before`, `after`, `overlaps` against a period: an activity with no interval matches none of them.
  private func timeTest(_ op: Operator, _ other: DayInterval, interval: @escaping (Activity) -> DayInterval?)
    -> Test
  {
    switch op {
    case .before: return { interval($0).map { $0.end < other.start } ?? false }
    case .after: return { interval($0).map { $0.start > other.end } ?? false }
    case .overlaps: return { interval($0).map { $0.overlaps(other) } ?? false }
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains, .startsWith, .matches,
      .in, .isEmpty, .isNotEmpty:
      preconditionFailure("'\(op.rawValue)' is no time operator")
    }
  }

  /// `start` and `slut` against a period: `<` before it starts, `>` after it ends, `=` within it.
  private func dateTest(_ op: Operator, _ periods: [DayInterval]) -> Test {
    let day: (Activity) -> Day? =
      predicate.field == .start ? { $0.when.interval?.start } : { $0.when.interval?.end }
    let first = periods[0]
    let holds: (Day) -> Bool
    switch op {
    case .before, .after, .overlaps:
      return timeTest(op, first) { activity in day(activity).map { DayInterval(day: $0) } }
    case .equal: holds = { first.start <= $0 && $0 <= first.end }
    case .notEqual: holds = { $0 < first.start || $0 > first.end }
    case .less: holds = { $0 < first.start }
    case .lessEqual: holds = { $0 <= first.end }
    case .greater: holds = { $0 > first.end }
    case .greaterEqual: holds = { $0 >= first.start }
    case .in: holds = { d in periods.contains { $0.start <= d && d <= $0.end } }
    case .contains, .startsWith, .matches, .isEmpty, .isNotEmpty:
      preconditionFailure("the checker gives '\(op.rawValue)' no days")
    }
    return { day($0).map(holds) ?? false }
  }

  // MARK: Categories

  private func categoryTest(_ op: Operator, _ categories: [StatusCategory]) -> Test {
    switch op {
    case .equal: return { $0.status.category == categories[0] }
    case .notEqual: return { $0.status.category != categories[0] }
    case .in:
      let set = Set(categories)
      return { set.contains($0.status.category) }
    case .less, .lessEqual, .greater, .greaterEqual, .contains, .startsWith, .matches, .isEmpty, .isNotEmpty,
      .before, .after, .overlaps:
      preconditionFailure("the checker gives '\(op.rawValue)' no categories")
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
}
