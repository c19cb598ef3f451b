import Testing

@testable import QueryLanguage

struct ParserTests {
  /// Each statement with its canonical form; parsing the canonical form gives the same tree.
  static let cases: [(input: String, printed: String)] = [
    ("activities", "activities"),
    (
      "activities where vem contains Kansli and prio = 1 order by när select id",
      "activities where vem contains Kansli and prio = 1 order by när select id"
    ),
    ("ACTIVITIES WHERE prio=1", "activities where prio = 1"),
    ("activities where a = 1 or b = 2 and c = 3", "activities where a = 1 or b = 2 and c = 3"),
    ("activities where (a = 1 or b = 2) and c = 3", "activities where (a = 1 or b = 2) and c = 3"),
    ("activities where not a = 1 and b = 2", "activities where not a = 1 and b = 2"),
    ("activities where not (a = 1 and b = 2)", "activities where not (a = 1 and b = 2)"),
    ("activities where ((prio = 1))", "activities where prio = 1"),
    (
      "activities where status not in (Pågår, 'På gång')", "activities where status not in (Pågår, 'På gång')"
    ),
    ("activities where vad starts with Delta", "activities where vad starts with Delta"),
    ("activities where hur matches \"webb?inari\"", "activities where hur matches 'webb?inari'"),
    ("activities where status is empty", "activities where status is empty"),
    ("activities where status is not empty", "activities where status is not empty"),
    ("activities where när overlaps \"hösten 2021\"", "activities where när overlaps 'hösten 2021'"),
    (
      "activities where när before 2021-06 and start > 2021-01-01",
      "activities where när before 2021-06 and start > 2021-01-01"
    ),
    ("activities where vem = $vem", "activities where vem = $vem"),
    ("activities limit 3 count by vem", "activities count by vem limit 3"),
    ("activities select id, vad group by inriktning", "activities select id, vad group by inriktning"),
    ("activities order by prio desc, när asc, id", "activities order by prio desc, när, id"),
    (
      "aktiviteter där vem innehåller Kansli och prio = 1 sortera efter när fallande visa id högst 5",
      "activities where vem contains Kansli and prio = 1 order by när desc select id limit 5"
    ),
    (
      "aktiviteter där inte status är tom eller vad börjar med Delta",
      "activities where not status is empty or vad starts with Delta"
    ),
    (
      "aktiviteter där status är inte tom gruppera efter vem",
      "activities where status is not empty group by vem"
    ),
    ("aktiviteter antal efter kategori", "activities count by kategori"),
    (
      "aktiviteter där när efter 2021-06-30 och när före 2022",
      "activities where när after 2021-06-30 and när before 2022"
    ),
    (
      "aktiviteter där prio i (1, 2) och när överlappar 2021-05 antal",
      "activities where prio in (1, 2) and när overlaps 2021-05 count"
    ),
    ("activities where när not before 2021-06", "activities where när not before 2021-06"),
    ("activities where vad = ’Lobbying’", "activities where vad = 'Lobbying'"),
    (
      "activities where vad contains ”kommitté ””Hållbara”",
      "activities where vad contains 'kommitté ”Hållbara'"
    ),
    (
      "aktiviteter där när inte överlappar 'hösten 2021' antal",
      "activities where när not overlaps 'hösten 2021' count"
    ),
    (
      "aktiviteter där slut inte efter 2021-05 och start inte före 2021",
      "activities where slut not after 2021-05 and start not before 2021"
    ),
  ]

  @Test(arguments: cases)
  func parsesAndPrintsBack(input: String, printed: String) throws {
    _ = try Self.roundTrip(input, printed: printed)
  }

