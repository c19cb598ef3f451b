import PlanModel

/// Runs a checked statement over a plan: filter, order, limit, then group or count. One pass over the
/// activities for the filter; sorting is the only step above linear.
public struct Evaluator {
  public let plan: Plan

  public init(plan: Plan) { self.plan = plan }

  public func run(_ statement: CheckedStatement) -> QueryResult {
    var rows = plan.activities
    if let filter = statement.filter { rows = rows.filter(filter) }
    let ordering = Ordering(plan: plan)
    if !statement.order.isEmpty { rows = ordering.sort(rows, by: statement.order) }
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
    if let limit = statement.limit { rows = Array(rows.prefix(limit)) }
    if let field = statement.group {
      return .groups(
        by: field, columns: statement.columns, selected: statement.selected,
        groups: ordering.group(rows, by: field))
    }
    return .activities(columns: statement.columns, selected: statement.selected, rows: rows)
  }
}
