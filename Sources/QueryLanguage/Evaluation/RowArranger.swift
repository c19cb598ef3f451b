import PlanModel

/// Arranges a result's rows: sorts them, groups them and counts them. Values of each field sort and group: text in Swedish order, numbers numerically, `när` by start then
/// end, `inriktning` in the plan's order. Missing values (no interval, no prio) come last in either
/// direction.
struct RowArranger {
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
      // Keys of one field are all of one kind, so mixed kinds never meet.
      case (.number, _), (.text, _), (.interval, _): false
      }
    }
  }

  /// Each inriktning's place in the plan's list; `<` and `>` on `inriktning` compare these too.
  var directionRank: [String: Int] {
    Dictionary(plan.metadata.directions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// A function from activity to its key for `field`, with per-plan tables built once.
  func keyFunction(for field: Field) -> (Activity) -> Key {
    switch field.slot {
    case .id: return { .number($0.id) }
    case .priority, .group: return { $0.priority.map(Key.number) ?? .missing }
    case .direction, .changedField:
      let ranks = directionRank
      let count = ranks.count
      return { activity in
        if let rank = ranks[activity.direction] { return .number(rank) }
        // Directions outside the plan's list follow it, in Swedish order.
        return .text([UInt32(count)] + SwedishCollation.sortKey(activity.direction))
      }
    case .what: return { .text(SwedishCollation.sortKey($0.what)) }
    case .how, .from: return { .text(SwedishCollation.sortKey($0.how)) }
    case .status, .to: return { .text(SwedishCollation.sortKey($0.status.text)) }
    case .comment, .author: return { .text(SwedishCollation.sortKey($0.comment)) }
    case .who: return { .text(SwedishCollation.sortKey($0.who.joined(separator: ", "))) }
    case .when, .time:
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

  /// Sorts positions in `activities` by the keys of the activities there; ties keep the positions' order.
  /// Keys are computed once per position, one column per key, and positions are sorted, not activities.

  /// As `sort`, but asks `interrupted` every few thousand steps, also while comparing, and gives up (nil)
  /// when it says so: sorting millions of rows takes seconds, and Ctrl-C must not wait for it.
  /// `activity` gives the activity at a position, with at least the fields sorted by.
  ///
  /// `inPlan`: the positions are the plan's own, so that on a plan held as columns what a field whose
  /// texts repeat gives is worked out once per distinct text.
  func sort(
    positions: [Int], by keys: [(field: Field, descending: Bool)], interrupted: (() -> Bool)?,
    inPlan: Bool = false, activity: (Int) -> Activity
  ) -> [Int]? {
    var steps = 0
    func check() throws(Stopped) {
      steps &+= 1
      if steps & 0xFFF == 0, let interrupted, interrupted() { throw Stopped() }
    }
    /// What `value` gives for the activity at each position.
    func column<Value>(_ field: Field, _ value: (Activity) -> Value) throws(Stopped) -> [Value] {
      if inPlan, let planColumn = field.planColumn, let distinct = plan.distinctTexts(of: planColumn) {
        let values = distinct.activities.map(value)
        return try positions.map { position throws(Stopped) in
          try check()
          return values[Int(distinct.numbers[position])]
        }
      }
      return try positions.map { position throws(Stopped) in
        try check()
        return value(activity(position))
      }
    }
    do {
      let columns = try keys.map { key throws(Stopped) in
        if let text = RowArranger.textOf(key.field) {
          return try rankedColumn(column(key.field, text), check: check)
        }
        return try column(key.field, keyFunction(for: key.field))
      }
      if keys.count == 1, var items = RowArranger.sortItems(columns[0], descending: keys[0].descending) {
        if let counted = RowArranger.countingSort(items) { return counted.map { positions[Int($0)] } }
        try items.sort { a, b throws in
          try check()
          return (a.missing, a.value, a.index) < (b.missing, b.value, b.index)
        }
        return items.map { positions[Int($0.index)] }
      }
      var order = Array(positions.indices)
      try order.sort { a, b throws in
        try check()
        return RowArranger.precedes(a, b, columns: columns, keys: keys)
      }
      return order.map { positions[$0] }
    } catch {
      return nil
    }
  }

  /// A row of a sort by one key of numbers or intervals, compared as integers: a million rows sort in a
  /// fraction of the time their keys take to compare.
  struct SortItem {
    /// 1 for a missing value, which comes last in either direction.
    var missing: UInt8
    /// The key as an unsigned integer in the sort's order, descending already turned around.
    var value: UInt64
    var index: UInt32
  }

  /// The items' indices in sorted order, counted into place when their values span no more than their
  /// number (ranks of texts, prio, ids numbered 1…): linear, and stable as the sort is. Nil otherwise.
  static func countingSort(_ items: [SortItem]) -> [UInt32]? {
    let present = items.lazy.filter { $0.missing == 0 }.map(\.value)
    guard let low = present.min(), let high = present.max() else {
      return items.map(\.index)
    }
    guard high - low < UInt64(max(items.count, 16)) else { return ranked(items) }
    // One slot per value, and one after them for the missing, which come last.
    var starts = [Int](repeating: 0, count: Int(high - low) + 2)
    for item in items { starts[item.missing == 1 ? starts.count - 1 : Int(item.value - low)] += 1 }
    var total = 0
    for slot in starts.indices {
      let count = starts[slot]
      starts[slot] = total
      total += count
    }
    var sorted = [UInt32](repeating: 0, count: items.count)
    for item in items {
      let slot = item.missing == 1 ? starts.count - 1 : Int(item.value - low)
      sorted[starts[slot]] = item.index
      starts[slot] += 1
    }
    return sorted
  }

  /// `countingSort` for values spread wide but few (the days of `när` texts): each distinct value is
  /// given its rank, and the ranks are counted into place; nil when the values are not few.
  private static func ranked(_ items: [SortItem]) -> [UInt32]? {
    let most = items.count / 8
    var ranks = ValueRanks()
    for item in items where item.missing == 0 {
      ranks.insert(item.value)
      if ranks.count > most { return nil }
    }
    ranks.rank()
    return countingSort(
      items.map {
        SortItem(missing: $0.missing, value: $0.missing == 0 ? ranks[$0.value] : 0, index: $0.index)
      })
  }

  /// A set of integers and then each one's rank among them: open addressing with a multiplicative hash,
  /// since a hashed Dictionary costs more per row than the rest of the sort. The table grows as values
  /// come, kept at most half full.
  struct ValueRanks {
    private var values: [UInt64] = Array(repeating: 0, count: 16)
    private var ranks: [UInt64] = []
    private var used: [Bool] = Array(repeating: false, count: 16)
    private(set) var count = 0
    private var shift: UInt64 = 60

    private func slot(of value: UInt64) -> Int {
      var slot = Int((value &* 0x9E37_79B9_7F4A_7C15) >> shift)
      while used[slot] && values[slot] != value { slot = (slot + 1) & (values.count - 1) }
      return slot
    }

    /// Adds a value; a value already there is left as it is.
    mutating func insert(_ value: UInt64) {
      let slot = slot(of: value)
      guard !used[slot] else { return }
      used[slot] = true
      values[slot] = value
      count += 1
      if count * 2 > values.count { grow() }
    }

    private mutating func grow() {
      let old = values.indices.filter { used[$0] }.map { values[$0] }
      values = Array(repeating: 0, count: values.count * 2)
      used = Array(repeating: false, count: values.count)
      shift -= 1
      for value in old {
        let slot = slot(of: value)
        used[slot] = true
        values[slot] = value
      }
    }

    /// Gives each value its rank in ascending order.
    mutating func rank() {
      ranks = Array(repeating: 0, count: values.count)
      let slots = values.indices.filter { used[$0] }.sorted { values[$0] < values[$1] }
      for (rank, slot) in slots.enumerated() { ranks[slot] = UInt64(rank) }
    }

    /// The rank of a value inserted.
    subscript(value: UInt64) -> UInt64 { ranks[slot(of: value)] }
  }

  /// The rows of one key column as integers; nil when the column holds text keys.
  static func sortItems(_ column: [Key], descending: Bool) -> [SortItem]? {
    var items: [SortItem] = []
    items.reserveCapacity(column.count)
    for (index, key) in column.enumerated() {
      var value: UInt64
      switch key {
      case .number(let n): value = UInt64(bitPattern: Int64(n)) ^ (1 << 63)
      case .interval(let start, let end):
        value =
          UInt64(UInt32(bitPattern: start) ^ 0x8000_0000) << 32
          | UInt64(UInt32(bitPattern: end) ^ 0x8000_0000)
      case .missing:
        items.append(SortItem(missing: 1, value: 0, index: UInt32(index)))
        continue
      case .text: return nil
      }
      if descending { value = ~value }
      items.append(SortItem(missing: 0, value: value, index: UInt32(index)))
    }
    return items
  }

  private static func precedes(
    _ a: Int, _ b: Int, columns: [[Key]], keys: [(field: Field, descending: Bool)]
  ) -> Bool {
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

  /// Thrown inside a sort when Ctrl-C stops it.
  struct Stopped: Error {}

  /// The text a text field sorts by; nil for fields that sort otherwise.
  private static func textOf(_ field: Field) -> ((Activity) -> String)? {
    switch field.slot {
    case .what: { $0.what }
    case .how, .from: { $0.how }
    case .status, .to: { $0.status.text }
    case .comment, .author: { $0.comment }
    case .who: { $0.who.joined(separator: ", ") }
    case .id, .direction, .when, .category, .priority, .start, .end, .time, .group, .changedField: nil
    }
  }

  /// Texts as ranks in Swedish order: each distinct text gets its key once, and rows compare numbers.
  /// Plans repeat their texts, so this is far less work than a key per row.
  private func rankedColumn(_ texts: [String], check: () throws(Stopped) -> Void) throws(Stopped) -> [Key] {
    var indexOf: [Bytes: Int] = [:]
    var distinct: [String] = []
    var indices: [Int] = []
    indices.reserveCapacity(texts.count)
    for text in texts {
      let key = Bytes(text)
      if let index = indexOf[key] {
        indices.append(index)
      } else {
        indexOf[key] = distinct.count
        indices.append(distinct.count)
        distinct.append(text)
      }
    }
    let keyed = try distinct.indices.map { index throws(Stopped) in
      try check()
      return (index, SwedishCollation.sortKey(distinct[index]))
    }
    let ordered: [(Int, [UInt32])]
    do {
      ordered = try keyed.sorted { a, b throws in
        try check()
        return a.1.lexicographicallyPrecedes(b.1)
      }
    } catch {
      throw Stopped()
    }
    var rank = [Int](repeating: 0, count: distinct.count)
    var previous: [UInt32]?
    var current = -1
    for (index, key) in ordered {
      if key != previous { current += 1 }
      previous = key
      rank[index] = current
    }
    return indices.map { .number(rank[$0]) }
  }

  /// A text looked up by its bytes: plan texts are held in NFC, so equal bytes are equal texts, and a
  /// String's own hash, which normalises first, costs several times more on Swedish text.
  struct Bytes: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: Bytes, b: Bytes) -> Bool {
      var (x, y) = (a.text, b.text)
      return x.withUTF8 { x in y.withUTF8 { y in x.elementsEqual(y) } }
    }
  }

  /// The values an activity is grouped or counted under: one per actor for `vem` (the empty value when
  /// it names none, so that it is still counted), else one.
  func groupValues(for field: Field) -> (Activity) -> [String] {
    switch field {
    case .who: return { $0.who.isEmpty ? [""] : $0.who }
    case .id, .direction, .what, .how, .when, .status, .category, .priority, .start, .end, .comment, .time,
      .author, .group, .changedField, .from, .to:
      let text = field.plainText
      return { [text($0)] }
    }
  }

  /// Groups the rows by a field's values: groups in the field's order, rows in result order within them.
  /// Values are grouped as they fold, so "Pågår" and "pågår" are one group, shown as first written.
  func group(_ rows: [Activity], by field: Field, interrupted: (() -> Bool)? = nil) -> [QueryResult.Group]? {
    grouped(rows.lazy.map { ($0, 1) }, by: field, keepingRows: true, interrupted: interrupted)?.map { group in
      QueryResult.Group(value: group.label, rows: group.rows)
    }
  }

  /// `count by`: each group's value and size, without gathering the rows. On `vem` each actor list the
  /// activities share is looked at once, weighed by how many share it: a large plan writes a few
  /// thousand lists for a million activities.
  func counts(
    positions: [Int], by field: Field, interrupted: (() -> Bool)? = nil,
    activity: @escaping (Int) -> Activity
  ) -> [(value: String, count: Int)]? {
    guard field == .who else {
      return grouped(
        positions.lazy.map { (activity($0), 1) }, by: field, keepingRows: false, interrupted: interrupted
      )?.map { ($0.label, $0.count) }
    }
    var listIndex: [UInt: Int] = [:]
    var lists: [(first: Activity, count: Int)] = []
    for (step, position) in positions.enumerated() {
      if step & 0xFFF == 0xFFF, let interrupted, interrupted() { return nil }
      let row = activity(position)
      let key = row.who.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      if let index = listIndex[key] {
        lists[index].count += 1
      } else {
        listIndex[key] = lists.count
        lists.append((row, 1))
      }
    }
    return grouped(lists, by: field, keepingRows: false, interrupted: interrupted)?.map {
      ($0.label, $0.count)
    }
  }

  /// Groups rows, each counted `weight` times (once, but for the lists `counts` folds together).
  /// Nil when `interrupted` says so, asked every few thousand rows.
  private func grouped<Rows: Sequence<(Activity, Int)>>(
    _ rows: Rows, by field: Field, keepingRows: Bool, interrupted: (() -> Bool)?
  ) -> [(label: String, count: Int, rows: [Activity])]? {
    var step = 0
    let values = groupValues(for: field)
    let key = keyFunction(for: field)
    // A text is folded once, the first time it is met; after that rows find their group by the text as
    // written, and texts that fold alike ("Pågår", "pågår") share a group.
    var groupOfText: [String: Int] = [:]
    var groupOfFolded: [String: Int] = [:]
    var labels: [String] = []
    var keys: [Key] = []
    var counts: [Int] = []
    var members: [[Activity]] = []
    for (row, weight) in rows {
      step &+= 1
      if step & 0xFFF == 0, let interrupted, interrupted() { return nil }
      for value in values(row) {
        let index: Int
        if let known = groupOfText[value] {
          index = known
        } else {
          let folded = SwedishCollation.fold(value)
          if let existing = groupOfFolded[folded] {
            index = existing
          } else {
            index = labels.count
            groupOfFolded[folded] = index
            labels.append(value)
            // The group of activities without a value comes last, as missing values do in order.
            keys.append(
              value.isEmpty ? .missing : field == .who ? .text(SwedishCollation.sortKey(value)) : key(row))
            counts.append(0)
            members.append([])
          }
          groupOfText[value] = index
        }
        counts[index] += weight
        if keepingRows { members[index].append(row) }
      }
    }
    let order = labels.indices.sorted { a, b in
      switch (keys[a], keys[b]) {
      case (.missing, .missing): a < b
      case (.missing, _): false
      case (_, .missing): true
      default: keys[a] == keys[b] ? a < b : keys[a] < keys[b]
      }
    }
    return order.map { (labels[$0], counts[$0], members[$0]) }
  }

}
