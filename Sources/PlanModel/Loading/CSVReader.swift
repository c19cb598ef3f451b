/// Reads a plan from the bytes of a CSV file: a header naming the columns, then one activity per row.
///
/// The header is `id,inriktning,vad,hur,vem,när,status,prio` in any order and any case, `nar` for `när`;
/// `id` may be left out, and the activities are then numbered 1… in file order. Every field is trimmed of
/// surrounding blanks, since plans come from spreadsheets. `vem` lists actors separated by `;`. `prio` is
/// empty or a whole number; its range is a data-quality question, not a reading one.
///
/// Blank lines, and rows whose fields are all empty (a spreadsheet's empty row), are skipped wherever they
/// are. A UTF-8 byte-order mark, CRLF line ends and a missing final line end are accepted.
enum CSVReader {
  /// The most rows read: beyond this a file is more likely a mistake than a plan, and memory would run out.
  static let maximumRows = 10_000_000

  /// Where each column's field is in a row, from the header.
  struct Layout {
    var names: [String]
    var id: Int?
    var direction, what, how, who, when, status, priority: Int

    /// The field position of a column; the id's only when the file has one.
    func position(of column: PlanColumn) -> Int {
      switch column {
      case .id: id ?? 0
      case .direction: direction
      case .what: what
      case .how: how
      case .who: who
      case .when: when
      case .status: status
      case .priority: priority
      }
    }
  }

