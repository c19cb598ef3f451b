import PlanModel
import Testing

@testable import QueryLanguage

/// Every mistake is reported before anything runs, at its place, in words that say what to do.
struct ErrorTests {
  static let cases: [(query: String, location: String, kind: QueryError.Kind, message: String)] = [
    ("activities where vemm contains Kansli", "1:18", .name, "unknown field 'vemm'; did you mean 'vem'?"),
    (
      "activities where Kansli = 1", "1:18",
      .name, "unknown field 'Kansli'; to find an actor's activities write: vem = Kansli"
    ),
    ("activites where prio = 1", "1:1", .syntax, "unknown source 'activites'; did you mean 'activities'?"),
    ("activities where kategori contains pa", "1:27", .type, "'contains' does not apply to 'kategori'"),
    ("activities wher prio = 1", "1:12", .syntax, "unknown clause 'wher'; did you mean 'where'?"),
    ("activities where prio = hög", "1:25", .type, "'prio' is a number, and 'hög' is not a whole number"),
    ("activities where prio contains 1", "1:23", .type, "'contains' works on text, and 'prio' is a number"),
    ("activities where prio =", "1:24", .incomplete, "expected a value, but the statement ends here"),
    ("activities where (prio = 1", "1:27", .incomplete, "expected ')', but the statement ends here"),
    ("activities where vad = 'open", "1:24", .incomplete, "this string is never closed"),
    (
      "activities where vad = ’Lobbying' count", "1:24",
      .lexical,
      "this string is never closed: a string that opens with ’ closes with ’, not with the ' at 1:33"
    ),
    (
      "activities where vad = ”Lobbying“", "1:24",
      .lexical,
      "this string is never closed: a string that opens with ” closes with ”, not with the “ at 1:33"
    ),
    (
      "activities where vad = 'Lobbying’ or vad = x", "1:24",
      .lexical, "a string that opens with ' closes with ', not with the ’ at 1:33"
    ),
    ("activities where prio @ 1", "1:23", .lexical, "unexpected character '@'"),
    (
      "activities where kategori = pausad", "1:29", .name, "unknown category 'pausad'; did you mean 'paused'?"
    ),
    (
      "activities where när < 2021-05-01", "1:22", .type,
      "'<' does not compare times; use before, after or overlaps"
    ),
    ("activities where när before 'någon gång'", "1:29", .type, "'någon gång' is not a time"),
    (
      "activities where vad before 2021", "1:22",
      .type, "'before' compares times; use it on 'när', 'start' or 'slut'"
    ),
    ("activities where vem < Kansli", "1:22", .type, "'<' does not apply to 'vem', a list of actors"),
    ("activities where vad matches '(unclosed'", "1:31", .type, "is not a valid regular expression"),
    ("activities where vem = $vem", "1:24", .name, "no value for parameter $vem"),
    ("activities where prio = 1 where prio = 2", "1:27", .syntax, "'where' is given twice"),
    ("activities order prio", "1:18", .syntax, "expected 'by' after 'order', found 'prio'"),
    ("aktiviteter sortera när", "1:21", .syntax, "expected 'efter' after 'sortera', found 'när'"),
    ("activities select id count", "1:19", .syntax, "'select' has no effect with 'count'"),
    ("activities limit many", "1:18", .syntax, "expected a whole number of activities after 'limit'"),
    ("activities where start = 2021-02-30", "1:26", .lexical, "2021-02-30 is not a valid date"),
    ("activities order by prioo", "1:21", .name, "unknown field 'prioo'; did you mean 'prio'?"),
    (
      "activities where prio = 1 and", "1:30",
      .incomplete, "expected a field name or '(' to start a condition, but the statement ends here"
    ),
    // A keyword where a condition should be is named as one, at its place.
    (
      "activities where prio = 1 and count", "1:31",
      .syntax, "expected a condition after 'and', found the keyword 'count'"
    ),
    (
      "activities where prio = 1 and order by id", "1:31",
      .syntax, "expected a condition after 'and', found the keyword 'order'"
    ),
    (
      "activities where order by id", "1:18", .syntax,
      "expected a condition after 'where', found the keyword 'order'"
    ),
    (
      "aktiviteter där prio = 1 och sortera efter när", "1:30",
      .syntax, "expected a condition after 'och', found the keyword 'sortera'"
    ),
    (
      "activities where (select id)", "1:19", .syntax,
      "expected a condition after '(', found the keyword 'select'"
    ),
    (
      "activities where not count", "1:22", .syntax,
      "expected a condition after 'not', found the keyword 'count'"
    ),
    (
      "activities where starts with Delta", "1:18",
      .syntax, "expected a condition after 'where', found the keyword 'starts'"
    ),
    // One typo from a field, and followed by an operator: the typo, with its suggestion.
    ("aktiviteter där där överlappar 2021", "1:17", .name, "unknown field 'där'; did you mean 'när'?"),
    ("activities where i = 1", "1:18", .name, "unknown field 'i'; did you mean 'id'?"),
    (
      "activities where inriktning > Pådrivare", "1:31",
      .name,
      "'Pådrivare' is not one of the plan's inriktningar, which '>' compares in plan order; "
        + "did you mean 'Pådrivare och opinionsbildare'?"
    ),
    (
      "activities where inriktning <= 'Förebild och föregångar'", "1:32",
      .name, "did you mean 'Förebild och föregångare'?"
    ),
    (
      "activities where inriktning < x", "1:31",
      .name,
      "('Förebild och föregångare', 'Pådrivare och opinionsbildare', "
        + "'Kunskapsförmedlare och en arena för erfarenhetsutbyte')"
    ),
    (
      "activities where prio not = 1", "1:23",
      .syntax, "'not' does not go before '='; write '!=', or put 'not' before the whole condition"
    ),
    ("activities where prio not >= 2", "1:23", .syntax, "'not' does not go before '>='; write '<'"),
    (
      "aktiviteter där status inte är tom", "1:24", .syntax,
      "'inte' does not go before 'är'; write 'är inte tom'"
    ),
    (
      "activities where status not is empty", "1:25", .syntax,
      "'not' does not go before 'is'; write 'is not empty'"
    ),
    (
      "activities where vem contians Kansli", "1:22", .syntax,
      "found 'contians'; did you mean 'contains'?"
    ),
    ("aktiviteter där vem innehållr Kansli", "1:21", .syntax, "did you mean 'innehåller'?"),
    ("activities where vad strats with Agenda", "1:22", .syntax, "did you mean 'starts with'?"),
    ("activities where när overlap hösten", "1:22", .syntax, "did you mean 'overlaps'?"),
    (
      "activities where när not during 2021", "1:26",
      .syntax,
      "expected 'contains', 'starts with', 'matches', 'in', 'before', 'after' or 'overlaps' after 'not', "
        + "found 'during'"
    ),
  ]

