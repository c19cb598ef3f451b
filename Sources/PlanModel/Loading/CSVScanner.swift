import Platform

/// Where one CSV field lies in the file's bytes.
struct CSVField {
  /// The first and one-past-last byte of the content; for a quoted field, inside the quotes.
  var start: Int
  var end: Int
  /// The line the field starts on; for a quoted field, the line of its opening quote.
  var line: Int
  /// The content holds doubled quotes ("") that stand for one.
  var escaped: Bool
}

/// Splits CSV bytes into records and fields by RFC 4180, without making any String.
///
/// Fields are separated by commas and records by LF or CRLF. A field may be quoted; inside quotes, commas
/// and line breaks are data and `""` is a quote. Spreadsheets sometimes leave blanks around a quoted field,
/// so blanks before the opening quote and after the closing one are allowed. A quote inside an unquoted
/// field is kept as data, as most readers do. Anything else after a closing quote is refused, since it
/// usually means a quote was meant to be doubled.
///
/// The bytes may be a piece of a file, read a buffer at a time: unless they are `final`, a record is
/// complete only once its line feed is seen, and one that runs to the end of the bytes is `incomplete`,
/// to be scanned again from its start when more bytes have been read.
struct CSVScanner {
  /// The longest field accepted, in bytes of the text it stands for: a cell of a plan is a sentence or a
  /// paragraph, and a field longer than this is almost always a quote left open that swallowed the rest
  /// of the file.
  static let maximumFieldLength = 65_536
  /// The longest record, in bytes as written: a plan's eight fields, each doubled quotes and all, are far
  /// below it. Past it a record is a quote left open or not text at all, such as /dev/zero, and reading it
  /// further would only fill memory.
  static let maximumRecordLength = 4 << 20

  enum Step {
    /// A record, with the line it starts on; its fields are in `fields`.
    case record(line: Int)
    /// The bytes end inside a record; `position` and `line` are still at its start.
    case incomplete
    /// No record is left: the bytes are final and all read.
    case end
  }

  var bytes: UnsafeBufferPointer<UInt8>
  /// Whether the bytes run to the end of the file.
  var final: Bool
  let path: String
  var position: Int
  /// The line `position` is on.
  var line: Int

  init(bytes: UnsafeBufferPointer<UInt8>, final: Bool = true, path: String, start: Int, line: Int = 1) {
    self.bytes = bytes
    self.final = final
    self.path = path
    self.position = start
    self.line = line
  }

  /// The column name of each field position, for messages; empty while the header is read.
  var names: [String] = []

  /// Reads the next record into `fields`; with a `fieldLimit`, only its first fields, up to that many,
  /// and `position` and `line` are then left inside the record.
  mutating func nextRecord(into fields: inout [CSVField], fieldLimit: Int = .max) throws(PlanFileError)
    -> Step
  {
    let count = bytes.count
    guard position < count, let b = bytes.baseAddress else { return final ? .end : .incomplete }
    fields.removeAll(keepingCapacity: true)
    let recordLine = line
    let recordStart = position
    var p = position
    // Checked wherever scanning stops, whole bytes or a piece, so that a long record is refused alike.
    // The path is named only when refusing: copying it for every record would cost a retain.
    func checkRecord(_ end: Int) throws(PlanFileError) {
      guard end - recordStart > CSVScanner.maximumRecordLength else { return }
      throw tooLong(line: recordLine)
    }
    while true {
      var q = p
      while q < count && (b[q] == 0x20 || b[q] == 0x09) { q += 1 }
      if q < count && b[q] == 0x22 {
        guard let after = try quotedField(openingAt: q, into: &fields, record: (recordStart, recordLine))
        else {
          try checkRecord(count)
          line = recordLine
          return .incomplete
        }
        p = after
      } else {
        // The hot path: most fields are unquoted and end at the next comma or line feed.
        q = CSVScanner.find(0x2C, or: 0x0A, in: b, from: q, to: count)
        try checkRecord(q)
        if q == count && !final {
          line = recordLine
          return .incomplete
        }
        try checkLength(q - p, line: line, column: fields.count)
        fields.append(CSVField(start: p, end: q, line: line, escaped: false))
        p = q
      }
      if p < count && b[p] == 0x2C {
        p += 1
        if fields.count == fieldLimit {
          position = p
          return .record(line: recordLine)
        }
        continue
      }
      // A line feed or the end of the bytes; a CR before the LF was left in the field and is trimmed.
      if p < count {
        line += 1
        p += 1
      }
      position = p
      return .record(line: recordLine)
    }
  }

