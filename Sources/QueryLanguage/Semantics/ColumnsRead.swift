import PlanModel

/// The plan columns a statement reads, found from the names it writes before it is checked: a large plan
/// file is loaded with only some columns read (`PlanReadOptions.columns`), and the rest are read when a
/// statement needs them.
public struct ColumnsRead: Equatable, Sendable {
  /// Read for every activity: what the condition tests (checking it looks at every row's values), and
  /// everything the statement reads when it has no condition. `inriktning` is always read whole, since
  /// its order is the plan's list of inriktningar.
  public var everyRow: Set<PlanColumn>
  /// Read only for the activities the condition finds: what is sorted, grouped, counted and shown.
  public var foundRows: Set<PlanColumn>
  /// What the result is made of: the columns sorted, grouped, counted and selected, or every column when
  /// whole activities are shown (no `select`; JSON writes them whole).
  public var shown: Set<PlanColumn>

  public static let all = ColumnsRead(
    everyRow: Set(PlanColumn.allCases), foundRows: [], shown: Set(PlanColumn.allCases))

  /// The columns of `statement`. A change, `as of` and `changes` read the whole plan.
  public init(of statement: Statement) {
    guard statement.change == nil, statement.asOf == nil, Checker.source(of: statement) == .activities,
      statement.filter.map(ColumnsRead.readsLog) != true
    else {
      self = .all
      return
    }
    var tested = Set<PlanColumn>()
    if let filter = statement.filter { ColumnsRead.columns(of: filter, into: &tested) }
    var shown = Set<PlanColumn>()
    let named =
      (statement.order ?? []).map(\.field) + [statement.group, statement.count?.by].compactMap { $0 }
    for name in named { if let column = ColumnsRead.column(named: name) { shown.insert(column) } }
    if let select = statement.select {
      for name in select { if let column = ColumnsRead.column(named: name) { shown.insert(column) } }
    } else if statement.count == nil {
      // Without `select` every column is shown (JSON shows whole activities).
      shown = Set(PlanColumn.allCases)
    }
    if statement.timeline != nil { shown = Set(PlanColumn.allCases) }
    if statement.filter == nil {
      self.init(everyRow: tested.union(shown), foundRows: [], shown: shown)
    } else {
      self.init(everyRow: tested, foundRows: shown.subtracting(tested), shown: shown)
    }
    if foundRows.remove(.direction) != nil { everyRow.insert(.direction) }
  }

  /// The columns to read when loading a plan for these parsed sources: what their statements read for
  /// every activity. A dot-command may look at anything, so with one every column is read. Statements
  /// after an error count too: with --keep-going they run.
  public static func toLoad(for sources: [[Result<ScriptItem, QueryError>]]) -> Set<PlanColumn> {
    var columns = Set<PlanColumn>()
    for items in sources {
      for item in items {
        switch item {
        case .success(.statement(let statement)): columns.formUnion(ColumnsRead(of: statement).everyRow)
        case .success(.dotCommand): return ColumnsRead.all.everyRow
        case .failure: continue
        }
      }
    }
    return columns
  }

  public init(everyRow: Set<PlanColumn>, foundRows: Set<PlanColumn>, shown: Set<PlanColumn>) {
    self.everyRow = everyRow
    self.foundRows = foundRows
    self.shown = shown
  }

  private static func column(named name: Name) -> PlanColumn? {
    RowSource.activities.field(named: name.text)?.planColumn
  }

  private static func columns(of expression: Expression, into columns: inout Set<PlanColumn>) {
    switch expression {
    case .and(let a, let b), .or(let a, let b):
      ColumnsRead.columns(of: a, into: &columns)
      ColumnsRead.columns(of: b, into: &columns)
    case .not(let inner, _): ColumnsRead.columns(of: inner, into: &columns)
    case .predicate(let predicate):
      if let column = ColumnsRead.column(named: predicate.field) { columns.insert(column) }
    case .changed: columns.formUnion(PlanColumn.allCases)
    }
  }

  /// Whether a condition reads the log (`changed`).
  private static func readsLog(_ expression: Expression) -> Bool {
    switch expression {
    case .and(let a, let b), .or(let a, let b): readsLog(a) || readsLog(b)
    case .not(let inner, _): readsLog(inner)
    case .predicate: false
    case .changed: true
    }
  }
}
