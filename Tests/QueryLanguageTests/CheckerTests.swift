import PlanModel
import Testing

@testable import QueryLanguage

/// Checking is a step of its own (issue 13, item 3): it hands back the checked statement and its
/// warnings as values, and the evaluator compiles what it hands back.
struct CheckerTests {
  static func statement(_ query: String) -> Statement? {
    var parser = Parser(SourceText(name: "q", text: query))
    guard case .success(.statement(let statement)) = parser.nextItem() else { return nil }
    return statement
  }

  /// One checker checking several statements: each result carries its own warnings only, however many
  /// statements were checked before it.
  @Test(arguments: [
    (
      ["activities where vem = Kansle", "activities where vem = Kansli"],
      [["no activity of the plan has the actor 'Kansle'; did you mean 'Kansli'?"], []]
    ),
    (
      ["activities where inriktning = Pådrivare", "activities where inriktning = Pådrivare"],
      [
        [
          "no activity of the plan has the inriktning 'Pådrivare'; did you mean 'Pådrivare och opinionsbildare'?"
        ],
        [
          "no activity of the plan has the inriktning 'Pådrivare'; did you mean 'Pådrivare och opinionsbildare'?"
        ],
      ]
    ),
  ])
  func eachCheckHasItsOwnWarnings(queries: [String], expected: [[String]]) throws {
    let checker = Checker(plan: .embedded2021, parameters: [:])
    var found: [[String]] = []
    for query in queries {
      let statement = try #require(Self.statement(query))
      found.append(try checker.check(statement).warnings.map(\.message))
    }
    #expect(found == expected)
  }

  /// A checked statement runs the same however often it runs: its condition is compiled afresh each time.
  @Test(arguments: [
    "activities where vem = Kansli and prio = 1",
    "activities where vad matches 'möte|årsmöte' or status = Pågår",
    "activities where när overlaps 2021-05 and not start is empty",
  ])
  func aCheckedStatementRunsAlikeTwice(query: String) throws {
    let statement = try #require(Self.statement(query))
    let checked = try Checker(plan: .embedded2021, parameters: [:]).check(statement)
    let evaluator = Evaluator(plan: .embedded2021)
    guard case .activities(_, _, let first) = try evaluator.run(checked),
      case .activities(_, _, let second) = try evaluator.run(checked)
    else {
      Issue.record("not a list of activities")
      return
    }
    #expect(!first.isEmpty)
    #expect(first.map(\.id) == second.map(\.id))
  }
}
