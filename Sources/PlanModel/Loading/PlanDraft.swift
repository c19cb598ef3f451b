import Platform

/// A plan as it is being read: activities in file order, each distinct value held once.
///
/// Both readers feed it rows; `finish` then settles the plan year, which must be known before any `när`
/// text is read, and reads each distinct `när` text once. The year can come from the texts themselves, so
/// intervals are filled in only after the last row.
struct PlanDraft {
  let path: String
  private(set) var activities: [Activity] = []
  /// For each activity, the index of its `när` text in `whens`.
  private var whenIndices: [Int32] = []
  /// The line of each activity, to name both lines when an id repeats.
  private var lines: [Int] = []
  /// The file offset each activity's row starts at, kept only when columns are left for later.
  private var rowStarts: [Int] = []
  /// The columns left unread, to be read later from the file (`DeferredColumns`). When any is, the rows
  /// are held as columns, not as activities.
  let deferred: Set<PlanColumn>
  private var columns = ActivityColumns()
  private var holdsColumns: Bool { !deferred.isEmpty }
  /// Where each column is in a row of a CSV file, once its header is read.
  var layout: CSVReader.Layout?
  /// The greatest id so far: while ids increase, none can repeat and `lineOfID` is not needed.
  private var greatestID = 0
  /// The line of each id, built only once ids stop increasing.
  private var lineOfID: [Int: Int]?

  var directions = StringInterner()
  var whats = StringInterner()
  var hows = StringInterner()
  var whos = StringInterner()
  var whens = StringInterner(countsUses: true)
  var statuses = StringInterner()
  /// The actor list of each distinct `vem` text, by its index in `whos`.
  private(set) var whoLists: [[String]] = []
  /// The names written in `vem` lists, and the canonical form of each, by its index in `actorNames`.
  private var actorNames = StringInterner()
  private var canonicalNames: [String] = []
  /// The status of each distinct `status` text, by its index in `statuses`.
  private(set) var statusTexts: [StatusText] = []

  // Metadata a JSON file may declare.
  var title: String?
  var year: Int?
  var adopted: Day?
  var annualMeeting: Day?
  var declaredDirections: [String]?
  var corrections: [Correction] = []
  var boardMeetings: [Day] = []
  var log: [LogEntry] = []

  /// Keep activities whose id was used before, for `sekom check` to report, instead of refusing the file.
  let allowsRepeatedIDs: Bool
  /// Whether `add` checks that ids do not repeat. A draft of the later part of a file read in two parts
  /// does not: its ids are checked in file order as `absorb` takes them in.
  let checksIDs: Bool

  init(
    path: String, allowsRepeatedIDs: Bool = false, checksIDs: Bool = true,
    deferring deferred: Set<PlanColumn> = []
  ) {
    self.path = path
    self.allowsRepeatedIDs = allowsRepeatedIDs
    self.checksIDs = checksIDs
    self.deferred = deferred
    if !deferred.contains(.direction) { columns.directionIndices = [] }
    if !deferred.contains(.what) { columns.whats = [] }
    if !deferred.contains(.how) { columns.hows = [] }
    if !deferred.contains(.who) { columns.whoIndices = [] }
    if !deferred.contains(.status) { columns.statusIndices = [] }
  }

  /// The file offsets of the rows, handed over to the plan's `DeferredColumns`.
  mutating func takeRowStarts() -> [Int] {
    defer { rowStarts = [] }
    return rowStarts
  }

  var count: Int { holdsColumns ? columns.count : activities.count }

  /// The activities the draft has room for without growing, for tests of its sizing.
  var capacity: Int { holdsColumns ? columns.ids.capacity : activities.capacity }

  /// Whether the arrays were sized, by `reserveExactly`, for the most rows the file can hold: then no
  /// estimate may grow them (and copy them) again.
  private(set) var hasExactCapacity = false

  /// Sizes the arrays for at most `rows` activities, once.
  mutating func reserveExactly(_ rows: Int) {
    reserveCapacity(rows)
    hasExactCapacity = true
  }

  mutating func reserveCapacity(_ rows: Int) {
    whenIndices.reserveCapacity(rows)
    lines.reserveCapacity(rows)
    guard holdsColumns else {
      activities.reserveCapacity(rows)
      return
    }
    rowStarts.reserveCapacity(rows)
    columns.ids.reserveCapacity(rows)
    columns.priorities.reserveCapacity(rows)
    columns.directionIndices?.reserveCapacity(rows)
    columns.whats?.reserveCapacity(rows)
    columns.hows?.reserveCapacity(rows)
    columns.whoIndices?.reserveCapacity(rows)
    columns.statusIndices?.reserveCapacity(rows)
  }

