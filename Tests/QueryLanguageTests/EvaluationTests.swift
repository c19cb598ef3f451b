import PlanModel
import Testing

@testable import QueryLanguage

/// Queries on the real 2021 plan and the ids they give, in order.
struct EvaluationTests {
  static let cases: [(query: String, ids: [Int])] = [
    // The worked example of the plan's issue.
    (
      "activities where vem contains Kansli and prio = 1 order by när select id",
      [1, 42, 33, 23, 24, 27, 30, 35, 19, 41, 25, 29, 43, 15, 31]
    ),
    (
      "aktiviteter där vem innehåller kansliet och prio = 1 sortera efter när visa id",
      [1, 42, 33, 23, 24, 27, 30, 35, 19, 41, 25, 29, 43, 15, 31]
    ),
    ("activities where vem = Kansliet and prio = 3", [6]),
    ("activities where vem = 'internationella gruppen'", [4, 5, 7, 8, 9, 10, 11, 12]),
    ("activities where vem contains medlem", [6, 12, 19, 30, 32, 40]),
    ("activities where vem in (Ordförande, Samarbetspartners)", [1, 18, 19]),
    ("activities where vem = Värdkommunen", [41]),
    ("activities where vem is empty", []),
    ("activities where kategori = paused", [6, 7, 10, 14, 26, 44]),
    ("activities where kategori = vilande", [6, 7, 10, 14, 26, 44]),
    ("aktiviteter dar kategori = 'ej paborjad'", [4]),
    ("activities where kategori = planned", [12, 19, 28, 29, 38, 39]),
    ("activities where kategori = 'not started'", [4]),
    ("activities where kategori = not_started", [4]),
    ("activities where kategori = monitoring", [3]),
    ("activities where kategori = 'as needed'", [20, 21, 22]),
    ("activities where kategori = none", [13, 15, 16]),
    ("activities where status is empty", [13, 15, 16]),
    ("activities where när is empty", [15, 16]),
    ("activities where start is empty", [6, 7, 8, 10, 14, 15, 16, 28, 31]),
    (
      "activities where när overlaps 'hösten 2021' and prio = 1 select id",
      [24, 29, 30, 23, 25, 27, 35, 38, 40, 43].sorted()
    ),
    ("activities where när before 2021-06-01", [41, 19, 42].sorted()),
    ("activities where när after 2021-06-30", [12, 13, 25, 29, 39, 43]),
    (
      "activities where när overlaps 2021-10",
      [
        2, 3, 4, 11, 12, 13, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27, 29, 30, 32, 34, 35, 36, 37, 38, 39, 40,
        43, 44,
      ]
    ),
    ("activities where start >= 2021-06 and slut <= 2021", [12, 13, 25, 29, 39, 43]),
    ("activities where slut < 2021-06-01", [19, 41, 42]),
    ("activities where när = löpande and prio = 1", [23, 24, 30]),
    ("activities where status starts with 'pågår,'", [25]),
    ("activities where hur matches 'webb?inar'", [2, 27, 28, 38]),
    ("activities where vad contains ”ekokommunmetodik”", [36, 37]),
    // `<` and `>` on inriktning go by the plan's order of inriktningar, as `order by inriktning` does: in
    // Swedish order Kunskapsförmedlare (13, 27…) would come before Pådrivare.
    ("activities where inriktning < 'Pådrivare och opinionsbildare'", Array(1...12)),
    (
      "aktiviteter där inriktning >= 'pådrivare och opinionsbildare' och prio = 1",
      [15, 16, 19, 23, 24, 25, 27, 29, 30, 31, 33, 35, 38, 40, 41, 42, 43]
    ),
    ("activities where inriktning > $i and prio = 1", [27, 29, 30, 31, 33, 35, 38, 40, 41, 42, 43]),
    // The annual meeting of the 2021 plan is 28 May 2021.
    ("activities where slut <= årsmötet and kategori != done order by när", [42, 19, 41]),
    ("activities where start > årsmötet and prio = 1", [25, 29, 43]),
    ("activities where vad = ’Lobbying’", [22, 23]),
    ("activities where vad = ‘lobbying’ or vad = 'Årskonferens'", [22, 23, 41, 42]),
    ("activities where vad = ”Delta i SIS tekniska kommitté ””Hållbara städer och samhällen”””", [1]),
    ("activities where prio in (3)", [6, 7, 10]),
    ("activities where prio >= 3 or id < 2", [1, 6, 7, 10]),
    (
      "activities where not (prio = 2 or prio = 3) and inriktning starts with Pådrivare",
      [15, 16, 19, 23, 24, 25]
    ),
    (
      "activities where status not in (Pågår, Vilande) and prio = 1 and inriktning = 'Förebild och föregångare'",
      []
    ),
    ("activities where inriktning = 'pådrivare och opinionsbildare' and prio = 1", [15, 16, 19, 23, 24, 25]),
    ("activities where prio = 1 order by prio desc, id desc limit 3", [43, 42, 41]),
    (
      "activities where prio = $p and vem = $vem",
      [23, 24, 29, 25, 15, 30, 31, 33, 35, 42, 43, 41, 1, 19, 27].sorted()
    ),
    ("activities order by när desc limit 4", [43, 12, 13, 25]),
    ("activities where start is empty order by när desc", [6, 7, 8, 10, 14, 15, 16, 28, 31]),
    // `not` before a time operator; activities whose när names no time (6, 7, 8, 10, …) are in none of
    // them, so they are in every negation.
    (
      "aktiviteter där när inte överlappar 'hösten 2021'",
      [1, 5, 6, 7, 8, 9, 10, 14, 15, 16, 19, 28, 31, 33, 41, 42]
    ),
    (
      "activities where när not after 2021-06-30 and start is not empty and prio = 1",
      [1, 5, 19, 23, 24, 27, 30, 33, 35, 38, 40, 41, 42]
    ),
    (
      "aktiviteter där slut inte före 2021-07 och prio = 1",
      [15, 16, 23, 24, 25, 27, 29, 30, 31, 35, 38, 40, 43]
    ),
  ]

