import FuzzChecks
import PlanModel
import Testing

@testable import QueryLanguage

/// Inputs the fuzz target `query` (fuzz/Harnesses/query.swift) found breaking the query language, and
/// hand-picked nasty ones. Each goes through the target's own checks (fuzz/Support/QueryChecks.swift):
/// parse every item, check and run each statement on the embedded 2021 plan and write its result in every
/// format, then run the items through a session. It must end in results or in errors whose
/// range lies in the source (or just past its end, where a missing part would go) and that render with
/// their place; a statement printed and parsed again prints the same. When the fuzzer finds a new failing
/// input, minimize it (fuzz/README.md) and add it here.
struct FuzzRegressionTests {
  /// A query source, as bytes since the fuzzer gives bytes; invalid UTF-8 is decoded as the target does.
  typealias Input = FuzzInput

  static let found: [Input] = []

  static let nasty: [Input] = [
    // Found in review, past the fuzzer's 4 KiB inputs: a flat chain of 10,000 `or`s overflowed the stack,
    // its tree nested as deep as it was long (now balanced, 17 levels for 60,000).
    Input(
      "a flat chain of 60,000 ors",
      "activities where " + Array(repeating: "prio = 1", count: 60_000).joined(separator: " or ") + " count"),
    Input(
      "a flat chain of 60,000 ands and ors",
      "aktiviteter där "
        + (0..<60_000).map { "id > \($0 % 44)" }.joined(separator: " and ").replacing(
          " and id > 7 ", with: " or id > 7 ") + " antal"),
    Input(
      "parentheses 100,000 deep",
      "activities where " + String(repeating: "(", count: 100_000) + "prio = 1"
        + String(repeating: ")", count: 100_000)),
    Input(
      "parentheses 100,000 deep, never closed", "activities where " + String(repeating: "(", count: 100_000)),
    Input("'not' 100,000 deep", "activities where " + String(repeating: "not ", count: 100_000) + "prio = 1"),
    Input("'not' and '(' 50,000 deep each", "activities where " + String(repeating: "not (", count: 50_000)),
    Input(
      "nested 100 deep, the most allowed",
      "activities where " + String(repeating: "not ", count: 99) + "prio = 1"),
    Input(
      "a statement of 1 MiB in one string",
      "activities where vad contains '" + String(repeating: "x", count: 1 << 20) + "'"
    ),
    Input(
      "a statement just under 1 MiB, mostly blanks",
      "activities where vad contains 'x'" + String(repeating: " ", count: (1 << 20) - 40) + "count"),
    Input(
      "a statement just over 1 MiB, mostly blanks",
      "activities where vad contains 'x'" + String(repeating: " ", count: 1 << 20) + "count"),
    Input("a line of 100,000 unknown characters", String(repeating: "@", count: 100_000)),
    Input("2,000 statements", String(repeating: "activities count;", count: 2_000)),
    Input("a NUL byte in a string", "activities where vad = '\u{0}' select id"),
    Input("a NUL byte between words", "activities\u{0}where prio = 1"),
    Input("only NUL bytes", String(repeating: "\u{0}", count: 1000)),
    Input(
      "a lone surrogate as invalid UTF-8", bytes: Array("activities where vad = ".utf8) + [0xED, 0xA0, 0x80]),
    Input(
      "invalid UTF-8 in a string", bytes: Array("activities where vad contains '".utf8) + [0xFF, 0xC3, 0x27]),
    Input("invalid UTF-8 at the start", bytes: [0xC3, 0x0A, 0x80] + Array("activities count".utf8)),
    Input("a string never closed", "activities where vad = 'open"),
    Input("a typographic quote never closed", "activities where vad = ”open"),
    Input("a quote and a combining mark", "activities where vad = '\u{301}x'"),
    Input("a dot-command alone", "."),
    Input("a dot-command with a quote never closed", ".param x 'open"),
    Input("a limit past the largest number", "activities limit 99999999999999999999999"),
    Input("the largest limit", "activities order by när limit 9223372036854775807"),
    Input("a number past the largest", "activities where prio = 99999999999999999999999"),
    Input("the smallest and largest years", "activities where när overlaps 0001-01 or start < 9999-12-31"),
    Input("a year 0 date", "activities where start = 0000-01-01"),
    Input("a month 0", "activities where start = 2021-00"),
    Input("a regular expression that nests", "activities where hur matches '((((a*)*)*)*)*b'"),
    Input("a regular expression never closed", "activities where vad matches '(['"),
    Input("a regular expression of a lookbehind", "activities where vad matches '(?<=a)b'"),
    Input("an empty regular expression", "activities where vem matches ''"),
    Input("a parameter in a list", "activities where när in ($period, $datum, $tom) select id"),
    Input("a parameter with no value", "activities where vem = $ingen"),
    Input("every clause twice", "activities count count"),
    Input("a blank line inside a statement", "activities where\n\nprio = 1"),
    Input("a statement after a comment with no line end", "activities count -- the end"),
    Input("a CR alone ending a line", "activities\rwhere prio = 1\r"),
    Input("a timeline of everything", "activities order by när desc timeline"),
    Input("group and count", "activities group by vem count"),
    Input("count by a date", "activities where start is not empty count by slut limit 0"),
  ]

