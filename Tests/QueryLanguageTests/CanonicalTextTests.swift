import PlanModel
import Testing

@testable import QueryLanguage

/// Text means the same however it is written (issue 9, items 15 and 16): a value's spaces are looked for
/// as written on every field, and canonically equivalent texts (a letter and a combining accent, NFD, or
/// the precomposed letter, NFC) compare, order and suggest alike, in the query and in the plan.
struct CanonicalTextTests {
  /// U+0300 and U+0301, the combining grave and acute accents; "e" + grave is "è" written decomposed.
  static let grave = "\u{0300}"
  static let acute = "\u{0301}"
  static let styrelse = [3, 4, 5, 6, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 26, 29, 42, 43]
  static let pågår = [1, 2, 5, 9, 11, 17, 18, 23, 24, 30, 31, 32, 33, 34, 35, 36, 40]
  static let kansli = [
    1, 2, 3, 6, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37,
    39,
    41, 42, 43, 44,
  ]
  static let multiWordActors = [4, 5, 6, 7, 8, 9, 10, 11, 12, 40]

  /// Spaces at either end of a value are part of it: `contains` and `starts with` look for exactly what was
  /// written, and `=`, `!=` and `in` compare the value as written, on `vem` as on the other text fields.
  static let spaces: [(query: String, ids: [Int])] = [
    ("activities where vem contains ' '", multiWordActors),
    ("activities where vem contains ' med'", [6, 12, 40]),
    ("activities where vem contains 'medlemmar '", []),
    ("activities where vem contains ' Kansli'", []),
    ("activities where vem contains 'Kansli'", kansli),
    ("activities where vem contains 'kansliet'", kansli),
    ("activities where vem starts with ' '", []),
    ("activities where vem starts with 'alla '", [12, 40]),
    ("activities where vem = ' Kansli'", []),
    ("activities where vem = 'Kansli '", []),
    ("activities where vem = Kansli", kansli),
    ("activities where vem in (' Kansli', ' Styrelse')", []),
    ("activities where vem != ' Kansli'", Array(1...44)),
    ("activities where vad = ' Lobbying'", []),
    ("activities where vad = 'Lobbying'", [22, 23]),
    ("activities where vad in (' Lobbying', 'Lobbying ')", []),
    ("activities where vad != ' Lobbying'", Array(1...44)),
    ("activities where status = ' Pågår'", []),
    ("activities where vad contains ' Linné'", [17]),
    ("activities where vad contains 'Linné '", []),
  ]

  @Test(arguments: spaces)
  func spacesAreLookedForAsWritten(query: String, ids: [Int]) throws {
    #expect(try EvaluationTests.run(query).map(\.id) == ids)
  }

  /// A value written with combining accents (NFD) finds the plan's precomposed letters (NFC), in every
  /// operator, including letters outside Swedish (è for é, the accent Swedish ignores either way).
  static let decomposedQueries: [(query: String, ids: [Int])] = [
    ("activities where vad contains 'Linne\(grave)'", [17]),
    ("activities where vad contains 'Linnè'", [17]),
    ("activities where vad contains 'LINNE\(grave)'", [17]),
    ("activities where vad contains 'Linne\(acute)'", [17]),
    ("activities where vad = 'Samverka med Refarm Linne\(grave)'", [17]),
    ("activities where vad != 'Samverka med Refarm Linne\(grave)'", Array(1...16) + Array(18...44)),
    ("activities where vad starts with 'Samverka med Refarm Linne\(grave)'", [17]),
    ("activities where vad in ('Samverka med Refarm Linne\(grave)', Lobbying)", [17, 22, 23]),
    ("activities where vad matches 'Linne\(grave)$'", [17]),
    ("activities where vad matches 'LINNE\(grave)'", [17]),
    ("activities where vad matches '^samverka .* linne\(grave)$'", [17]),
    ("activities where vad matches 'kommitte\(grave) '", [1]),
    ("activities where vem = 'Styre\(grave)lse'", styrelse),
    ("activities where vem = 'STYRE\(grave)LSEN'", styrelse),
    ("activities where vem != 'Styre\(grave)lse'", Array(Set(1...44).subtracting(styrelse)).sorted()),
    ("activities where vem in ('Styre\(grave)lse', Värdkommunen)", (styrelse + [41]).sorted()),
    ("activities where vem contains 'tyre\(grave)'", styrelse),
    ("activities where vem starts with 'Styre\(grave)'", styrelse),
    ("activities where vem matches '^styre\(grave)lse$'", styrelse),
    ("activities where vem = 'Va\u{0308}rdkommunen'", [41]),
    ("activities where vad = '\u{212B}rskonferens'", [41, 42]),  // the Ångström sign is Å
    ("activities where status = 'Pa\u{030A}ga\u{030A}r'", pågår),
    ("activities where status = 'Pàgår'", []),
    (
      "activities where hur contains 'e\(grave)'",
      try! EvaluationTests.run("activities where hur contains e").map(\.id)
    ),
  ]

  @Test(arguments: decomposedQueries)
  func decomposedValuesFindComposedTexts(query: String, ids: [Int]) throws {
    #expect(try EvaluationTests.run(query).map(\.id) == ids)
  }

  /// A parameter's value is read as a value written in the statement is.
  @Test func decomposedParameterFindsComposedText() throws {
    let rows = try EvaluationTests.run(
      "activities where vad contains $x", parameters: ["x": "refarm linne\(Self.grave)"])
    #expect(rows.map(\.id) == [17])
    let actors = try EvaluationTests.run(
      "activities where vem = $x", parameters: ["x": "Styre\(Self.grave)lse"])
    #expect(actors.map(\.id) == Self.styrelse)
  }

