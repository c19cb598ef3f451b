import PlanModel
import QueryLanguage

/// A cell of the `check` and `diff` reports: ids are numbers, so that JSON can write them as numbers.
enum ReportCell {
  case number(Int?)
  case text(String)

  var text: String {
    switch self {
    case .number(let n): n.map(String.init) ?? ""
    case .text(let text): text
    }
  }
}

enum Report {
  /// The report in a format: JSON here, since `TextTable` has only text cells and would quote the ids;
  /// every other format through `TextTable`, as query results are written.
  static func render(headers: [String], rows: [[ReportCell]], as format: OutputFormat) -> String {
    guard format == .json else {
      return TextTable.render(
        headers: headers, rows: rows.map { $0.map(\.text) }, as: format, options: Arguments.terminalOptions)
    }
    let objects = rows.map { row in
      let members = zip(headers, row).map { header, cell in
        let value =
          switch cell {
          case .number(let n): n.map(String.init) ?? "null"
          case .text(let text): JSONText.quoted(text)
          }
        return JSONText.quoted(header) + ": " + value
      }
      return "  {" + members.joined(separator: ", ") + "}"
    }
    return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
  }
}