  /// Reads a plan from the bytes of a CSV file in memory.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, into draft: inout PlanDraft, maximumRows: Int = maximumRows
  ) throws(PlanFileError) {
    var records = CSVRecords(
      path: draft.path, bytes: bytes, offset: ByteText.byteOrderMarkLength(bytes), line: 1)
    let layout = try header(&records)
    try rows(&records, layout, into: &draft, expectedEnd: bytes.count, maximumRows: maximumRows)
  }

  /// Reads a plan from records at the start of a file, in one part; `expectedEnd` is the file's size if
  /// known, to size the draft.
  static func read(
    _ records: inout CSVRecords, into draft: inout PlanDraft, expectedEnd: Int
  ) throws(PlanFileError) {
    try records.skipByteOrderMark()
    let layout = try header(&records)
    try rows(&records, layout, into: &draft, expectedEnd: expectedEnd)
  }

  /// Reads the header, the first line that is not blank, and sets the records' column names.
  static func header(_ records: inout CSVRecords) throws(PlanFileError) -> Layout {
    let path = records.scanner.path
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVScanner.maximumFieldLength)
    defer { scratch.deallocate() }
    var fields: [CSVField] = []
    while let record = try records.next(into: &fields) {
      try checkText(record, path: path)
      if isBlank(fields, record.bytes) { continue }
      let names = fields.map {
        ByteText.string(CSVScanner.content(of: $0, in: record.bytes, scratch: scratch))
      }
      let position = try columnPositions(names, line: record.line, path: path)
      records.names = names.indices.map { index in
        PlanColumn.allCases.first { position[$0.rawValue] == index }!.name
      }
      return Layout(
        names: names, id: position[PlanColumn.id.rawValue],
        direction: position[PlanColumn.direction.rawValue]!, what: position[PlanColumn.what.rawValue]!,
        how: position[PlanColumn.how.rawValue]!, who: position[PlanColumn.who.rawValue]!,
        when: position[PlanColumn.when.rawValue]!, status: position[PlanColumn.status.rawValue]!,
        priority: position[PlanColumn.priority.rawValue]!)
    }
    throw PlanFileError(
      path: path,
      message: "the file is empty: a plan file starts with the header "
        + "id,inriktning,vad,hur,vem,när,status,prio and has one activity per line after it")
  }

  /// Reads rows into the draft until the end of the records, or until the next record would start at
  /// or after the file offset `stop`. `expectedEnd`, the offset the records are thought to end at, sizes
  /// the draft.
  static func rows(
    _ records: inout CSVRecords, _ layout: Layout, into draft: inout PlanDraft, until stop: Int? = nil,
    expectedEnd: Int, maximumRows: Int = maximumRows
  ) throws(PlanFileError) {
    let path = draft.path
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVScanner.maximumFieldLength)
    defer { scratch.deallocate() }
    let start = records.offset
    var rows = 0
    var fields: [CSVField] = []
    let positions = PlanColumn.allCases.map(layout.position(of:))
    while stop.map({ records.offset < $0 }) ?? true {
      let recordStart = records.offset
      guard let record = try records.next(into: &fields) else { break }
      if record.span.upperBound > records.cleanEnd { try checkText(record, path: path) }
      if isBlank(fields, record.bytes) { continue }
      let line = record.line
      guard fields.count == layout.names.count else {
        throw PlanFileError(
          path: path, line: line,
          message: "the row has \(fields.count) field\(fields.count == 1 ? "" : "s"); the header has "
            + "\(layout.names.count) (a comma inside a field needs the field in quotes)")
      }
      guard draft.count < maximumRows else { throw tooManyRows(path: path, line: line, maximum: maximumRows) }
      rows += 1
      if rows == 1024 && !draft.hasExactCapacity {
        // Room for the rest, judged from the rows so far: growing a large array step by step copies it
        // again and again. Room never used is address space only, never touched.
        let bytesPerRow = max((records.offset - start) / rows, 16)
        draft.reserveCapacity(draft.count + max(0, expectedEnd - records.offset) / bytesPerRow * 11 / 10)
      }
      // A constant the closure below captures: capturing `fields` itself would make every access to it,
      // `next(into:)` above included, checked for exclusivity at run time.
      let cells = fields
      func content(_ at: Int) -> UnsafeBufferPointer<UInt8> {
        CSVScanner.content(of: cells[at], in: record.bytes, scratch: scratch)
      }
      var id: Int?
      if let idAt = layout.id {
        id = try identifier(content(idAt), line: cells[idAt].line, path: path)
      }
      let priority = try priority(content(layout.priority), line: cells[layout.priority].line, path: path)
      try draft.addRow(id: id, line: line, priority: priority, rowStart: recordStart) { column in
        content(positions[column.rawValue])
      }
    }
  }

  /// The line of the first row past `maximumRows`, counting as `rows` does but making nothing; nil when
  /// the records end first, or a record `rows` would refuse (not clean text, a wrong number of fields, a
  /// bad id or prio) comes first. A repeated id is not looked for.
  static func lineOfFirstRowPastLimit(
    _ records: inout CSVRecords, _ layout: Layout, maximumRows: Int = maximumRows
  ) throws(PlanFileError) -> Int? {
    let path = records.scanner.path
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVScanner.maximumFieldLength)
    defer { scratch.deallocate() }
    var rows = 0
    var fields: [CSVField] = []
    while let record = try records.next(into: &fields) {
      let bytes = UnsafeBufferPointer(rebasing: record.bytes[record.span])
      if record.span.upperBound > records.cleanEnd && ByteText.firstProblem(in: bytes) != nil { return nil }
      if isBlank(fields, record.bytes) { continue }
      if fields.count != layout.names.count { return nil }
      func content(_ at: Int) -> UnsafeBufferPointer<UInt8> {
        CSVScanner.content(of: fields[at], in: record.bytes, scratch: scratch)
      }
      do {
        if let idAt = layout.id { _ = try identifier(content(idAt), line: 0, path: path) }
        _ = try priority(content(layout.priority), line: 0, path: path)
      } catch {
        return nil
      }
      if rows == maximumRows { return record.line }
      rows += 1
    }
    return nil
  }

  static func tooManyRows(path: String, line: Int, maximum: Int = maximumRows) -> PlanFileError {
    PlanFileError(
      path: path, line: line,
      message:
        "more than \(grouped(maximum)) rows; sekom reads plans of at most \(grouped(maximum)) activities")
  }

  /// Refuses a record whose bytes are not clean text, naming the line of the first bad byte. Checked
  /// before any String is made from the record.
  private static func checkText(
    _ record: (line: Int, bytes: UnsafeBufferPointer<UInt8>, span: Range<Int>), path: String
  ) throws(PlanFileError) {
    let bytes = UnsafeBufferPointer(rebasing: record.bytes[record.span])
    guard let (offset, problem) = ByteText.firstProblem(in: bytes) else { return }
    let line = record.line + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    throw PlanFileError(path: path, line: line, message: ByteText.describe(problem, byte: bytes[offset]))
  }

  /// For each column, the position of its field in a row; refuses unknown, repeated and missing columns.
  static func columnPositions(_ names: [String], line: Int, path: String) throws(PlanFileError) -> [Int?] {
    let columns = names.map { PlanColumn(name: $0) }
    let list = PlanColumn.names.joined(separator: ",")
    if columns.allSatisfy({ $0 == nil }) {
      // Excel with Swedish settings saves "CSV" separated by semicolons; a copied table is separated by tabs.
      for (separator, name) in [(";", "semicolons"), ("\t", "tabs")]
      where names.count == 1
        && names[0].split(separator: separator).contains(where: { PlanColumn(name: String($0)) != nil })
      {
        throw PlanFileError(
          path: path, line: line,
          message: "the header is separated by \(name); a plan file is separated by commas (in Excel, "
            + "save as \"CSV UTF-8 (kommaavgränsad)\")")
      }
      throw PlanFileError(
        path: path, line: line,
        message: "this is not a plan header; a plan file starts with the header \(list) (any order; "
          + "id may be left out)")
    }
    var position = [Int?](repeating: nil, count: PlanColumn.allCases.count)
    for (index, (name, column)) in zip(names, columns).enumerated() {
      guard !name.isEmpty else {
        throw PlanFileError(
          path: path, line: line,
          message: "column \(index + 1) of the header has no name; the columns are \(list)")
      }
      guard let column else {
        if ["kategori", "start", "slut"].contains(SwedishCollation.fold(name)) {
          throw PlanFileError(
            path: path, line: line, field: name,
            message: "sekom works out kategori from status, and start and slut from när; a plan file does "
              + "not give them: remove the column")
        }
        let hint = Spelling.nearest(name, in: PlanColumn.names).map { "did you mean '\($0)'?" }
        throw PlanFileError(
          path: path, line: line, field: name,
          message: "no such column; " + (hint ?? "the columns are \(list)"))
      }
      if let earlier = position[column.rawValue] {
        throw PlanFileError(
          path: path, line: line, field: column.name,
          message: "the column appears twice in the header, as columns \(earlier + 1) and \(index + 1)")
      }
      position[column.rawValue] = index
    }
    let missing = PlanColumn.allCases.filter { $0 != .id && position[$0.rawValue] == nil }.map {
      "'\($0.name)'"
    }
    if !missing.isEmpty {
      let plural = missing.count == 1 ? "column" : "columns"
      throw PlanFileError(
        path: path, line: line,
        message: "the header lacks the \(plural) \(missing.joined(separator: ", ")); a plan file has the "
          + "columns \(list), of which only id may be left out")
    }
    return position
  }

  /// A row's id: a positive whole number.
  private static func identifier(
    _ bytes: UnsafeBufferPointer<UInt8>, line: Int, path: String
  ) throws(PlanFileError) -> Int {
    if let id = ByteText.integer(bytes), id > 0 { return id }
    throw PlanFileError(
      path: path, line: line, field: "id",
      message: bytes.isEmpty
        ? "the id is empty; when the file has an id column, every row needs an id"
        : "\(ByteText.quoted(ByteText.string(bytes))) is not a positive whole number")
  }

  /// A `prio` cell: empty for none, else a whole number.
  private static func priority(
    _ bytes: UnsafeBufferPointer<UInt8>, line: Int, path: String
  ) throws(PlanFileError) -> Int? {
    if bytes.isEmpty { return nil }
    if let value = ByteText.integer(bytes) { return value }
    throw PlanFileError(
      path: path, line: line, field: "prio",
      message: "\(ByteText.quoted(ByteText.string(bytes))) is not a whole number")
  }

  /// Whether every field of a record is empty once trimmed: a blank line or a spreadsheet's empty row.
  private static func isBlank(_ fields: [CSVField], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    fields.allSatisfy { ByteText.trimmed(bytes, $0.start, $0.end).isEmpty }
  }

  /// 10000000 as 10,000,000.
  static func grouped(_ n: Int) -> String {
    var digits = String(n)
    var i = digits.count - 3
    while i > 0 {
      digits.insert(",", at: digits.index(digits.startIndex, offsetBy: i))
      i -= 3
    }
    return digits
  }
}
