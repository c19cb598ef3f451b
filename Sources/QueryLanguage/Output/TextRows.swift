/// Rows of text under headers, written as query results are written: the one door through which a report
/// that is not a query result (`sekom check`, `sekom diff`) reaches the output writers, which stay internal.
/// Which of these forms a report takes is the caller's choice; showing control characters on a terminal
/// is left to `OutputFormat.onTerminal`, as for results.
public struct TextRows: Sendable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]]) {
    self.headers = headers
    self.rows = rows
  }

  /// A table for people to read, fitted to `options.width` when given, cells' controls shown as pictures.
  public func table(options: OutputOptions = .init()) -> String {
    TableWriter(options: options).grid(headers: headers, rows: rows, rightAligned: headers.map { _ in false })
  }

  /// CSV (RFC 4180), the header line first when `header` says so.
  public func csv(header: Bool = true) -> String { delimited(.csv, header: header) }

  /// TSV, tabs and line ends inside a cell escaped, the header line first when `header` says so.
  public func tsv(header: Bool = true) -> String { delimited(.tsv, header: header) }

  /// A GitHub-flavoured Markdown table.
  public func markdown() -> String {
    let writer = MarkdownWriter()
    var out = "| " + headers.map(writer.cell).joined(separator: " | ") + " |\n"
    out += "|" + String(repeating: " --- |", count: headers.count) + "\n"
    for row in rows { out += "| " + row.map(writer.cell).joined(separator: " | ") + " |\n" }
    return out
  }

  /// A JSON array of objects, one a row, keyed by the headers. The cells of `numericColumns` are numbers:
  /// written bare, and an empty one as null, as query results write ids.
  public func json(numericColumns: Set<Int> = []) -> String {
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

  private func delimited(_ style: DelimitedWriter.Style, header: Bool) -> String {
    let writer = DelimitedWriter(style: style, header: header)
    var out: [UInt8] = []
    if header { writer.line(headers, into: &out) }
    for row in rows { writer.line(row, into: &out) }
    return String(decoding: out, as: UTF8.self)
  }
}