  /// A query whose regular expression makes a backtracking engine's work grow exponentially (or as a high
  /// power) with the text, the text it runs on, and its answer.
  struct SlowPattern: Sendable, CustomTestStringConvertible {
    var query: String
    var letters: Int
    var count: Int
    var testDescription: String { query }
  }

  /// Found while fuzzing (the fuzz target `query` reported timeouts): Swift's backtracking `Regex` ran for
  /// minutes on `matches '(.*)*Q'` over the plan's texts, its work doubling with every letter; refusing a
  /// repeated group that repeats did not help `(.|.)*`, which tries every way the alternatives split the
  /// text (2^n), nor eight `.*` in a row (about n^8/8!). `matches` now runs its own automaton, whose work
  /// is the text's length times the pattern's. Each query runs on a plan of one activity whose `hur` and
  /// `vem` are `letters` letters a, far past what backtracking could finish, and must give its answer.
  static let slowPatterns = [
    SlowPattern(query: "activities where hur matches '(.*)*Q' count", letters: 20_000, count: 0),
    SlowPattern(query: "activities where hur matches '(.+)+Q' count", letters: 20_000, count: 0),
    SlowPattern(query: "activities where hur matches '(.|.)*Q' count", letters: 20_000, count: 0),
    SlowPattern(query: "activities where vem matches '(a|a)*Q' count", letters: 20_000, count: 0),
    SlowPattern(query: "activities where vem matches '^(a|a)*$' count", letters: 20_000, count: 1),
    SlowPattern(query: "activities where hur matches '.*.*.*.*.*.*Q' count", letters: 20_000, count: 0),
    SlowPattern(query: "activities where hur matches '.*.*.*.*.*.*.*.*a$' count", letters: 20_000, count: 1),
    SlowPattern(query: "activities where hur matches '(a*)*b' count", letters: 20_000, count: 0),
  ]

  @Test(arguments: slowPatterns)
  func regularExpressionsAnswerOnLongTexts(_ input: SlowPattern) throws {
    let text = String(repeating: "a", count: input.letters)
    let activity = Activity(
      id: 1, direction: "A", what: "V", how: text, who: [text], when: WhenText(text: "maj", interval: nil),
      status: StatusText(text: "Pågår"), priority: 1)
    let plan = Plan(metadata: PlanMetadata(title: "T", year: 2021, source: "test"), activities: [activity])
    for problem in Self.problems(Array(input.query.utf8), plan: plan) { Issue.record("\(problem)") }
    #expect(try EvaluationTests.result(input.query, plan: plan) == .count(input.count))
  }

  /// Found while fuzzing, by reasoning past the fuzzer's 4 KiB inputs: with `--keep-going`, every error on
  /// one long line cost time in the length of the line (its column was counted from the start of the line,
  /// the line copied and cut into characters to show it), so a script of n statements on one line took
  /// time in n²: 20,000 of `activities where @;`, 380 KB, took 220 s in a release build. Columns on a line
  /// are now counted from checkpoints and only the shown part of a line is cut out; `benchmarks/run.py`
  /// times the 20,000 (job 4). Here every error must still be reported with its own column.
  @Test func manyErrorsOnOneLongLineEachHaveTheirColumn() {
    var reported: [String] = []
    let session = Session(
      plan: .embedded2021, standardOutput: { _ in }, standardError: { reported.append($0) })
    session.keepGoing = true
    let statement = "activities where @;"
    let source = SourceText(name: "long.sq", text: String(repeating: statement, count: 2_500))
    session.run(source)
    #expect(reported.count == 2_500)
    for (index, message) in reported.enumerated() {
      let column = index * statement.count + 18
      guard message.hasPrefix("long.sq:1:\(column): error: ") else {
        Issue.record("error \(index + 1): \(message.prefix(80))")
        break
      }
    }
    #expect(reported.last?.split(separator: "\n").last?.hasSuffix("^") == true)
  }

  @Test(arguments: found + nasty)
  func endsInResultsOrErrorsThatSayWhere(_ input: Input) {
    for problem in Self.problems(input.bytes) { Issue.record("\(problem)") }
  }

  /// What goes wrong running `bytes` as a query source, as the fuzz target checks it, in every format;
  /// empty when nothing does.
  static func problems(_ bytes: [UInt8], plan: Plan = .embedded2021) -> [String] {
    QueryChecks.problems(bytes, plan: plan, width: 40, header: true) { _ in OutputFormat.allCases }
  }
}