  @Test(arguments: cases)
  func reportsTheMistakeWhereItIs(query: String, location: String, kind: QueryError.Kind, message: String) {
    let source = SourceText(name: "q", text: query)
    guard let error = Self.firstError(in: source) else {
      Issue.record("no error for \(query)")
      return
    }
    #expect(source.location(of: error.range.start).description == location)
    #expect(error.kind == kind, "\(error.message)")
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test func renderedWithFileLineColumnAndCaret() throws {
    let source = SourceText(name: "plan.sq", text: "-- follow-up\nactivities\n  where vemm contains Kansli\n")
    let error = try #require(Self.firstError(in: source))
    #expect(
      DiagnosticRenderer.render(error, in: source) == """
        plan.sq:3:9: error: unknown field 'vemm'; did you mean 'vem'?
          where vemm contains Kansli
                ^~~~
        """)
  }

  /// The first error of a statement's parse or check.
  static func firstError(in source: SourceText) -> QueryError? {
    var parser = Parser(source)
    switch parser.nextItem() {
    case .failure(let error): return error
    case .success(.statement(let statement)):
      do throws(QueryError) {
        _ = try Checker(plan: .embedded2021, parameters: [:]).check(statement)
        return nil
      } catch {
        return error
      }
    default: return nil
    }
  }

  /// A string left open is incomplete, and the REPL reads on; one that seems closed with the wrong quote
  /// is a mistake to show at once.
  @Test(arguments: [
    ("activities where vad = ’Lobbying", QueryError.Kind.incomplete),
    ("activities where vad = 'it’s", .incomplete),
    ("activities where vad = ’Lobbying' count", .lexical),
  ])
  func unclosedStrings(query: String, kind: QueryError.Kind) throws {
    let error = try #require(Self.firstError(in: SourceText(name: "q", text: query)))
    #expect(error.kind == kind)
    #expect(error.range == SourceRange(start: 23, end: query.utf8.dropFirst(23).first! < 0x80 ? 24 : 26))
  }

  /// A value of several words, unquoted: the second word is taken for a clause, and the note says how to
  /// write it.
  @Test(arguments: [
    ("aktiviteter där när överlappar vecka 20", "'vecka 20'"),
    ("activities where när overlaps hösten 2021 count", "'hösten 2021'"),
    ("activities where status = Ej påbörjat", "'Ej påbörjat'"),
  ])
  func anUnquotedValueOfSeveralWordsSaysToQuoteIt(_ query: String, _ quoted: String) throws {
    let error = try #require(Self.firstError(in: SourceText(name: "q", text: query)))
    #expect(error.notes == ["a value of several words is written in quotes: \(quoted)"])
  }

