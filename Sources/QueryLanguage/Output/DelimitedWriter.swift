import PlanModel
import Platform

/// CSV (RFC 4180) and TSV. `vem` is joined with "; " as in plan files, so that CSV output of whole
/// activities reads back as a plan. Written as bytes: a result may hold a million rows.
struct DelimitedWriter {
  enum Style { case csv, tsv }

  let style: Style
  let header: Bool
  var words = ReportWords()

  func render(_ result: QueryResult) -> String {
    var out: [UInt8] = []
    switch result {
    case .activities(let columns, _, let rows):
      out.reserveCapacity(rows.count * 16 * columns.count)
      if header { line(columns.map(\.name), into: &out) }
      let cells = columns.map(cell)
      guard rows.count >= 1 << 16 else {
        for row in rows { line(cells, of: row, into: &out) }
        break
      }
      // A large result is written in two halves at once, each into bytes of its own.
      let middle = rows.count / 2
      var rest: [UInt8] = []
      rest.reserveCapacity(out.capacity / 2)
      inParallel(
        { for row in rows[..<middle] { line(cells, of: row, into: &out) } },
        { for row in rows[middle...] { line(cells, of: row, into: &rest) } })
      out.append(contentsOf: rest)
    case .groups(let field, let columns, _, let groups):
      if header { line([field.name] + columns.map(\.name), into: &out) }
      let cells = columns.map(cell)
      for group in groups {
        for row in group.rows {
          append(Cells.groupValue(group.value, of: field, words: words), to: &out)
          out.append(separator)
          line(cells, of: row, into: &out)
        }
      }
    case .counts(let field, let entries):
      if header { line([field.name, Cells.countHeader], into: &out) }
      for entry in entries {
        line([Cells.groupValue(entry.value, of: field, words: words), String(entry.count)], into: &out)
      }
    case .count(let n):
      return "\(n)\n"
    }
    return String(decoding: out, as: UTF8.self)
  }

  private var separator: UInt8 { style == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t") }

  /// How a column's cells are written: stored texts and ids are copied as bytes, with no String made
  /// for each and none retained, which two threads writing the halves of a result would fight over.
  private enum Cell {
    case id
    case stored(Field.StoredText)
    case made((Activity) -> String)
  }

  private func cell(_ field: Field) -> Cell {
    if field == .id { return .id }
    if let place = field.storedText { return .stored(place) }
    return .made(Cells.text(field, words: words, actorSeparator: "; "))
  }

  private func line(_ cells: [Cell], of row: borrowing Activity, into out: inout [UInt8]) {
    for index in cells.indices {
      if index > 0 { out.append(separator) }
      switch cells[index] {
      case .id: appendDigits(row.id, to: &out)
      case .stored(let place): place.withBytes(of: row) { appendEscaped($0, to: &out) }
      case .made(let text): append(text(copy row), to: &out)
      }
    }
    out.append(UInt8(ascii: "\n"))
  }

  /// A whole number in decimal, as `String(_:)` writes it.
  private func appendDigits(_ number: Int, to out: inout [UInt8]) {
    if number < 0 { out.append(UInt8(ascii: "-")) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var magnitude = number.magnitude
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      out.append(contentsOf: buffer[(24 - count)...])
    }
  }

  func line(_ fields: [String], into out: inout [UInt8]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(separator) }
      append(field, to: &out)
    }
    out.append(UInt8(ascii: "\n"))
  }

  /// A field, quoted (CSV) or escaped (TSV) when it holds what would end it. Its bytes are read in place:
  /// this runs for every cell of a result.
  private func append(_ field: String, to out: inout [UInt8]) {
    field.withUTF8Lent { appendEscaped($0, to: &out) }
  }

  private func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    switch style {
    case .csv: appendCSV(utf8, to: &out)
    case .tsv: appendTSV(utf8, to: &out)
    }
  }

  private func appendCSV(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var needsQuotes = false
    for byte in utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
      needsQuotes = true
      break
    }
    guard needsQuotes else {
      out.append(contentsOf: utf8)
      return
    }
    out.append(UInt8(ascii: "\""))
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { out.append(byte) }
      out.append(byte)
    }
    out.append(UInt8(ascii: "\""))
  }

  private func appendTSV(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    for byte in utf8 {
      switch byte {
      case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
      case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
      case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
      case 92: out.append(contentsOf: [92, 92])
      default: out.append(byte)
      }
    }
  }
}