  private func tooLong(line: Int) -> PlanFileError {
    PlanFileError(
      path: path, line: line,
      message: "the row is longer than \(CSVScanner.maximumRecordLength >> 20) MiB; a quote left open, or "
        + "not a text file?")
  }

  /// Reads a quoted field whose opening quote is at `open`; returns the position after the closing quote
  /// and any blanks, which must be a comma, a line end or the end of the bytes; nil when the bytes end
  /// before that and are not final.
  private mutating func quotedField(
    openingAt open: Int, into fields: inout [CSVField], record: (start: Int, line: Int)
  ) throws(PlanFileError) -> Int? {
    let count = bytes.count
    let b = bytes.baseAddress!
    let openLine = line
    var doubledQuotes = 0
    var i = open + 1
    while true {
      i = CSVScanner.find(0x22, or: 0x0A, in: b, from: i, to: count)
      if i - record.start > CSVScanner.maximumRecordLength { throw tooLong(line: record.line) }
      guard i < count else {
        guard final else { return nil }
        throw PlanFileError(
          path: path, line: openLine, field: name(fields.count),
          message: "the quote opened on this line is never closed; a quote inside a quoted field is "
            + "written twice (\"\")")
      }
      let c = b[i]
      if c == 0x22 {
        if i + 1 == count && !final { return nil }
        if i + 1 < count && b[i + 1] == 0x22 {
          doubledQuotes += 1
          i += 2
          continue
        }
        break
      }
      if c == 0x0A { line += 1 }
      i += 1
    }
    // The limit is on the text the field stands for, so that whatever sekom writes reads back.
    try checkLength(i - (open + 1) - doubledQuotes, line: openLine, column: fields.count)
    fields.append(CSVField(start: open + 1, end: i, line: openLine, escaped: doubledQuotes > 0))
    i += 1
    while i < count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
    if i + 1 < count && b[i] == 0x0D && b[i + 1] == 0x0A { i += 1 }
    // Whether a comma or a line end follows is not known until the next bytes are read.
    if !final && (i == count || (i + 1 == count && b[i] == 0x0D)) { return nil }
    guard i == count || b[i] == 0x2C || b[i] == 0x0A else {
      throw PlanFileError(
        path: path, line: line, field: name(fields.count - 1),
        message: "text after the closing quote of a quoted field; a quote inside a quoted field is "
          + "written twice (\"\")")
    }
    return i
  }

  /// The offset of the first byte equal to `a` or `b` from `start`, or `end`: where a large file spends
  /// its time.
  @inline(__always)
  static func find(_ a: UInt8, or b: UInt8, in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int)
    -> Int
  {
    ByteSearch.first(a, or: b, in: bytes, from: start, to: end)
  }

  /// The high bit set in each byte of `x` that is zero, and in no other.
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low7) &+ low7) | x) & 0x8080_8080_8080_8080
  }

  /// The name of the column at a field position, if the header has one there.
  private func name(_ position: Int) -> String? {
    position < names.count ? names[position] : nil
  }

  private func checkLength(_ length: Int, line: Int, column: Int) throws(PlanFileError) {
    guard length > CSVScanner.maximumFieldLength else { return }
    throw PlanFileError(
      path: path, line: line, field: name(column),
      message: "the field is \(CSVReader.grouped(length)) bytes long; at most "
        + "\(CSVReader.grouped(CSVScanner.maximumFieldLength)) are accepted")
  }

  /// The content of a field, trimmed, with doubled quotes undone into `scratch` when it has any. The result
  /// points into `bytes` or into `scratch` and is valid until `scratch` is next used.
  static func content(
    of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>
  ) -> UnsafeBufferPointer<UInt8> {
    let range = ByteText.trimmed(bytes, field.start, field.end)
    guard field.escaped else { return UnsafeBufferPointer(rebasing: bytes[range]) }
    var n = 0
    var i = range.lowerBound
    while i < range.upperBound {
      scratch[n] = bytes[i]
      n += 1
      i += bytes[i] == 0x22 ? 2 : 1
    }
    return UnsafeBufferPointer(start: scratch, count: n)
  }
}