  @Test(arguments: cases)
  func idsInOrder(query: String, ids: [Int]) throws {
    let parameters = ["p": "1", "vem": "Kansli", "i": "Pådrivare och opinionsbildare"]
    #expect(try Self.run(query, parameters: parameters).map(\.id) == ids)
  }

  /// `not` before a time operator is `not` before its condition, in English and in Swedish.
  @Test(arguments: [
    ("before 2021-06-01", "före 2021-06-01"), ("after 2021-06-30", "efter 2021-06-30"),
    ("overlaps 'hösten 2021'", "överlappar 'hösten 2021'"),
  ])
  func notBeforeATimeOperator(english: String, swedish: String) throws {
    let outside = try Self.run("activities where not när \(english)").map(\.id)
    let inside = try Self.run("activities where när \(english)").map(\.id)
    #expect(!outside.isEmpty && !inside.isEmpty)
    #expect(Set(outside).union(inside).count == Plan.embedded2021.activities.count)
    #expect(try Self.run("activities where när not \(english)").map(\.id) == outside)
    #expect(try Self.run("aktiviteter där när inte \(swedish)").map(\.id) == outside)
  }

  @Test func swedishOrderPutsÅÄÖAfterZ() throws {
    let names = try Self.run("activities order by vad select vad").map(\.what)
    let firstLetters = names.map { String($0.first!) }
    var seen: [String] = []
    for letter in firstLetters where seen.last != letter { seen.append(letter) }
    #expect(seen == ["A", "C", "D", "E", "H", "I", "K", "L", "N", "P", "R", "S", "U", "Å"])
  }

