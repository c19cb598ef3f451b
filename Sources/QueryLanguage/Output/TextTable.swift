/// Rows of text under headers, in any output format: the reports of `sekom check` and `sekom diff`, which
/// are not query results but read best in the same forms. The cells of `numericColumns` are numbers:
/// JSON writes them bare, and an empty one as null, as query results write ids.
public enum TextTable {
  public static func render(
    headers: [String], rows: [[String]], as format: OutputFormat, options: OutputOptions = .init(),
    numericColumns: Set<Int> = []
  ) -> String {
    let text = write(
      headers: headers, rows: rows, as: format, options: options, numericColumns: numericColumns)
    return options.terminal ? format.onTerminal(text) : text
  }

  private static func write(
    headers: [String], rows: [[String]], as format: OutputFormat, options: OutputOptions,
    numericColumns: Set<Int>
  ) -> String {
    switch format {
    case .table, .html, .timeline:
      return TableWriter(options: options).grid(
        headers: headers, rows: rows, rightAligned: headers.map { _ in false })
    case .csv, .tsv:
      let writer = DelimitedWriter(style: format == .csv ? .csv : .tsv, header: options.header)
      var out: [UInt8] = []
      if options.header { writer.line(headers, into: &out) }
      for row in rows { writer.line(row, into: &out) }
      return String(decoding: out, as: UTF8.self)
    case .markdown:
      let writer = MarkdownWriter()
      var out = "| " + headers.map(writer.cell).joined(separator: " | ") + " |\n"
      out += "|" + String(repeating: " --- |", count: headers.count) + "\n"
      for row in rows { out += "| " + row.map(writer.cell).joined(separator: " | ") + " |\n" }
      return out
    case .json:
      let writer = JSONWriter()
      let objects = rows.map { row in
        let members = zip(headers, row).enumerated().map { column, pair in
          let value =
            !numericColumns.contains(column) ? writer.string(pair.1) : pair.1.isEmpty ? "null" : pair.1
          return "\(writer.string(pair.0)): \(value)"
        }
        return "  {" + members.joined(separator: ", ") + "}"
      }
      return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
  }
}
