/// How a plan file is to be read.
public struct PlanReadOptions: Sendable, Equatable {
  /// The plan year (`--year`). It overrides the year the file states (JSON `år`) or implies (the year its
  /// `när` texts name most often); texts without a year, such as "Löpande" or "våren", are read in it.
  public var year: Int?
  /// Read a file whose ids repeat instead of refusing it: for `sekom check`, which reports them.
  public var allowsRepeatedIDs: Bool
  /// The plan year when neither `year`, the file nor its texts give one: the year of the day a report is
  /// made for (`--today`), so that the report can be made again. Nil: the current calendar year.
  public var defaultYear: Int?

  /// The columns of a large CSV file to read now; the others are left empty in every activity and read
  /// when asked for (`Plan.readColumns`, `Plan.activities(at:reading:)`), so that a question about a
  /// million rows turns into values only the columns it uses. `id`, `prio` and `när` are always read:
  /// they are checked, and `när` gives the plan year. A file that is not read from disk a buffer at a
  /// time (a pipe, JSON, a small file) is read whole.
  public var columns: Set<PlanColumn>

  public init(
    year: Int? = nil, allowsRepeatedIDs: Bool = false, defaultYear: Int? = nil,
    columns: Set<PlanColumn> = Set(PlanColumn.allCases)
  ) {
    self.year = year
    self.allowsRepeatedIDs = allowsRepeatedIDs
    self.defaultYear = defaultYear
    self.columns = columns
  }
}

/// Plan files: reading a plan from CSV or JSON, and writing one back.
///
/// A file is read whole or refused whole with a `PlanFileError` that names the line and the column, so
/// that a query never runs on part of a plan. The formats are described in `CSVReader` and `JSONReader`.
///
/// The plan's metadata: the year is `options.year`, else JSON `år`, else the year (`PlanYear`) the
/// `när` texts name most often, else the current calendar year. The title is JSON `titel`, else the file
/// name without its extension. The directions are JSON `inriktningar`, else the distinct `inriktning`
/// values in order of first appearance. The source is the path.
public enum PlanFile {
  public enum Format: Sendable, Equatable {
    case csv, json
  }

  /// Reads the plan in the file at `path`. The format is chosen by the extension, `.csv` or `.json` in any
  /// case; for any other name the content decides: a first non-blank byte `{` or `[` is JSON, else CSV.
  public static func read(path: String, options: PlanReadOptions = .init()) throws(PlanFileError) -> Plan {
    let file = try FileBytes.open(path: path)
    // A CSV file is read from disk a buffer at a time, never whole; a pipe of unknown format is read
    // whole, since its start cannot be looked at twice.
    let detected: Format? =
      if let known = format(path: path) {
        known
      } else if file.size != nil {
        format(path: path, bytes: FileBytes.prefix(file, count: 4096))
      } else {
        nil
      }
    guard detected == .csv else {
      let bytes = try FileBytes.read(file, path: path)
      return try parse(
        bytes: bytes, format: detected ?? format(path: path, bytes: bytes), path: path, options: options)
    }
    let deferred = DeferredColumns.columns(leftBy: options.columns, size: file.size)
    // Taken before reading: a change made while the file is read is seen when the rest is read.
    let stamp = deferred.isEmpty ? nil : file.stamp()
    var draft = PlanDraft(path: path, allowsRepeatedIDs: options.allowsRepeatedIDs, deferring: deferred)
    try CSVFileReader.read(descriptor: file.descriptor, size: file.size, into: &draft)
    var plan = draft.finish(options: options, intervalOf: SwedishTime.interval)
    if !deferred.isEmpty, let layout = draft.layout {
      plan.deferred = DeferredColumns(
        file: file, stamp: stamp, path: path, layout: layout, rowStarts: draft.takeRowStarts())
      plan.unreadColumns = deferred
    }
    return plan
  }

  /// Reads a plan from the bytes of a file; `path` is used in messages, for the title and as the source.
  public static func parse(
    bytes: [UInt8], format: Format, path: String, options: PlanReadOptions = .init()
  ) throws(PlanFileError) -> Plan {
    try parse(bytes: bytes, format: format, path: path, options: options, intervalOf: SwedishTime.interval)
  }

  /// As the public `parse`, with the reader of `när` texts given, so that tests can see it is called once
  /// per distinct text and need not depend on what it returns.
  static func parse(
    bytes: [UInt8], format: Format, path: String, options: PlanReadOptions,
    intervalOf: (String, TimeContext) -> DayInterval?
  ) throws(PlanFileError) -> Plan {
    var draft = PlanDraft(path: path, allowsRepeatedIDs: options.allowsRepeatedIDs)
    try bytes.withUnsafeBufferPointer { buffer throws(PlanFileError) in
      switch format {
      case .csv: try CSVReader.read(buffer, into: &draft)
      case .json: try JSONReader.read(buffer, into: &draft)
      }
    }
    return draft.finish(options: options, intervalOf: intervalOf)
  }

  /// The format of a file: by extension, else by its first non-blank byte (after any byte-order mark).
  static func format(path: String, bytes: [UInt8]) -> Format {
    if let known = format(path: path) { return known }
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < bytes.count && ByteText.isSpace(bytes[i]) { i += 1 }
    return i < bytes.count && (bytes[i] == 0x7B || bytes[i] == 0x5B) ? .json : .csv
  }

  /// The format a file's extension names, `.csv` or `.json` in any case.
  public static func format(path: String) -> Format? {
    let name = path.split(separator: "/").last.map { SwedishCollation.fold(String($0)) } ?? ""
    if name.hasSuffix(".csv") { return .csv }
    if name.hasSuffix(".json") { return .json }
    return nil
  }

  /// The plan as CSV with the header `id,inriktning,vad,hur,vem,när,status,prio`, actors joined with "; ".
  /// Reading it back gives the same activities. CSV has no place for metadata: title, dates and corrections
  /// are not written, and the directions come back in order of first use; use JSON to keep them.
  public static func csv(_ plan: Plan) -> String {
    PlanFileWriter.csv(plan)
  }

  /// The plan as JSON in the shape `JSONReader` reads, metadata included, indented for people to read.
  public static func json(_ plan: Plan) -> String {
    PlanFileWriter.json(plan)
  }
}
