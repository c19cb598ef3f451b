import PlanModel

/// GitHub-flavoured Markdown: a table, or a heading and a table for each group.
struct MarkdownWriter {
  func render(_ result: QueryResult) -> String {
    switch result {
    case .activities(let columns, _, let rows):
      return table(columns, rows)
    case .groups(let field, let columns, _, let groups):
      return groups.map { "## \(field.name): \(cell($0.value))\n\n" + table(columns, $0.rows) }
        .joined(separator: "\n")
    case .counts(let field, let entries):
      var out = "| \(field.name) | \(Cells.countHeader) |\n| --- | ---: |\n"
      for entry in entries { out += "| \(cell(entry.value)) | \(entry.count) |\n" }
      return out
    case .count(let n):
      return "\(n)\n"
    }
  }

  private func table(_ columns: [Field], _ rows: [Activity]) -> String {
    var out = "| " + columns.map(\.name).joined(separator: " | ") + " |\n"
    out += "| " + columns.map { Cells.isNumeric($0) ? "---:" : "---" }.joined(separator: " | ") + " |\n"
    let cells = columns.map(Cells.plainText)
    for row in rows { out += "| " + cells.map { cell($0(row)) }.joined(separator: " | ") + " |\n" }
    return out
  }

  /// Pipes would end the cell and line ends the row.
  func cell(_ text: String) -> String {
    text.replacing("\\", with: "\\\\").replacing("|", with: "\\|").replacing("\r\n", with: "<br>")
      .replacing("\n", with: "<br>")
  }
}
