import PlanModel

/// Runs a checked statement over a plan: filter, order, limit, then group or count. One pass over the
/// activities for the filter; sorting is the only step above linear.
public struct Evaluator {
  public let plan: Plan

  public init(plan: Plan) { self.plan = plan }

  public func run(_ statement: CheckedStatement) -> QueryResult {
    // Positions until the rows are known and in order: each activity of the result is copied once.
    let activities = plan.activities
    var positions = Array(activities.indices)
    if let filter = statement.filter { positions = positions.filter { filter(activities[$0]) } }
    let ordering = Ordering(plan: plan)
    if !statement.order.isEmpty {
      positions = ordering.sort(positions: positions, of: activities, by: statement.order)
    }
    if let limit = statement.limit, statement.count == nil { positions = Array(positions.prefix(limit)) }
    if case .total = statement.count { return .count(positions.count) }
    let rows = positions.map { activities[$0] }
    switch statement.count {
    case .total:
      return .count(rows.count)
    case .by(let field):
      var entries = ordering.counts(rows, by: field)
      if let limit = statement.limit { entries = Array(entries.prefix(limit)) }
      return .counts(by: field, entries: entries)
    case nil:
      break
    }
    if let field = statement.group {
      return .groups(
        by: field, columns: statement.columns, selected: statement.selected,
        groups: ordering.group(rows, by: field))
    }
    return .activities(columns: statement.columns, selected: statement.selected, rows: rows)
  }
}
