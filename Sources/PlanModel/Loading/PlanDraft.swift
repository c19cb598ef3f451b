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
  /// The columns left unread, to be read later from the file (`DeferredColumns`).
  let deferred: Set<PlanColumn>
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
  private var whoLists: [[String]] = []
  /// The names written in `vem` lists, and the canonical form of each, by its index in `actorNames`.
  private var actorNames = StringInterner()
  private var canonicalNames: [String] = []
  /// The status of each distinct `status` text, by its index in `statuses`.
  private var statusTexts: [StatusText] = []

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
  }

  /// The file offsets of the rows, handed over to the plan's `DeferredColumns`.
  mutating func takeRowStarts() -> [Int] {
    defer { rowStarts = [] }
    return rowStarts
  }

  var count: Int { activities.count }

  /// The activities the draft has room for without growing, for tests of its sizing.
  var capacity: Int { activities.capacity }

  /// Whether the arrays were sized, by `reserveExactly`, for the most rows the file can hold: then no
  /// estimate may grow them (and copy them) again.
  private(set) var hasExactCapacity = false

  /// Sizes the arrays for at most `rows` activities, once.
  mutating func reserveExactly(_ rows: Int) {
    reserveCapacity(rows)
    hasExactCapacity = true
  }

  mutating func reserveCapacity(_ rows: Int) {
    activities.reserveCapacity(rows)
    whenIndices.reserveCapacity(rows)
    lines.reserveCapacity(rows)
    if !deferred.isEmpty { rowStarts.reserveCapacity(rows) }
  }

  /// The actor list for a `vem` text, split on `;` once per distinct text, each distinct name folded once:
  /// a large plan writes a few names in thousands of combinations.
  mutating func whoList(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    let index = whos.index(of: bytes)
    if index == whoLists.count { whoLists.append(actorList(bytes)) }
    return whoLists[index]
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
    let index = statuses.index(of: bytes)
    if index == statusTexts.count { statusTexts.append(StatusText(text: statuses.strings[index])) }
    return statusTexts[index]
  }

  /// Adds an activity; `id` nil means its position. A repeated id refuses the file, naming both lines.
  mutating func add(
    id: Int?, line: Int, direction: String, what: String, how: String, who: [String], when whenIndex: Int,
    status: StatusText, priority: Int?, comment: String = "", rowStart: Int = 0
  ) throws(PlanFileError) {
    let id = id ?? activities.count + 1
    if checksIDs { try noteID(id, line: line) }
    lines.append(line)
    if !deferred.isEmpty { rowStarts.append(rowStart) }
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
      lineOfID = Dictionary(uniqueKeysWithValues: zip(activities.map(\.id), lines))
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
    _ = directions.absorb(other.directions)
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
      if !deferred.isEmpty { rowStarts.append(other.rowStarts[index]) }
      activities.append(activity)
      whenIndices.append(Int32(whenIndex[Int(other.whenIndices[index])]))
    }
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
    let metadata = PlanMetadata(
      title: title ?? PlanDraft.title(fromPath: path), year: year, adopted: adopted,
      annualMeeting: annualMeeting,
      directions: declaredDirections ?? directions.strings.filter { !$0.isEmpty },
      corrections: corrections, source: path)
    var plan = Plan(metadata: metadata, activities: activities)
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
