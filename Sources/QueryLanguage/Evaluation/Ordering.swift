import PlanModel

/// How values of each field sort and group: text in Swedish order, numbers numerically, `när` by start then
/// end, `inriktning` in the plan's order. Missing values (no interval, no prio) come last in either
/// direction.
struct Ordering {
  let plan: Plan

  /// A sort key for one field of one activity; computed once per row, then compared.
  enum Key: Comparable {
    case number(Int)
    case text([UInt32])
    case interval(Int32, Int32)
    case missing

    static func < (a: Key, b: Key) -> Bool {
      switch (a, b) {
      case (.number(let x), .number(let y)): x < y
      case (.text(let x), .text(let y)): x.lexicographicallyPrecedes(y)
      case (.interval(let x1, let x2), .interval(let y1, let y2)): (x1, x2) < (y1, y2)
      case (.missing, _): false
      case (_, .missing): true
      default: false
      }
    }
  }

  private var directionRank: [String: Int] {
    Dictionary(plan.metadata.directions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// A function from activity to its key for `field`, with per-plan tables built once.
  func keyFunction(for field: Field) -> (Activity) -> Key {
    switch field {
    case .id: return { .number($0.id) }
    case .priority: return { $0.priority.map(Key.number) ?? .missing }
    case .direction:
      let ranks = directionRank
      let count = ranks.count
      return { activity in
        if let rank = ranks[activity.direction] { return .number(rank) }
        // Directions outside the plan's list follow it, in Swedish order.
        return .text([UInt32(count)] + SwedishCollation.sortKey(activity.direction))
      }
    case .what: return { .text(SwedishCollation.sortKey($0.what)) }
    case .how: return { .text(SwedishCollation.sortKey($0.how)) }
    case .status: return { .text(SwedishCollation.sortKey($0.status.text)) }
    case .who: return { .text(SwedishCollation.sortKey($0.who.joined(separator: ", "))) }
    case .when:
      return { activity in
        activity.when.interval.map { .interval($0.start.ordinal, $0.end.ordinal) } ?? .missing
      }
    case .category:
      let rank = Dictionary(uniqueKeysWithValues: StatusCategory.allCases.enumerated().map { ($1, $0) })
      return { .number(rank[$0.status.category]!) }
    case .start: return { $0.when.interval.map { .number(Int($0.start.ordinal)) } ?? .missing }
    case .end: return { $0.when.interval.map { .number(Int($0.end.ordinal)) } ?? .missing }
    }
  }

  /// Sorts by the keys, in order; ties keep plan order. Keys are computed once per row, one column per
  /// key, and the rows' positions are sorted rather than the rows.
  func sort(_ rows: [Activity], by keys: [(field: Field, descending: Bool)]) -> [Activity] {
    let columns = keys.map { key in
      let function = keyFunction(for: key.field)
      return rows.map(function)
    }
    var order = Array(rows.indices)
    order.sort { a, b in
      for (i, key) in keys.enumerated() {
        let (x, y) = (columns[i][a], columns[i][b])
        if x == y { continue }
        // Missing values stay last whichever the direction.
        if case .missing = x { return false }
        if case .missing = y { return true }
        return key.descending ? y < x : x < y
      }
      return a < b
    }
    return order.map { rows[$0] }
  }

  /// The values an activity is grouped or counted under: one per actor for `vem`, else one.
  func groupValues(for field: Field) -> (Activity) -> [String] {
    switch field {
    case .who: return { $0.who }
    default:
      let text = Cells.plainText(field)
      return { [text($0)] }
    }
  }

  /// Groups the rows by a field's values: groups in the field's order, rows in result order within them.
  /// Values are grouped as they fold, so "Pågår" and "pågår" are one group, shown as first written.
  func group(_ rows: [Activity], by field: Field) -> [QueryResult.Group] {
    let values = groupValues(for: field)
    let key = keyFunction(for: field)
    var order: [String] = []
    var groups: [String: (label: String, key: Key, rows: [Activity])] = [:]
    for row in rows {
      for value in values(row) {
        let folded = SwedishCollation.fold(value)
        if groups[folded] == nil {
          order.append(folded)
          let groupKey: Key = field == .who ? .text(SwedishCollation.sortKey(value)) : key(row)
          groups[folded] = (value, groupKey, [])
        }
        groups[folded]!.rows.append(row)
      }
    }
    let sorted = order.enumerated().sorted { a, b in
      let (x, y) = (groups[a.element]!.key, groups[b.element]!.key)
      return x == y ? a.offset < b.offset : x < y
    }
    return sorted.map { _, folded in
      let group = groups[folded]!
      return QueryResult.Group(value: group.label.isEmpty ? "(none)" : group.label, rows: group.rows)
    }
  }
}
