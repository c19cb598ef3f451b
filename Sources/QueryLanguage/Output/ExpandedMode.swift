/// Whether a table is written as records, one block of `field: value` lines per row (`.expanded`), as
/// psql's `\x` does.
public enum ExpandedMode: String, Sendable, CaseIterable {
  /// Always records.
  case on
  /// Always a table, its columns squeezed to the width if need be.
  case off
  /// Records on a terminal when the columns cannot fit legibly, else a table.
  case auto
}
