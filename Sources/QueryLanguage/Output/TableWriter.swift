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
  private static let minimumColumnWidth = 6

  func render(_ result: QueryResult) -> String {
    switch result {
    case .activities(let columns, _, let rows):
      return grid(columns, rows) + footer(rows.count)
    case .groups(let field, let columns, _, let groups):
      let parts = groups.map {
        "\(field.name): \(ControlPictures.visible(Cells.groupLabel($0.value)))\n" + grid(columns, $0.rows)
      }
      let total = Set(groups.flatMap { $0.rows.map(\.id) }).count
      return parts.joined(separator: "\n") + footer(total)
    case .counts(let field, let entries):
      return grid(
        headers: [field.name, Cells.countHeader],
        rows: entries.map { [Cells.groupLabel($0.value), String($0.count)] },
        rightAligned: [false, true])
    case .count(let n):
      return "\(n)\n"
    }
  }

  private func footer(_ count: Int) -> String {
    guard options.header else { return "" }
    return count == 1 ? "(1 activity)\n" : "(\(count) activities)\n"
  }

  private func grid(_ columns: [Field], _ rows: [Activity]) -> String {
    let cells = columns.map(\.plainText)
    return grid(
      headers: columns.map(\.name), rows: rows.map { row in cells.map { $0(row) } },
      rightAligned: columns.map(Cells.isNumeric))
  }

  func grid(headers: [String], rows: [[String]], rightAligned: [Bool]) -> String {
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
    let widths = fitted(natural)
    var out = ""
    if options.header {
      let headerLine = line(headers.map { [$0] }, widths: widths, rightAligned: rightAligned)
      out += options.color ? "\u{1B}[1m" + headerLine.dropLast() + "\u{1B}[0m\n" : headerLine
      out +=
        widths.enumerated().map { i, w in String(repeating: "─", count: i == widths.count - 1 ? w + 1 : w + 2)
        }
        .joined(separator: "┼")
        + "\n"
    }
    for row in rows {
      let wrapped = row.enumerated().map { i, cell in
        if options.width != nil { return wrap(cell, width: widths[i]) }
        guard TextWidth.hasLineBreak(cell) else { return [cell] }
        return cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      }
      out += line(wrapped, widths: widths, rightAligned: rightAligned)
    }
    return out
  }

  /// One row, as many lines as its tallest cell.
  private func line(_ cells: [[String]], widths: [Int], rightAligned: [Bool]) -> String {
    let height = cells.map(\.count).max() ?? 1
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

  /// Column widths within the terminal's width: narrow columns keep their width, the wide ones share
  /// what is left.
  private func fitted(_ natural: [Int]) -> [Int] {
    guard let width = options.width else { return natural }
    let overhead = 1 + TableWriter.separator.count * (natural.count - 1)
    var remaining = width - overhead
    guard natural.reduce(0, +) > remaining else { return natural }
    var widths = natural
    var left = natural.count
    for i in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
      let share = max(TableWriter.minimumColumnWidth, remaining / left)
      widths[i] = min(natural[i], share)
      remaining -= widths[i]
      left -= 1
    }
    return widths
  }

  /// Breaks a text into lines of at most `width` characters, at spaces where it can.
  private func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      for word in paragraph.split(separator: " ") {
        var word = Substring(word)
        while TextWidth.of(word) > width {
          if !current.isEmpty {
            lines.append(current)
            current = ""
          }
          lines.append(String(word.prefix(width)))
          word = word.dropFirst(width)
        }
        if current.isEmpty {
          current = String(word)
        } else if TextWidth.of(current) + 1 + TextWidth.of(word) <= width {
          current += " " + word
        } else {
          lines.append(current)
          current = String(word)
        }
      }
      lines.append(current)
    }
    return lines
  }
}
