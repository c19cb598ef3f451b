import QueryLanguage
import Testing

@testable import sekom

/// The reports of `sekom check` and `sekom diff` in each of their formats (moved here with `TextTable`
/// from the query language's tests).
struct TextTableTests {
  struct FormatCase: CustomTestStringConvertible, Sendable {
    var format: ReportFormat
    /// Written to a terminal.
    var onTerminal: String
    /// What the text written elsewhere holds of the data, as it is.
    var exact: String
    var testDescription: String { format.rawValue }
  }

  static let cell = "a\u{1b}]0;x\u{07}\tb\u{9b}\u{7f}"

  /// Each format of a report, on a terminal and elsewhere: machine formats are exact off a terminal.
  @Test(arguments: [
    FormatCase(format: .csv, onTerminal: "vad\na␛]0;x␇␉b<U+009B>␡\n", exact: cell),
    FormatCase(
      format: .tsv, onTerminal: "vad\na␛]0;x␇\\tb<U+009B>␡\n", exact: "a\u{1b}]0;x\u{07}\\tb\u{9b}\u{7f}"),
    FormatCase(
      format: .json, onTerminal: "[\n  {\"vad\": \"a\\u001b]0;x\\u0007\\tb\\u009b\\u007f\"}\n]\n",
      exact: "\\tb\u{9b}\u{7f}"),
    FormatCase(
      format: .markdown, onTerminal: "| vad |\n| --- |\n| a␛\\]0;x␇␉b<U+009B>␡ |\n",
      exact: "a\u{1b}\\]0;x\u{07}\tb\u{9b}\u{7f}"),
    FormatCase(
      format: .table, onTerminal: " vad\n───────────────────\n a␛]0;x␇␉b<U+009B>␡\n",
      exact: "a␛]0;x␇␉b<U+009B>␡"),
  ])
  func reportFormatsOnATerminalAndElsewhere(_ input: FormatCase) {
    let shown = TextTable.render(
      headers: ["vad"], rows: [[Self.cell]], as: input.format, options: OutputOptions(width: 80))
    #expect(shown == input.onTerminal)
    let exact = TextTable.render(headers: ["vad"], rows: [[Self.cell]], as: input.format)
    #expect(exact.contains(input.exact), "\(exact.debugDescription)")
  }

  /// Each format of a report of two rows, written whole; ids are numbers in JSON, an empty one null.
  @Test(arguments: [
    (ReportFormat.table, " id │ vad\n────┼─────\n 7  │ a, b\n    │ c\n"),
    (.csv, "id,vad\n7,\"a, b\"\n,c\n"),
    (.tsv, "id\tvad\n7\ta, b\n\tc\n"),
    (.markdown, "| id | vad |\n| --- | --- |\n| 7 | a, b |\n|  | c |\n"),
    (.json, "[\n  {\"id\": 7, \"vad\": \"a, b\"},\n  {\"id\": null, \"vad\": \"c\"}\n]\n"),
  ])
  func reportsInEachFormat(_ format: ReportFormat, _ expected: String) {
    let text = TextTable.render(
      headers: ["id", "vad"], rows: [["7", "a, b"], ["", "c"]], as: format, numericColumns: [0])
    #expect(text == expected)
  }

  @Test(arguments: ReportFormat.allCases)
  func anEmptyReportIsStillItsFormat(_ format: ReportFormat) {
    let text = TextTable.render(headers: ["id"], rows: [], as: format, numericColumns: [0])
    let expected: [ReportFormat: String] = [
      .table: " id\n───\n", .csv: "id\n", .tsv: "id\n", .markdown: "| id |\n| --- |\n", .json: "[]\n",
    ]
    #expect(text == expected[format])
  }
}
