import PlanModel
import Testing

@testable import QueryLanguage

/// Dot-commands in a session on the 2021 plan: what they write, and what they say when misused.
struct DotCommandTests {
  struct Run {
    var output = ""
    var errors = ""
    var status = ExitStatus.success
  }

  /// Runs a script in a session that writes to strings; `width` is the terminal's, nil for none.
  static func run(_ script: String, width: Int? = nil) -> Run {
    var run = Run()
    let session = Session(
      plan: .embedded2021, standardOutput: { run.output += $0 }, standardError: { run.errors += $0 })
    session.terminalWidth = { width }
    run.status = session.run(SourceText(name: "s.sq", text: script))
    _ = session.finish()
    return run
  }

  /// The cells of a table as the terminal shows it, a row's wrapped lines joined again.
  static func cells(_ table: String) -> [[String]] {
    var rows: [[String]] = []
    for line in table.split(separator: "\n").dropFirst(2) {
      let cells = line.split(separator: "│", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: " ")
      }
      if cells[0].isEmpty, let last = rows.indices.last {
        for (i, cell) in cells.enumerated() where !cell.isEmpty {
          rows[last][i] += rows[last][i].isEmpty ? cell : " " + cell
        }
      } else {
        rows.append(cells + Array(repeating: "", count: max(0, 4 - cells.count)))
      }
    }
    return rows
  }

  /// `.param` takes the names a statement can use after `$`, as `--param` does.
  @Test func paramRefusesANameAStatementCannotUse() {
    let refused = Self.run(".param 'två ord' x\n")
    #expect(refused.status != .success)
    #expect(refused.errors.contains("'två ord' is not a parameter name; a name is a word, as in $vem"))
    let taken = Self.run(".param $vem Styrelsen\n.param\n")
    #expect(taken.output == "$vem = Styrelsen\n")
  }

  @Test(arguments: [80, 100, 120])
  func fieldsFitTheTerminal(width: Int) {
    let whole = Self.run(".fields").output
    // Sample values are cut to fit and kept on one line with no-break spaces and hyphens.
    let fitted = Self.run(".fields", width: width).output.replacingOccurrences(of: "\u{00A0}", with: " ")
      .replacingOccurrences(of: "\u{2011}", with: "-")
    let lines = fitted.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= width }, "\(fitted)")
    #expect(lines[0].hasPrefix(" field "))
    // The same fields with the same texts, only wrapped, the values one a line instead of apart by " | ".
    // The fields of activities; those of changes follow under a heading of their own.
    func activities(_ cells: [[String]]) -> [[String]] {
      Array(cells.prefix { $0[0] != "Fields of changes:" })
    }
    #expect(
      activities(Self.cells(fitted))
        == activities(Self.cells(whole)).map { $0.map { $0.replacingOccurrences(of: " | ", with: " ") } })
    #expect(
      Self.cells(fitted).map(\.[0]).prefix(RowSource.activities.fields.count)
        == RowSource.activities.fields.map(\.name)[...])
  }

  @Test(arguments: [50, 80, 120])
  func helpFitsTheTerminal(width: Int) {
    let whole = Self.run(".help").output
    let fitted = Self.run(".help", width: width).output
    #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= width }, "\(fitted)")
    // The same words in the same order, and the same sections.
    #expect(fitted.split(whereSeparator: \.isWhitespace) == whole.split(whereSeparator: \.isWhitespace))
    #expect(
      fitted.split(separator: "\n").filter { $0.hasSuffix(":") && !$0.hasPrefix(" ") }
        == whole.split(separator: "\n").filter { $0.hasSuffix(":") && !$0.hasPrefix(" ") })
  }

  /// A long line goes on two spaces in; a command's summary under the summaries, or, when that leaves too
  /// little room, under the command.
  @Test func helpWrapsLinesSensibly() throws {
    let lines = Self.run(".help", width: 80).output.split(separator: "\n", omittingEmptySubsequences: false)
    let forms = try #require(lines.firstIndex { $0.hasPrefix("Swedish forms: ") })
    #expect(lines[forms].count > 60)
    #expect(lines[forms + 1].hasPrefix("  ") && !lines[forms + 1].hasPrefix("   "))
    let format = try #require(lines.firstIndex { $0.hasPrefix("  .format ") })
    let summary = try #require(lines[format].firstRange(of: "write results")).lowerBound
    let column = lines[format].distance(from: lines[format].startIndex, to: summary)
    #expect(lines[format + 1].prefix(column).allSatisfy { $0 == " " } && lines[format + 1].count > column)
    let narrow = Self.run(".help", width: 60).output.split(separator: "\n")
    let narrowFormat = try #require(narrow.firstIndex { $0.hasPrefix("  .format ") })
    #expect(narrow[narrowFormat] == "  .format table|csv|tsv|json|markdown|html|timeline")
    #expect(narrow[narrowFormat + 1] == "      write results in this format")
  }

  /// Without a terminal every line is written whole, for scripts that read them.
  @Test func withoutATerminalLinesAreWhole() {
    let help = Self.run(".help").output.split(separator: "\n")
    #expect(help.contains { $0.hasPrefix("Swedish forms: ") && $0.contains("tidslinje (timeline)") })
    let fields = Self.run(".fields").output.split(separator: "\n")
    #expect(fields.contains { $0.hasPrefix(" kategori ") && $0.contains("done, none, other │") })
  }
}

/// What a misused dot-command says: where, what is wrong, and how to mend it.
extension DotCommandTests {
  static let mistakes: [(script: String, message: String)] = [
    (
      ".format xml",
      """
      s.sq:1:9: error: unknown format 'xml'; use table, csv, tsv, json, markdown, html, timeline
      .format xml
              ^~~

      """
    ),
    (
      ".format jsno",
      """
      s.sq:1:9: error: unknown format 'jsno'; use table, csv, tsv, json, markdown, html, timeline
      .format jsno
              ^~~~
      note: did you mean 'json'?

      """
    ),
    (
      "activities count\n.history",
      """
      s.sq:2:1: error: '.history' works only in the REPL
      .history
      ^~~~~~~~

      """
    ),
    (
      ".param period hösten 2021",
      """
      s.sq:1:15: error: '.param' takes one value; quote a value with spaces
      .param period hösten 2021
                    ^~~~~~~~~~~
      note: as in: .param period 'hösten 2021'

      """
    ),
    (
      ".param vad it's here",
      """
      s.sq:1:12: error: '.param' takes one value; quote a value with spaces
      .param vad it's here
                 ^~~~~~~~~
      note: as in: .param vad "it's here"

      """
    ),
  ]

  @Test(arguments: mistakes)
  func misusedDotCommands(script: String, message: String) {
    let run = Self.run(script)
    #expect(run.status == .queryError)
    #expect(run.errors == message)
  }

  /// The value with spaces, quoted, is one value.
  @Test func aQuotedParameterValue() {
    let run = Self.run(
      ".param period 'hösten 2021'\n.param\nactivities where när overlaps $period and prio = 1 count")
    #expect(run.errors == "")
    #expect(run.output == "$period = hösten 2021\n10\n")
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var text = self
    while text.first == set { text.removeFirst() }
    while text.last == set { text.removeLast() }
    return String(text)
  }
}
