import PlanModel

/// What a statement produces, before it is formatted.
public enum QueryResult {
  /// Activities in result order, shown in `columns`; `selected` tells whether `select` chose them.
  case activities(columns: [Field], selected: Bool, rows: [Activity])
  /// Activities under each value of a field, groups in that field's order.
  case groups(by: Field, columns: [Field], selected: Bool, groups: [Group])
  /// `count`: one number.
  case count(Int)
  /// `count by F`: each value of F (empty for activities without one) and how many activities have it.
  case counts(by: Field, entries: [(value: String, count: Int)])

  public struct Group {
    /// The group's value as written; empty for activities without one, which each format shows in its
    /// own way (a label in tables, an empty CSV field, JSON null).
    public var value: String
    public var rows: [Activity]
  }
}
