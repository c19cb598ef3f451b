import PlanModel

/// Compiles a checked condition into one test on an activity. The checker has already found every
/// mistake, so this cannot fail; it only decides how the test runs.
struct ConditionCompiler {
  let plan: Plan

  typealias Test = (Activity) -> Bool

  /// A condition's test, and a rough cost of running it on one activity. The cheaper side of `and` and
  /// `or` runs first: tests have no effects, so only the time changes.
  func compile(_ condition: CheckedCondition) -> (test: Test, cost: Int) {
    combine(condition) { test, _ in test }
  }

  /// The test as a test of the activity at a position (`Plan.rowTest`): on a plan held as columns, no
  /// activity is made per row, and a field whose texts repeat is tested once per distinct text.
  func compileRows(_ condition: CheckedCondition) -> (test: (Int) -> Bool, cost: Int) {
    combine(condition) { test, column in
      plan.rowTest(reading: column, test)
    } number: { field, test in
      field == .id ? plan.rowTest(id: { test($0) }) : plan.rowTest(priority: test)
    }
  }

  /// The tests of the predicates, each made a test of `Row` by `row` from a test of activities and the
  /// one plan column it reads (nil: id and prio only), joined as the condition joins them.
  /// A predicate on `id` or `prio` may instead be made a test of `Row` by `number`, from a test of the
  /// number alone.
  private func combine<Row>(
    _ condition: CheckedCondition, _ row: (@escaping Test, PlanColumn?) -> (Row) -> Bool,
    number: ((Field, @escaping (Int?) -> Bool) -> (Row) -> Bool)? = nil
  ) -> (test: (Row) -> Bool, cost: Int) {
    switch condition {
    case .and(let a, let b):
      let (left, right) = (combine(a, row, number: number), combine(b, row, number: number))
      let (first, second) = left.cost <= right.cost ? (left.test, right.test) : (right.test, left.test)
      return ({ first($0) && second($0) }, left.cost + right.cost)
    case .or(let a, let b):
      let (left, right) = (combine(a, row, number: number), combine(b, row, number: number))
      let (first, second) = left.cost <= right.cost ? (left.test, right.test) : (right.test, left.test)
      return ({ first($0) || second($0) }, left.cost + right.cost)
    case .not(let inner):
      let compiled = combine(inner, row, number: number)
      let test = compiled.test
      return ({ !test($0) }, compiled.cost)
    case .predicate(let predicate):
      let compiler = PredicateCompiler(plan: plan, predicate: predicate)
      if let number, let (field, test) = compiler.compileNumber() { return (number(field, test), 1) }
      let test = compiler.compile()
      return (
        row(test, predicate.field.planColumn), ConditionCompiler.cost(of: predicate.op, on: predicate.field)
      )
    case .changed(let changed):
      // The ids the log has such a change for, found once in one pass over the log.
      let ids = Set(plan.log.lazy.filter(changed.matches).map(\.activityID))
      return (row({ ids.contains($0.id) }, nil), 1)
    }
  }

  /// Numbers and days compare in a step; texts that repeat are answered from a table; free text is
  /// searched, and a regular expression runs an automaton.
  static func cost(of op: Operator, on field: Field) -> Int {
    let base =
      switch field.slot {
      case .id, .priority, .category, .start, .end, .group: 1
      case .when where op.isTime: 1
      case .direction, .status, .when, .time: 2
      case .who: 3
      case .what, .how, .comment, .author, .changedField, .from, .to: 4
      }
    return op == .matches ? base + 4 : base
  }
}
