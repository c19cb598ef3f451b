import QueryLanguage

/// Rows of text under headers in a report's format: the reports of `sekom check` and `sekom diff`, which
/// are not query results but read best in the same forms. The cells of `numericColumns` are numbers:
/// JSON writes them bare, and an empty one as null, as query results write ids.
enum TextTable {
  static func render(
    headers: [String], rows: [[String]], as format: ReportFormat, options: OutputOptions = .init(),
    numericColumns: Set<Int> = []
  ) -> String {
    let table = TextRows(headers: headers, rows: rows)
    let text: String
    switch format {
    case .table: text = table.table(options: options)
    case .csv: text = table.csv(header: options.header)
    case .tsv: text = table.tsv(header: options.header)
    case .markdown: text = table.markdown()
    case .json: text = table.json(numericColumns: numericColumns)
    }
    return options.terminal ? format.outputFormat.onTerminal(text) : text
  }
}
