import QueryLanguage

/// The forms the reports of `sekom check` and `sekom diff` are written in: those of query results that
/// are rows under headers. HTML pages and timelines are for query results only.
enum ReportFormat: String, CaseIterable, Sendable {
  case table, csv, tsv, json, markdown

  /// The query result format of the same name, whose rules for a terminal the report follows.
  var outputFormat: OutputFormat {
    switch self {
    case .table: .table
    case .csv: .csv
    case .tsv: .tsv
    case .json: .json
    case .markdown: .markdown
    }
  }
}
