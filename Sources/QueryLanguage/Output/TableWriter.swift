import PlanModel

/// A table for people to read. On a terminal it is fitted to the width, long texts wrapped inside their
/// column; elsewhere every value is written whole. Wherever it goes, a cell's control characters are shown
/// as pictures (a line feed goes on in the cell's next line): a tab or carriage return would break the
/// columns, an escape sequence would reach the terminal of whoever reads it.
///
///      id │ vad                 │ prio
///     ────┼─────────────────────┼─────
///       1 │ Delta i SIS …       │    1
struct TableWriter {
  let options: OutputOptions

  private static let separator = " │ "

  private var words: ReportWords { options.words }

  func render(_ result: QueryResult) -> String {
    switch result {
    case .activities(let columns, _, let rows):
      return grid(columns, rows) + footer(rows.count)
    case .groups(let field, let columns, _, let groups):
      let parts = groups.map {
        heading(
          "\(field.name): \(ControlPictures.visible(Cells.groupLabel($0.value, of: field, words: words)))")
          + grid(columns, $0.rows, recordIndent: 2)
      }
      let total = Set(groups.flatMap { $0.rows.map(\.id) }).count
      return parts.joined(separator: "\n") + footer(total)
    case .counts(let field, let entries):
      return grid(
        headers: [field.name, Cells.countHeader],
        rows: entries.map { [Cells.groupLabel($0.value, of: field, words: words), String($0.count)] },
        rightAligned: [false, true])
    case .count(let n):
      return "\(n)\n"
    }
  }

  /// A group's heading, wrapped on a terminal: a long value (`group by hur`) is no wider than a row.
  private func heading(_ text: String) -> String {
    guard let width = options.width else { return text + "\n" }
    return TextWidth.wrap(text, width: width).joined(separator: "\n") + "\n"
  }

  private func footer(_ count: Int) -> String {
    guard options.header else { return "" }
    return options.rows == .changes ? words.changeFooter(count) : words.activityFooter(count)
  }

  /// A group's records go in under its heading, which would otherwise read as one of their lines.
  private func grid(_ columns: [Field], _ rows: [Activity], recordIndent: Int = 0) -> String {
    let cells = columns.map { Cells.text($0, words: words) }
    return grid(
      headers: columns.map(\.name), rows: rows.map { row in cells.map { $0(row) } },
      rightAligned: columns.map(Cells.isNumeric), recordIndent: recordIndent)
  }

  func grid(headers: [String], rows: [[String]], rightAligned: [Bool], recordIndent: Int = 0) -> String {
    let headers = headers.map { ControlPictures.visible($0) }
    let rows = rows.map { $0.map { ControlPictures.visible($0, keeping: .lineFeeds) } }
    var natural = headers.map { options.header ? TextWidth.of($0) : 0 }
    for row in rows {
      for (i, cell) in row.enumerated() {
        guard TextWidth.hasLineBreak(cell) else {
          natural[i] = max(natural[i], TextWidth.of(cell))
          continue
        }
        for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
          natural[i] = max(natural[i], TextWidth.of(line))
        }
      }
    }
    let shape = TableLayout.shape(
      headers: headers, rows: rows, natural: natural, width: options.width, header: options.header,
      mode: options.expanded)
    switch shape {
    case .records: return records(headers: headers, rows: rows, indent: recordIndent)
    case .table(let widths):
      return table(headers: headers, rows: rows, widths: widths, rightAligned: rightAligned)
    }
  }

  private func table(headers: [String], rows: [[String]], widths: [Int], rightAligned: [Bool]) -> String {
    // Cells wrap only when a column is narrower than its text; at natural widths they are written whole.
    func cellLines(_ text: String, _ column: Int) -> [String] {
      if options.width != nil && TextWidth.of(text) > widths[column] || TextWidth.hasLineBreak(text) {
        return options.width != nil
          ? TextWidth.wrap(text, width: widths[column])
          : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
      return [text]
    }
    var out = ""
    if options.header {
      let headerLines = line(
        headers.enumerated().map { cellLines($1, $0) }, widths: widths, rightAligned: rightAligned)
      out += options.color ? "\u{1B}[1m" + headerLines.dropLast() + "\u{1B}[0m\n" : headerLines
      out +=
        widths.enumerated().map { i, w in String(repeating: "─", count: i == widths.count - 1 ? w + 1 : w + 2)
        }
        .joined(separator: "┼")
        + "\n"
    }
    for row in rows {
      out += line(row.enumerated().map { cellLines($1, $0) }, widths: widths, rightAligned: rightAligned)
    }
    return out
  }

  /// One block of `field: value` lines per row, apart by blank lines.
  private func records(headers: [String], rows: [[String]], indent: Int) -> String {
    let layout = RecordLayout(labels: headers, width: options.width.map { max(1, $0 - indent) })
    let margin = String(repeating: " ", count: indent)
    var out = ""
    for (index, row) in rows.enumerated() {
      if index > 0 { out += "\n" }
      for line in layout.lines(of: row, color: options.color) {
        out += margin
        out += line
        out += "\n"
      }
    }
    return out
  }

  /// One row, as many lines as its tallest cell.
  private func line(_ cells: [[String]], widths: [Int], rightAligned: [Bool]) -> String {
    let height = cells.map { $0.count }.max() ?? 1
    var out = ""
    for lineIndex in 0..<height {
      var row = " "
      for (i, lines) in cells.enumerated() {
        if i > 0 { row += TableWriter.separator }
        let text = lineIndex < lines.count ? lines[lineIndex] : ""
        let padding = TableWriter.spaces(widths[i] - TextWidth.of(text))
        if rightAligned[i] {
          row += padding
          row += text
        } else {
          row += text
          row += padding
        }
      }
      while row.utf8.last == 0x20 { row.removeLast() }
      out += row
      out += "\n"
    }
    return out
  }

  private static let manySpaces = String(repeating: " ", count: 256)

  /// `count` spaces, cut from a stored run when it is long enough: padding is the most common text here.
  private static func spaces(_ count: Int) -> Substring {
    guard count > 0 else { return "" }
    guard count <= manySpaces.utf8.count else { return Substring(String(repeating: " ", count: count)) }
    return Substring(manySpaces.utf8.prefix(count))
  }
}
