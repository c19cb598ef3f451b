import PlanModel

/// GitHub-flavoured Markdown: a table, or a heading and a table for each group.
/// A grouped result becomes a document for the meeting papers: a title, the plan and the day it was made,
/// and a heading and a table for each group.
struct MarkdownWriter {
  var document: DocumentInfo?

  func render(_ result: QueryResult) -> String {
    switch result {
    case .activities(let columns, _, let rows):
      return table(columns, rows)
    case .groups(let field, let columns, _, let groups):
      var out = ""
      if let document { out += "# \(cell(document.title))\n\n\(cell(document.byline))\n\n" }
      out += groups.map { group in
        let label = Cells.groupLabel(group.value)
        let heading = document == nil ? "\(field.name): \(label)" : label
        return "## \(cell(heading))\n\n" + table(columns, group.rows)
      }
      .joined(separator: "\n")
      return out
    case .counts(let field, let entries):
      var out = "| \(field.name) | \(Cells.countHeader) |\n| --- | ---: |\n"
      for entry in entries { out += "| \(cell(Cells.groupLabel(entry.value))) | \(entry.count) |\n" }
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
