/// Reads a handlingsplan exported as plain text and makes it a `Plan`, with a report of every inference.
///
/// The secretariat gets each year's plan as a word-processor document; exported as text, its tables become
/// tab-separated lines, but merged cells, page breaks and line breaks inside cells are lost. The importer
/// puts them back by rule, in stages that each have their own file:
///
/// 1. `SourceLines`: line ends, byte order mark, non-breaking spaces and UTF-8 checking.
/// 2. `TableReader`: the sections (the heading, the last line before the header row) and their rows.
/// 3. `MetadataReader`: title, year, adoption day and annual meeting, from the lines before the tables.
/// 4. `RowJoiner`: each empty Vad carries the Vad above; rows split by a page break are joined.
/// 5. Here: each row becomes an activity; actors are split (`ActorSplitter`), a garbled date of the annual
///    meeting is repaired, and Prio is read as a whole number.
///
/// Every change to the document's text becomes a `Correction` in the plan's metadata, as the embedded plan
/// lists its own, so that a data-quality listing can show what the plan does not say literally.
public enum HandlingsplanImporter {
  /// The plan in `text`; `source` names the file in errors and becomes the plan's `metadata.source`.
  /// `year`, when given, is the plan year, whatever the document names; else the document must name one.
  ///
  /// Text decoded from invalid UTF-8 holds U+FFFD where the bad bytes were, and is refused with the line;
  /// `importBytes(_:source:year:)` checks the bytes themselves.
  public static func importText(
    _ text: String, source: String, year: Int? = nil
  ) throws(ImportError) -> (plan: Plan, report: ImportReport) {
    try importText(text, source: source, year: year, limits: .standard)
  }

  /// `importText(_:source:year:)` within `limits`.
  static func importText(
    _ text: String, source: String, year: Int?, limits: Limits
  ) throws(ImportError) -> (plan: Plan, report: ImportReport) {
    try checkLines(of: text, source: source)
    var reader = SourceLineReader(text)
    var notes: [ImportNote] = []
    // Rows are joined as they are read, so that neither the lines nor the rows as written are all held.
    var assembly = Assembly()
    let tables = try TableReader.read(&reader, source: source, limits: limits, notes: &notes) {
      row, notes throws(ImportError) in
      RowJoiner.add(row, to: &assembly, notes: &notes)
      if assembly.joinedText > limits.planText {
        throw ImportError(
          source: source, line: row.line,
          message: "rows split by page breaks would be joined into more than \(limits.planText >> 20) MiB "
            + "of text; a handlingsplan holds far less")
      }
      if assembly.rows.count > limits.activities {
        throw ImportError(
          source: source, line: row.line,
          message: "the plan would have more than \(limits.activities) activities; a handlingsplan has a few "
            + "hundred")
      }
    }
    let heading = try MetadataReader.read(tables.front[...], source: source, year: year, notes: &notes)
    try limits.check(notes, source: source)
    let context = TimeContext(planYear: heading.year, annualMeeting: heading.annualMeeting)

    var corrections: [Correction] = []
    var activities: [Activity] = []
    activities.reserveCapacity(assembly.rows.count)
    var planText = 0
    for (index, row) in assembly.rows.enumerated() {
      var cell = CellReader(id: index + 1, line: row.line, context: context)
      let activity = Activity(
        id: cell.id, direction: tables.directions[row.direction], what: assembly.vads[row.vadGroup],
        how: row.cells[.hur], who: cell.actors(row.cells[.vem]), when: cell.when(row.cells[.när]),
        status: StatusText(text: row.cells[.status]), priority: cell.priority(row.cells[.prio]))
      // A Vad or heading is carried to every row below it, so a short text can make a plan far longer
      // than itself, whose plan file could not be written in memory.
      planText += textLength(of: activity)
      if planText > limits.planText {
        throw ImportError(
          source: source, line: row.line,
          message: "the plan would hold more than \(limits.planText >> 20) MiB of text, its Vad and "
            + "heading carried to every row below them; a handlingsplan holds far less")
      }
      activities.append(activity)
      corrections += cell.corrections
      notes += cell.notes
      try limits.check(notes, source: source)
    }
    // The embedded plan lists corrections of cells first and page-break joins after them.
    corrections += assembly.joins.map { join in
      Correction(
        activityID: join.row + 1, field: join.column.field,
        original: join.above + " / " + lead(of: join.below),
        corrected: join.joined, reason: "row split by a page break, joined")
    }

    let metadata = PlanMetadata(
      title: heading.title, year: heading.year, adopted: heading.adopted,
      annualMeeting: heading.annualMeeting,
      directions: tables.directions, corrections: corrections, source: source)
    // Notes are made stage by stage; the report lists them by line, keeping each line's notes in order.
    return (Plan(metadata: metadata, activities: activities), ImportReport(lines: inLineOrder(notes)))
  }

  /// The notes by line, each line's in the order they were made. Notes come in line order stage by stage,
  /// so the sort is skipped when they are in order already, and sorts positions rather than notes.
  static func inLineOrder(_ notes: [ImportNote]) -> [ImportNote] {
    guard zip(notes, notes.dropFirst()).contains(where: { $0.line > $1.line }) else { return notes }
    var order = Array(notes.indices)
    order.sort { (notes[$0].line, $0) < (notes[$1].line, $1) }
    return order.map { notes[$0] }
  }