  /// A pattern's mistake in a value that composing shortened is placed on the whole value: its offsets
  /// in the composed text are not the source's. Here four "a" + U+0308 shrink by four bytes, so that the
  /// value would otherwise pass for one in three-byte typographic quotes.
  @Test func mistakeInRecomposedPatternMarksTheWholeValue() {
    let query = "activities where vad matches 'a\u{0308}a\u{0308}a\u{0308}a\u{0308}('"
    let start = query.utf8.count - 15
    let error = #expect(throws: QueryError.self) { try EvaluationTests.run(query) }
    #expect(error?.range == SourceRange(start: start, end: query.utf8.count), "\(String(describing: error))")
  }

  /// The warnings of a statement on the 2021 plan.
  static func warnings(_ query: String) throws -> [String] {
    var parser = Parser(SourceText(name: "q", text: query))
    guard case .success(.statement(let statement)) = parser.nextItem() else { return ["no statement"] }
    return try Checker(plan: .embedded2021, parameters: [:]).check(statement).warnings.map(\.message)
  }

  /// "No such actor" is not said of an actor written decomposed; a decomposed typo gets its suggestion, as
  /// a written-out space does.
  static let warned: [(query: String, warning: String?)] = [
    ("activities where vem = 'Styre\(grave)lse'", nil),
    ("activities where vem in (Kansli, 'Styre\(grave)lsen')", nil),
    ("activities where vem = 'Sto\(grave)re\(grave)lsr'", "did you mean 'Styrelse'?"),
    ("activities where vem = 'Kontaktjänstepe\(grave)rsone'", "did you mean 'Kontaktjänstepersoner'?"),
    (
      "activities where vem = ' Kansli'",
      "no activity of the plan has the actor ' Kansli'; did you mean 'Kansli'?"
    ),
    (
      "activities where inriktning = 'Fo\u{0308}re\(grave)bild och fo\u{0308}rega\u{030A}ngare'", nil
    ),
    ("activities where inriktning = 'Fo\u{0308}rebild och fo\u{0308}rega\u{030A}ng'", "did you mean"),
  ]

  @Test(arguments: warned)
  func warningsSeeDecomposedTextsAsComposed(query: String, warning: String?) throws {
    let warnings = try Self.warnings(query)
    if let warning {
      #expect(warnings.count == 1)
      #expect(warnings.allSatisfy { $0.contains(warning) }, "\(warnings)")
    } else {
      #expect(warnings.isEmpty, "\(warnings)")
    }
  }

  /// The "did you mean" of names: a decomposed name is as near as the composed one.
  @Test func spellingSuggestionComposesFirst() {
    #expect(Spelling.nearest("Sto\(Self.grave)re\(Self.grave)lsr", in: Actors.known) == "Styrelse")
    #expect(Spelling.nearest("Miljo\u{0308}barome\(Self.grave)tre", in: Actors.known) == "Miljöbarometern")
  }

  /// A plan whose texts are not composed, as a program may build one: `=`, ordering and grouping still
  /// treat "e" + accent as the composed letter, and Swedish order puts "Ae\u{300}b" before "Aéc".
  @Test func decomposedPlanTextsOrderAndCompareAsComposed() throws {
    var plan = Plan.embedded2021
    plan.activities = Array(plan.activities.prefix(3))
    plan.activities[0].what = "Ae\(Self.grave)b"
    plan.activities[1].what = "Aéc"
    plan.activities[2].what = "AE\(Self.acute)B"
    func ids(_ query: String) throws -> [Int] {
      guard case .activities(_, _, let rows) = try EvaluationTests.result(query, plan: plan) else {
        return []
      }
      return rows.map(\.id)
    }
    #expect(try ids("activities order by vad, id") == [1, 3, 2])
    #expect(try ids("activities order by vad desc, id") == [2, 1, 3])
    #expect(try ids("activities where vad = 'aèb'") == [1, 3])
    #expect(try ids("activities where vad < 'Aèc'") == [1, 3])
    #expect(try ids("activities where vad matches '^aeb$'") == [1, 3])
    guard case .counts(_, let groups) = try EvaluationTests.result("activities count by vad", plan: plan)
    else {
      Issue.record("expected counts")
      return
    }
    #expect(groups.map(\.count) == [2, 1])
  }

  /// The 2021 plan written out decomposed (the way a macOS tool may save it) answers as the plan does.
  @Test(arguments: [
    "activities where vad contains 'Linnè' select id", "activities where vem = Styrelse select id",
    "activities where status = Pågår select id", "activities order by vad, id select id",
    "activities where vad matches 'kommitté' select id", "activities where vem = Miljöbarometern select id",
  ])
  func decomposedPlanFileAnswersAsThePlan(query: String) throws {
    let marks: [Character: String] = [
      "å": "a\u{030A}", "ä": "a\u{0308}", "ö": "o\u{0308}", "é": "e\u{0301}", "Å": "A\u{030A}",
      "Ä": "A\u{0308}", "Ö": "O\u{0308}",
    ]
    let text = PlanFile.csv(.embedded2021).map { marks[$0] ?? String($0) }.joined()
    let plan = try PlanFile.parse(bytes: Array(text.utf8), format: .csv, path: "plan.csv")
    func rows(_ plan: Plan) throws -> [Activity] {
      guard case .activities(_, _, let rows) = try EvaluationTests.result(query, plan: plan) else {
        return []
      }
      return rows
    }
    let expected = try rows(.embedded2021)
    let found = try rows(plan)
    #expect(!expected.isEmpty)
    #expect(found.map(\.id) == expected.map(\.id))
    #expect(found.map { Array($0.what.utf8) } == expected.map { Array($0.what.utf8) })
  }
}
