import PlanModel
import Platform

/// Runs a checked statement over a plan: filter, order, limit, then group or count. One pass over the
/// activities for the filter; sorting is the only step above linear.
public struct Evaluator {
  public let plan: Plan

  public init(plan: Plan) { self.plan = plan }

  public func run(_ statement: CheckedStatement) throws(PlanFileError) -> QueryResult {
    try run(statement, interrupted: nil)!
  }

  /// As `run`, but asks `interrupted` now and then while testing activities, and gives up (nil) when it
  /// says so: Ctrl-C in the REPL stops a long statement.
  ///
  /// On a plan read in part (`Plan.unreadColumns`), the columns the statement shows, sorts, groups or
  /// counts are read for the activities its condition finds, not for the whole plan; reading them fails
  /// when the file changed since it was loaded.
  public func run(_ statement: CheckedStatement, interrupted: (() -> Bool)?) throws(PlanFileError)
    -> QueryResult?
  {
    var plan = self.plan
    // The session reads these before checking; a caller that did not gets them read here.
    try plan.readColumns(statement.columnsRead.everyRow)
    // Positions until the rows are known and in order: each activity of the result is copied once.
    guard var positions = found(by: statement, in: plan, interrupted: interrupted) else { return nil }
    if case .total = statement.count { return .count(positions.count) }
    let shown = statement.columnsRead.shown
    // The activity at a position, with what is sorted and counted. A plan held as columns makes it from
    // them; when it left a field to sort or count by unread, the rows found are made whole first.
    var activity = plan.activityReader(reading: Set(PlanColumn.allCases))
    var madeWhole = false
    if plan.isHeldAsColumns {
      let arranged = Set(
        (statement.order.map(\.field) + [statement.count?.field].compactMap { $0 }).compactMap(\.planColumn))
      if arranged.isDisjoint(with: plan.unreadColumns) {
        activity = plan.activityReader(reading: arranged)
      } else {
        let rows = try plan.activities(at: positions, reading: shown)
        positions = Array(rows.indices)
        activity = { rows[$0] }
        madeWhole = true
      }
    }
    let arranger = RowArranger(plan: plan)
    if !statement.order.isEmpty {
      guard
        let sorted = arranger.sort(
          positions: positions, by: statement.order, interrupted: interrupted, inPlan: !madeWhole,
          activity: activity)
      else { return nil }
      positions = sorted
    }
    if let limit = statement.limit, statement.count == nil { positions = Array(positions.prefix(limit)) }
    switch statement.count {
    case .total:
      return .count(positions.count)
    case .by(let field):
      guard
        var entries = arranger.counts(
          positions: positions, by: field, interrupted: interrupted, activity: activity)
      else { return nil }
      if let limit = statement.limit { entries = Array(entries.prefix(limit)) }
      return .counts(by: field, entries: entries)
    case nil:
      break
    }
    let rows =
      plan.isHeldAsColumns && !madeWhole
      ? try plan.activities(at: positions, reading: shown) : positions.map(activity)
    if let field = statement.group {
      guard let groups = arranger.group(rows, by: field, interrupted: interrupted) else { return nil }
      return .groups(by: field, columns: statement.columns, selected: statement.selected, groups: groups)
    }
    return .activities(columns: statement.columns, selected: statement.selected, rows: rows)
  }

  /// The positions of the activities the condition holds for, in plan order; all without one; nil when
  /// `interrupted` says to stop.
  private func found(by statement: CheckedStatement, in plan: Plan, interrupted: (() -> Bool)?) -> [Int]? {
    let count = plan.activityCount
    guard let condition = statement.condition else { return Array(0..<count) }
    // Each part tests with a test of its own, since tests keep what they found.
    func find(in rows: Range<Int>) -> [Int]? {
      var positions: [Int] = []
      let compiler = ConditionCompiler(plan: plan)
      if plan.isHeldAsColumns {
        let test = compiler.compileRows(condition).test
        for start in stride(from: rows.lowerBound, to: rows.upperBound, by: 1 << 14) {
          if let interrupted, interrupted() { return nil }
          for row in start..<min(start + 1 << 14, rows.upperBound) where test(row) { positions.append(row) }
        }
        return positions
      }
      let test = compiler.compile(condition).test
      for start in stride(from: rows.lowerBound, to: rows.upperBound, by: 1024) {
        if let interrupted, interrupted() { return nil }
        // Each activity is lent to the test: a copy would retain and release each of its texts.
        plan.forEachActivity(in: start..<min(start + 1024, rows.upperBound)) {
          position, activity in
          if test(activity) { positions.append(position) }
        }
      }
      return positions
    }
    guard interrupted != nil || !statement.patterns.isEmpty || count < 1 << 16 else {
      // Nothing to stop it and no pattern whose automaton both halves would build: the halves of a large
      // plan are tested at once.
      var halves: (first: [Int]?, second: [Int]?)
      let middle = count / 2
      inParallel({ halves.first = find(in: 0..<middle) }, { halves.second = find(in: middle..<count) })
      return halves.first! + halves.second!
    }
    return find(in: 0..<count)
  }
}