  @Test func countAndCountBy() throws {
    let plan = Plan.embedded2021
    #expect(try Self.result("activities count", plan: plan) == .count(44))
    #expect(
      try Self.result("activities where vem contains Kansli and prio = 1 count", plan: plan) == .count(15))
    guard case .counts(let field, let entries) = try Self.result("activities count by kategori") else {
      Issue.record("expected counts")
      return
    }
    #expect(field == .category)
    #expect(
      entries.map(\.value) == [
        "ongoing", "planned", "paused", "not started", "monitoring", "as needed", "none",
      ])
    #expect(entries.map(\.count) == [24, 6, 6, 1, 1, 3, 3])
    guard case .counts(_, let actors) = try Self.result("activities count by vem") else { return }
    #expect(actors.first { $0.value == "Kansli" }?.count == 32)
    #expect(actors.first { $0.value == "Styrelse" }?.count == 18)
    // An activity counts once for each of its actors.
    #expect(actors.map(\.count).reduce(0, +) == Plan.embedded2021.activities.map(\.who.count).reduce(0, +))
  }

  /// A missing prio or day matches no comparison, `!=` included; `not` and `is empty` find it.
  @Test func missingValuesMatchNoComparison() throws {
    var plan = Plan.embedded2021
    plan.activities[0].priority = nil
    func ids(_ query: String) throws -> [Int] {
      guard case .activities(_, _, let rows) = try Self.result(query, plan: plan) else { return [] }
      return rows.map(\.id)
    }
    #expect(try !ids("activities where prio != 2").contains(1))
    #expect(try !ids("activities where prio >= 1").contains(1))
    #expect(try ids("activities where not prio = 2").contains(1))
    #expect(try ids("activities where prio is empty") == [1])
    #expect(try ids("activities where start != 2021-01-01").count == 9)
    #expect(try ids("activities where not start = 2021-01-01").count == 18)
  }

  /// An activity that names no actor is counted and grouped under the empty value, not left out.
  @Test func activitiesWithoutActorsAreCountedUnderNone() throws {
    var plan = Plan.embedded2021
    plan.activities[0].who = []
    guard case .counts(_, let actors) = try Self.result("activities count by vem", plan: plan) else {
      Issue.record("expected counts")
      return
    }
    #expect(actors.last?.value == "" && actors.last?.count == 1)
    guard
      case .groups(_, _, _, let groups) = try Self.result("activities where id <= 2 group by vem", plan: plan)
    else {
      Issue.record("expected groups")
      return
    }
    #expect(groups.map(\.value) == ["Kansli", ""])
    #expect(groups.map { $0.rows.map(\.id) } == [[2], [1]])
  }

  @Test func directionsCompareInThePlansOrder() throws {
    #expect(
      try Self.result("activities where inriktning < 'Pådrivare och opinionsbildare' count") == .count(12))
    // Each comparison agrees with the order `order by inriktning` gives.
    let ordered = try Self.run("activities order by inriktning").map(\.id)
    for direction in Plan.embedded2021.metadata.directions {
      let before = try Self.run("activities where inriktning < '\(direction)'").map(\.id)
      let from = try Self.run("activities where inriktning >= '\(direction)'").map(\.id)
      #expect(Set(before).union(from).count == ordered.count)
      #expect(ordered.prefix(before.count).sorted() == before)
    }
    // An activity with no inriktning has no place in the list, and no comparison holds for it.
    var plan = Plan.embedded2021
    plan.activities[0].direction = ""
    #expect(
      try Self.result("activities where inriktning <= 'Förebild och föregångare' count", plan: plan)
        == .count(11))
    #expect(
      try Self.result("activities where inriktning > 'Förebild och föregångare' count", plan: plan)
        == .count(32))
  }

  @Test func groupByKeepsThePlansOrderOfDirections() throws {
    guard
      case .groups(let field, _, _, let groups) = try Self.result(
        "activities where prio = 1 group by inriktning")
    else {
      Issue.record("expected groups")
      return
    }
    #expect(field == .direction)
    #expect(groups.map(\.value) == Plan.embedded2021.metadata.directions)
    #expect(
      groups.map { $0.rows.map(\.id) } == [
        [1, 5], [15, 16, 19, 23, 24, 25], [27, 29, 30, 31, 33, 35, 38, 40, 41, 42, 43],
      ])
  }

  static func run(_ query: String, parameters: [String: String] = [:]) throws -> [Activity] {
    switch try result(query, parameters: parameters) {
    case .activities(_, _, let rows): return rows
    default: throw QueryError(.syntax, "not a list of activities", at: SourceRange(start: 0, end: 0))
    }
  }

  static func result(_ query: String, plan: Plan = .embedded2021, parameters: [String: String] = [:]) throws
    -> QueryResult
  {
    var parser = Parser(SourceText(name: "q", text: query))
    guard case .success(.statement(let statement)) = parser.nextItem() else {
      throw QueryError(.syntax, "no statement", at: SourceRange(start: 0, end: 0))
    }
    let checked = try Checker(plan: plan, parameters: parameters).check(statement)
    return try Evaluator(plan: plan).run(checked)
  }
}

extension QueryResult: Equatable {
  public static func == (a: QueryResult, b: QueryResult) -> Bool {
    switch (a, b) {
    case (.count(let x), .count(let y)): x == y
    default: false
    }
  }
}