  /// The plan in UTF-8 `bytes`: as `importText(_:source:year:)`, but invalid UTF-8 is found in the bytes,
  /// so the error names the line even where decoding would have hidden it.
  public static func importBytes(
    _ bytes: [UInt8], source: String, year: Int? = nil
  ) throws(ImportError) -> (plan: Plan, report: ImportReport) {
    try validateUTF8(bytes, source: source)
    return try importText(String(decoding: bytes, as: UTF8.self), source: source, year: year)
  }

  /// The most text the activities of an imported plan hold together, in UTF-8 bytes.
  static var maximumPlanText: Int { Limits.standard.planText }

  /// The bytes of text in an activity's fields, as a plan file writes them.
  static func textLength(of activity: Activity) -> Int {
    activity.direction.utf8.count + activity.what.utf8.count + activity.how.utf8.count
      + activity.who.reduce(0) { $0 + $1.utf8.count } + activity.when.text.utf8.count
      + activity.status.text.utf8.count
  }

  /// The start of a fragment for a correction's `original`: its first two words, then an ellipsis.
  static func lead(of text: String) -> String {
    let words = text.split(separator: " ")
    return words.count <= 2 ? text : words.prefix(2).joined(separator: " ") + " …"
  }

  /// Reads the Vem, När and Prio cells of one activity, collecting its corrections and notes.
  struct CellReader {
    let id: Int
    let line: Int
    let context: TimeContext
    var corrections: [Correction] = []
    var notes: [ImportNote] = []

    init(id: Int, line: Int, context: TimeContext) {
      self.id = id
      self.line = line
      self.context = context
    }

    private mutating func note(_ message: String) {
      notes.append(ImportNote(line: line, activityID: id, message: message))
    }

    /// The canonical actors of a Vem cell, each once, in the order written.
    mutating func actors(_ cell: String) -> [String] {
      let (pieces, runTogether) = ActorSplitter.split(cell)
      if runTogether {
        note("Vem \"\(cell)\" read as " + pieces.map(\.actor).joined(separator: ", "))
      }
      var actors: [String] = []
      // A cell may name thousands of unknown actors; a set finds the ones named twice.
      var named: Set<String> = []
      for piece in pieces {
        switch piece.kind {
        case .known:
          break
        case .corrected:
          corrections.append(
            Correction(
              activityID: id, field: Column.vem.field, original: piece.written, corrected: piece.listed,
              reason: ActorSplitter.reason(original: piece.written, corrected: piece.listed)))
          note("actor \"\(piece.written)\" corrected to \"\(piece.listed)\", the nearest known actor")
        case .unknown:
          note("unknown actor \"\(piece.written)\" kept as written")
        }
        if named.insert(piece.actor).inserted {
          actors.append(piece.actor)
        } else {
          note("Vem names \(piece.actor) twice: kept once")
        }
      }
      return actors
    }

    /// The När cell and the days it names.
    ///
    /// A date the export garbled into digits, "28-05-01", is read as the annual meeting when its first two
    /// numbers are the meeting's day and month: the export turns "28 maj 2021" into such forms, and the
    /// annual meeting is the one date every plan names. Other digit dates are left alone and reported, since
    /// a guess at them could put an activity on the wrong day.
    mutating func when(_ text: String) -> WhenText {
      if let interval = SwedishTime.interval(of: text, in: context) {
        return WhenText(text: text, interval: interval)
      }
      guard let numbers = Self.digitDate(text) else { return WhenText(text: text, interval: nil) }
      let meeting = context.annualMeeting?.components
      guard let day = context.annualMeeting, numbers.day == meeting?.day, numbers.month == meeting?.month
      else {
        note("När \"\(text)\" looks like a date but is not read as one: left as written")
        return WhenText(text: text, interval: nil)
      }
      let repaired = SwedishDate.swedish(day)
      corrections.append(
        Correction(
          activityID: id, field: Column.när.field, original: text, corrected: repaired,
          reason: "garbled date: the annual meeting is held \(SwedishDate.english(day))"))
      note("När \"\(text)\" corrected to \"\(repaired)\": the annual meeting's day and month, as DD-MM-??")
      return WhenText(text: repaired, interval: SwedishTime.interval(of: repaired, in: context))
    }

    /// Day and month of a text of three numbers of one or two digits joined by the same dash, slash or dot.
    static func digitDate(_ text: String) -> (day: Int, month: Int)? {
      guard let separator = text.first(where: { "-/.".contains($0) }) else { return nil }
      let parts = text.split(separator: separator, omittingEmptySubsequences: false)
      guard parts.count == 3,
        parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
        let day = Int(parts[0]), let month = Int(parts[1])
      else { return nil }
      return (day, month)
    }

    /// The Prio cell as a whole number; nil when empty, or not a whole number (reported).
    mutating func priority(_ text: String) -> Int? {
      guard !text.isEmpty else { return nil }
      guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
        note("Prio \"\(text)\" is not a whole number: left empty")
        return nil
      }
      return value
    }
  }
}