  /// The actor list for a `vem` text, split on `;` once per distinct text, each distinct name folded once:
  /// a large plan writes a few names in thousands of combinations.
  mutating func whoList(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    whoLists[whoIndex(bytes)]
  }

  /// The number of a `vem` text's actor list in `whoLists`.
  mutating func whoIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let index = whos.index(of: bytes)
    if index == whoLists.count { whoLists.append(actorList(bytes)) }
    return index
  }

  /// As `Actors.parseList`, from bytes.
  private mutating func actorList(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    var list: [String] = []
    var start = 0
    for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
      let piece = ByteText.trimmed(bytes, start, end)
      start = end + 1
      guard !piece.isEmpty else { continue }
      let nameIndex = actorNames.index(of: UnsafeBufferPointer(rebasing: bytes[piece]))
      if nameIndex == canonicalNames.count {
        canonicalNames.append(Actors.canonical(actorNames.strings[nameIndex]))
      }
      if !canonicalNames[nameIndex].isEmpty { list.append(canonicalNames[nameIndex]) }
    }
    return list
  }

  /// The status for a `status` text, categorised once per distinct text.
  mutating func status(_ bytes: UnsafeBufferPointer<UInt8>) -> StatusText {
    statusTexts[statusIndex(bytes)]
  }

  /// The number of a `status` text in `statusTexts`.
  mutating func statusIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let index = statuses.index(of: bytes)
    if index == statusTexts.count { statusTexts.append(StatusText(text: statuses.strings[index])) }
    return index
  }

  /// Adds a row of a CSV file whose cells `cell` gives, each valid until the next is asked for; the
  /// columns left for later are not asked for. `id` nil means its position.
  mutating func addRow(
    id: Int?, line: Int, priority: Int?, rowStart: Int, cell: (PlanColumn) -> UnsafeBufferPointer<UInt8>
  ) throws(PlanFileError) {
    guard holdsColumns else {
      let direction = directions.value(of: cell(.direction))
      let what = whats.string(of: cell(.what))
      let how = hows.string(of: cell(.how))
      let who = whoList(cell(.who))
      let status = status(cell(.status))
      try add(
        id: id, line: line, direction: direction, what: what, how: how, who: who,
        when: whens.index(of: cell(.when)), status: status, priority: priority)
      return
    }
    let id = id ?? columns.count + 1
    if checksIDs { try noteID(id, line: line) }
    lines.append(line)
    rowStarts.append(rowStart)
    columns.ids.append(id)
    columns.priorities.append(priority)
    whenIndices.append(Int32(whens.index(of: cell(.when))))
    appendTexts(cell)
  }

  /// Appends a row's cells to the text columns held (those not left for later), each distinct text held
  /// once: at loading, and when a column left unread is read (`Plan.readColumns`).
  mutating func appendTexts(_ cell: (PlanColumn) -> UnsafeBufferPointer<UInt8>) {
    if columns.directionIndices != nil {
      columns.directionIndices!.append(Int32(directions.index(of: cell(.direction))))
    }
    if columns.whats != nil { columns.whats!.append(whats.string(of: cell(.what))) }
    if columns.hows != nil { columns.hows!.append(hows.string(of: cell(.how))) }
    if columns.whoIndices != nil { columns.whoIndices!.append(Int32(whoIndex(cell(.who)))) }
    if columns.statusIndices != nil { columns.statusIndices!.append(Int32(statusIndex(cell(.status)))) }
  }

  /// The text columns held, with their tables of distinct values.
  var heldTexts: ActivityColumns {
    var texts = columns
    texts.directions = directions.strings
    texts.whoLists = whoLists
    texts.statuses = statusTexts
    return texts
  }

  /// Adds an activity; `id` nil means its position. A repeated id refuses the file, naming both lines.
  mutating func add(
    id: Int?, line: Int, direction: String, what: String, how: String, who: [String], when whenIndex: Int,
    status: StatusText, priority: Int?, comment: String = ""
  ) throws(PlanFileError) {
    let id = id ?? activities.count + 1
    if checksIDs { try noteID(id, line: line) }
    lines.append(line)
    activities.append(
      Activity(
        id: id, direction: direction, what: what, how: how, who: who,
        when: WhenText(text: whens.strings[whenIndex], interval: nil), status: status, priority: priority,
        comment: comment))
    whenIndices.append(Int32(whenIndex))
  }

  /// Refuses an id used before, naming both lines, unless repeated ids are allowed.
  private mutating func noteID(_ id: Int, line: Int) throws(PlanFileError) {
    if id > greatestID && lineOfID == nil {
      greatestID = id
      return
    }
    if lineOfID == nil {
      // Ids increased until now, so they are distinct.
      lineOfID = Dictionary(
        uniqueKeysWithValues: zip(holdsColumns ? columns.ids : activities.map(\.id), lines))
    }
    if let first = lineOfID!.updateValue(line, forKey: id), !allowsRepeatedIDs {
      throw PlanFileError(
        path: path, line: line, field: "id",
        message: "id \(id) is used twice, on line \(first) and on this line")
    }
  }

  /// Takes in the activities of a draft read from the rest of the same file, as if they had been read
  /// here: lines shifted by `lineOffset` (the other counted from 1), ids checked in file order (or, with
  /// `numberByPosition`, numbered on from here), the row limit kept, and the `när` texts and directions
  /// added to this draft's tables, so that each distinct text is still read once.
  mutating func absorb(
    _ other: inout PlanDraft, lineOffset: Int, numberByPosition: Bool, maximumRows: Int
  ) throws(PlanFileError) {
    let whenIndex = whens.absorb(other.whens)
    let directionIndex = directions.absorb(other.directions)
    if holdsColumns {
      try absorbColumns(
        &other, whenIndex: whenIndex, directionIndex: directionIndex, lineOffset: lineOffset,
        numberByPosition: numberByPosition, maximumRows: maximumRows)
      return
    }
    let incoming = other.activities
    other.activities = []
    reserveCapacity(activities.count + incoming.count)
    for (index, var activity) in incoming.enumerated() {
      let line = other.lines[index] + lineOffset
      guard activities.count < maximumRows else {
        throw CSVReader.tooManyRows(path: path, line: line, maximum: maximumRows)
      }
      if numberByPosition { activity.id = activities.count + 1 }
      if checksIDs { try noteID(activity.id, line: line) }
      lines.append(line)
      activities.append(activity)
      whenIndices.append(Int32(whenIndex[Int(other.whenIndices[index])]))
    }
  }

  /// `absorb` for rows held as columns: each text's number turned into its number here.
  private mutating func absorbColumns(
    _ other: inout PlanDraft, whenIndex: [Int], directionIndex: [Int], lineOffset: Int,
    numberByPosition: Bool,
    maximumRows: Int
  ) throws(PlanFileError) {
    let whoIndex = whos.absorb(other.whos)
    for (theirs, ours) in whoIndex.enumerated() where ours == whoLists.count {
      whoLists.append(other.whoLists[theirs])
    }
    let statusIndex = statuses.absorb(other.statuses)
    for (theirs, ours) in statusIndex.enumerated() where ours == statusTexts.count {
      statusTexts.append(other.statusTexts[theirs])
    }
    let incoming = other.columns
    other.columns = ActivityColumns()
    reserveCapacity(columns.count + incoming.count)
    // Ids and the row limit are checked in file order, each row's id and line taken in as it is checked
    // (a repeated id names the line of the first); the other columns are joined whole. Ids that go on
    // increasing, within the limit, need no row-by-row check: they are taken in whole too.
    let increasing =
      !numberByPosition && lineOfID == nil && columns.count + incoming.count <= maximumRows
      && (incoming.ids.first.map { $0 > greatestID } ?? true)
      && zip(incoming.ids, incoming.ids.dropFirst()).allSatisfy { $0 < $1 }
    for row in 0..<(increasing ? 0 : incoming.count) {
      let line = other.lines[row] + lineOffset
      guard columns.count < maximumRows else {
        throw CSVReader.tooManyRows(path: path, line: line, maximum: maximumRows)
      }
      let id = numberByPosition ? columns.count + 1 : incoming.ids[row]
      if checksIDs { try noteID(id, line: line) }
      lines.append(line)
      columns.ids.append(id)
    }
    if increasing, checksIDs, let last = incoming.ids.last { greatestID = last }
    // The rest is copying into memory not touched yet, tens of megabytes for a million rows: two groups
    // of columns at once, each taken out of the draft while it is filled.
    var joined = (
      ids: columns.ids, lines: lines, rowStarts: rowStarts, whenIndices: whenIndices, held: columns
    )
    (columns, lines, rowStarts, whenIndices) = (ActivityColumns(), [], [], [])
    joined.held.ids = []
    let otherLines = other.lines
    let otherRowStarts = other.rowStarts
    let otherWhenIndices = other.whenIndices
    inParallel(
      {
        if increasing {
          joined.ids.append(contentsOf: incoming.ids)
          joined.lines.append(contentsOf: otherLines.lazy.map { $0 + lineOffset })
        }
        joined.rowStarts.append(contentsOf: otherRowStarts)
        joined.whenIndices.append(contentsOf: otherWhenIndices.lazy.map { Int32(whenIndex[Int($0)]) })
      },
      {
        joined.held.priorities.append(contentsOf: incoming.priorities)
        if let theirs = incoming.directionIndices {
          joined.held.directionIndices!.append(contentsOf: theirs.lazy.map { Int32(directionIndex[Int($0)]) })
        }
        if let theirs = incoming.whats { joined.held.whats!.append(contentsOf: theirs) }
        if let theirs = incoming.hows { joined.held.hows!.append(contentsOf: theirs) }
        if let theirs = incoming.whoIndices {
          joined.held.whoIndices!.append(contentsOf: theirs.lazy.map { Int32(whoIndex[Int($0)]) })
        }
        if let theirs = incoming.statusIndices {
          joined.held.statusIndices!.append(contentsOf: theirs.lazy.map { Int32(statusIndex[Int($0)]) })
        }
      })
    (columns, lines, rowStarts, whenIndices) = (
      joined.held, joined.lines, joined.rowStarts, joined.whenIndices
    )
    columns.ids = joined.ids
  }

  /// The finished plan. Each distinct `när` text is read once, by `intervalOf`, in the plan year's context.
  mutating func finish(
    options: PlanReadOptions, intervalOf: (String, TimeContext) -> DayInterval?
  ) -> Plan {
    let stated = options.year ?? year ?? yearNamedMostOften()
    let year = stated ?? options.defaultYear ?? PlanDraft.currentYear()
    let context = TimeContext(planYear: year, annualMeeting: annualMeeting)
    let intervals = whens.strings.map { intervalOf($0, context) }
    // Taken out of the draft, so that filling in the intervals does not copy a million activities.
    var activities = self.activities
    self.activities = []
    for i in activities.indices { activities[i].when.interval = intervals[Int(whenIndices[i])] }
    var columns = holdsColumns ? heldTexts : ActivityColumns()
    self.columns = ActivityColumns()
    if holdsColumns {
      columns.whenIndices = whenIndices
      columns.whens = zip(whens.strings, intervals).map { WhenText(text: $0, interval: $1) }
    }
    let metadata = PlanMetadata(
      title: title ?? PlanDraft.title(fromPath: path), year: year, adopted: adopted,
      annualMeeting: annualMeeting,
      directions: declaredDirections ?? directions.strings.filter { !$0.isEmpty },
      corrections: corrections, source: path)
    var plan =
      holdsColumns
      ? Plan(metadata: metadata, columns: columns) : Plan(metadata: metadata, activities: activities)
    plan.metadata.boardMeetings = boardMeetings
    plan.log = log.map { $0.readingWhen(in: context) }
    plan.yearWasAssumed = stated == nil
    return plan
  }

  /// The year (`PlanYear`) the `när` texts name most often, counting every row; on a tie the later
  /// year, since plans look ahead ("Start 2018, beräknas klar våren 2021").
  func yearNamedMostOften() -> Int? {
    var rowsNaming: [Int: Int] = [:]
    for (index, text) in whens.strings.enumerated() {
      var named = Set<Int>()
      var run = 0
      var value = 0
      for byte in text.utf8 + [0x20] {
        if (0x30...0x39).contains(byte) {
          run += 1
          if run <= 4 { value = value * 10 + Int(byte - 0x30) }
          continue
        }
        if PlanYear.isYear(value, digits: run) { named.insert(value) }
        run = 0
        value = 0
      }
      for year in named { rowsNaming[year, default: 0] += whens.uses[index] }
    }
    return rowsNaming.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
  }

  /// A title for a plan that does not state one: the file name without directory and extension.
  static func title(fromPath path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    let stem = name.lastIndex(of: ".").map { name[..<$0] }.map(String.init) ?? name
    return stem.isEmpty ? "plan" : stem
  }

  /// The calendar year now, in local time.
  static func currentYear() -> Int {
    Clock.now()?.year ?? 1970 + Int(Clock.secondsSinceEpoch() / 31_556_952)
  }
}