  /// `input` parses and prints as `printed`, which parses and prints the same again; returns both parses.
  static func roundTrip(
    _ input: String, printed: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> (first: Statement, again: Statement) {
    let statement = try Self.statement(input)
    #expect(ASTPrinter.print(statement) == printed, sourceLocation: sourceLocation)
    let again = try Self.statement(printed)
    #expect(ASTPrinter.print(again) == printed, sourceLocation: sourceLocation)
    return (statement, again)
  }

  /// A string's contents: the quotes taken off, a doubled closing quote made one.
  @Test(arguments: [
    ("'it''s'", "it's"), ("\"say \"\"hi\"\"\"", "say \"hi\""), ("”a ”” b”", "a ” b"), ("“a ”” b”", "a ” b"),
    ("’it’’s’", "it’s"), ("‘Lobbying’", "Lobbying"), ("’’", ""), ("”it's ’here’”", "it's ’here’"),
  ])
  func stringContents(written: String, contents: String) throws {
    let statement = try Self.statement("activities where vad = \(written)")
    guard case .predicate(let predicate) = statement.filter else {
      Issue.record("expected a predicate")
      return
    }
    #expect(predicate.operands[0].kind == .string(contents))
  }

  @Test func notBindsTighterThanAndThanOr() throws {
    let statement = try Self.statement("activities where not a = 1 and b = 2 or c = 3")
    guard case .or(.and(.not, .predicate), .predicate)? = statement.filter.map(Shape.init) else {
      Issue.record("unexpected tree: \(String(describing: statement.filter))")
      return
    }
  }

  @Test func rangesPointAtTheSource() throws {
    let source = SourceText(name: "t", text: "activities where vem contains Kansli")
    let statement = try Self.statement(source.text)
    guard case .predicate(let predicate) = statement.filter else {
      Issue.record("expected a predicate")
      return
    }
    #expect(source.slice(predicate.field.range) == "vem")
    #expect(source.slice(predicate.opRange) == "contains")
    #expect(source.slice(predicate.operands[0].range) == "Kansli")
    #expect(source.slice(predicate.range) == "vem contains Kansli")
    #expect(source.slice(statement.range) == source.text)
  }

  /// Statements in a file end at `;`, a blank line, or a line that starts a new statement.
  @Test func scriptsSplitIntoStatements() {
    let text = """
      activities where prio = 1; activities count
      activities
        where vem = Kansli
        select id

      activities
      .format csv
      activities count by vem
      """
    let items = Parser.parse(SourceText(name: "t", text: text))
    let printed = items.map { item -> String in
      switch item {
      case .success(.statement(let s)): ASTPrinter.print(s)
      case .success(.dotCommand(let d)):
        "." + d.name.text + " " + d.arguments.map(\.text).joined(separator: " ")
      case .failure(let e): "error: " + e.message
      }
    }
    #expect(
      printed == [
        "activities where prio = 1", "activities count", "activities where vem = Kansli select id",
        "activities",
        ".format csv", "activities count by vem",
      ])
  }

  @Test func dotCommandArgumentsKeepQuotedWords() {
    let items = Parser.parse(SourceText(name: "t", text: ".param vem 'Internationella arbetsgruppen'"))
    guard case .success(.dotCommand(let line)) = items.first else {
      Issue.record("expected a dot-command")
      return
    }
    #expect(line.name.text == "param")
    #expect(line.arguments.map(\.text) == ["vem", "Internationella arbetsgruppen"])
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep =
      "activities where " + String(repeating: "(", count: 10_000) + "prio = 1"
      + String(repeating: ")", count: 10_000)
    let deepNot = "activities where " + String(repeating: "not ", count: 10_000) + "prio = 1"
    for text in [deep, deepNot] {
      // Any error would pass `throws:`; this one must be the limit on nesting, not a syntax error.
      let error = #expect(throws: QueryError.self) { try Self.statement(text) }
      #expect(error?.kind == .limit, "\(error?.message ?? "")")
    }
  }

  static func statement(_ text: String) throws -> Statement {
    var parser = Parser(SourceText(name: "t", text: text))
    switch parser.nextItem() {
    case .success(.statement(let statement)): return statement
    case .failure(let error): throw error
    default: throw QueryError(.syntax, "no statement", at: SourceRange(start: 0, end: 0))
    }
  }
}

/// The shape of an expression tree, for precedence tests.
indirect enum Shape {
  case and(Shape, Shape), or(Shape, Shape), not, predicate

  init(_ expression: Expression) {
    switch expression {
    case .and(let a, let b): self = .and(Shape(a), Shape(b))
    case .or(let a, let b): self = .or(Shape(a), Shape(b))
    case .not: self = .not
    case .predicate, .changed: self = .predicate
    }
  }
}