  /// A value no activity has is not an error, but a warning with the nearest value the plan has: a typo
  /// must not pass as a plain "0 activities" (found in review).
  @Test(arguments: [
    (
      "activities where vem = Kansle count",
      ["1:24 no activity of the plan has the actor 'Kansle'; did you mean 'Kansli'?"]
    ),
    (
      "activities where vem in (Kansliet, Styrelsn)",
      ["1:36 no activity of the plan has the actor 'Styrelsn'; did you mean 'Styrelse'?"]
    ),
    (
      "activities where inriktning = Pådrivare",
      [
        "1:31 no activity of the plan has the inriktning 'Pådrivare'; did you mean 'Pådrivare och opinionsbildare'?"
      ]
    ),
    ("activities where vem = 'Nytt namn'", ["1:24 no activity of the plan has the actor 'Nytt namn'"]),
    ("activities where vem = Kansliet and inriktning != 'förebild och föregångare'", []),
    ("activities where vem contains Kansle", []),
  ])
  func aValueNoActivityHasIsWarnedAbout(_ query: String, _ expected: [String]) throws {
    let source = SourceText(name: "q", text: query)
    var parser = Parser(source)
    guard case .success(.statement(let statement)) = parser.nextItem() else {
      Issue.record("no statement")
      return
    }
    let checked = try Checker(plan: .embedded2021, parameters: [:]).check(statement)
    #expect(checked.warnings.map { "\(source.location(of: $0.range.start)) \($0.message)" } == expected)
    #expect(checked.warnings.allSatisfy { $0.kind == .warning })
  }

  @Test func aKeywordInPlaceOfAConditionSaysHowToEndTheCondition() {
    let and = Self.firstError(in: SourceText(name: "q", text: "activities where prio = 1 and count"))
    #expect(and?.notes == ["to end the condition and start 'count', leave out the 'and'"])
    let whereAlone = Self.firstError(in: SourceText(name: "q", text: "activities where order by id"))
    #expect(whereAlone?.notes == ["'where' takes a condition, such as prio = 1; leave it out to have none"])
  }

  /// No field is named like a keyword, so a keyword in a field's place is never a real field.
  @Test func noFieldIsNamedLikeAKeyword() {
    let spellings = Set(Keyword.allCases.flatMap(\.spellings))
    #expect(Field.allNames.filter { spellings.contains($0) }.isEmpty)
  }

  /// `årsmötet` is the plan's annual meeting: a day in the embedded plan, which knows it; a plan read from
  /// CSV has none, and the message says so instead of asking for a time.
  @Test(arguments: ["activities where slut <= årsmötet", "activities where när before 'Till årsmötet'"])
  func theAnnualMeetingInAPlanWithoutOne(query: String) throws {
    let csv = try PlanFile.parse(bytes: Array(PlanFile.csv(.embedded2021).utf8), format: .csv, path: "p.csv")
    #expect(csv.metadata.annualMeeting == nil)
    let source = SourceText(name: "q", text: query)
    var parser = Parser(source)
    guard case .success(.statement(let statement)) = parser.nextItem() else {
      Issue.record("expected a statement")
      return
    }
    #expect(throws: Never.self) { try Checker(plan: .embedded2021, parameters: [:]).check(statement) }
    #expect {
      try Checker(plan: csv, parameters: [:]).check(statement)
    } throws: { error in
      guard let error = error as? QueryError else { return false }
      return error.message.hasSuffix("is not a time in this plan: it has no annual meeting date")
        && error.notes == ["a CSV plan file carries no metadata; a JSON plan gives the day as \"årsmöte\""]
        && source.slice(error.range).contains("årsmötet")
    }
  }

  @Test func unclosedParenthesisNamesWhereItOpened() {
    let source = SourceText(name: "q", text: "activities where (prio = 1 or prio = 2 select id")
    var parser = Parser(source)
    guard case .failure(let error) = parser.nextItem() else {
      Issue.record("expected an error")
      return
    }
    #expect(error.message == "expected ')', found 'select'")
    #expect(error.notes == ["to close the '(' at 1:18"])
  }
}

struct LimitTests {
  @Test func aStatementOverOneMebibyteIsRefused() {
    let values = (0..<120_000).map { "'x\($0)'" }.joined(separator: ", ")
    let source = SourceText(name: "q", text: "activities where vad in (\(values))")
    guard case .failure(let error) = Parser.parse(source).first else {
      Issue.record("expected an error")
      return
    }
    #expect(error.kind == .limit)
    #expect(error.message == "the statement is longer than 1 MiB")
  }

  @Test func aLongLineIsShownAroundTheError() {
    let conditions = (0..<100).map { "vad = \($0)" }.joined(separator: " and ")
    let source = SourceText(name: "q", text: "activities where \(conditions) and vemm = 1")
    let error = ErrorTests.firstError(in: source)!
    let lines = DiagnosticRenderer.render(error, in: source).split(separator: "\n")
    #expect(lines[0] == "q:1:1308: error: unknown field 'vemm'; did you mean 'vem'?")
    #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("and vemm = 1"))
    #expect(lines[1].count <= DiagnosticRenderer.maximumShownWidth + 2)
    let caret = lines[2]
    #expect(caret.hasSuffix("^~~~"))
    let column = caret.count - 4
    #expect(Array(lines[1])[column..<column + 4].map(String.init).joined() == "vemm")
  }
}
