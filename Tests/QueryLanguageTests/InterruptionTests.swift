import PlanModel
import Testing

@testable import QueryLanguage

/// Ctrl-C must stop every long step of a statement: sorting, and writing a large result, not only the
/// filter's pass over the activities.
struct InterruptionTests {
  /// A plan of `count` activities with distinct `vad` texts, so that sorting has real work.
  static func plan(count: Int) -> Plan {
    let activities = (1...count).map { id in
      Activity(
        id: id, direction: "Förebild och föregångare", what: "Vad \((id * 7919) % count)", how: "Hur",
        who: ["Kansli"], when: WhenText(text: "", interval: nil), status: StatusText(text: "Pågår"),
        priority: 1)
    }
    return Plan(
      metadata: PlanMetadata(
        title: "Test", year: 2021, directions: ["Förebild och föregångare"], source: "test"),
      activities: activities)
  }

  static func checked(_ text: String, on plan: Plan) throws -> CheckedStatement {
    guard case .success(.statement(let statement)) = Parser.parse(SourceText(name: "t", text: text)).first
    else {
      throw QueryError(.syntax, "not a statement", at: SourceRange(start: 0, end: 0))
    }
    return try Checker(plan: plan, parameters: [:], today: Day(iso: "2021-06-01")!).check(statement)
  }

  /// Without a filter, the sort or the grouping is the only long step; a Ctrl-C during it stops the
  /// statement.
  @Test(arguments: [
    "activities order by vad", "activities order by vad desc, id limit 1", "activities order by id",
    "activities count by vad", "activities count by vem", "activities group by vad",
  ])
  func aSortOrGroupingIsStopped(statement: String) throws {
    let plan = InterruptionTests.plan(count: 50_000)
    let statement = try InterruptionTests.checked(statement, on: plan)
    var asked = 0
    let result = try Evaluator(plan: plan).run(statement) {
      asked += 1
      return asked >= 2
    }
    #expect(result == nil)
    #expect(asked == 2)
  }

  @Test func anUninterruptedSortStillSorts() throws {
    let plan = InterruptionTests.plan(count: 2_000)
    let statement = try InterruptionTests.checked("activities order by vad desc limit 1 select id", on: plan)
    let result = try Evaluator(plan: plan).run(statement) { false }
    guard case .activities(_, _, let rows) = result else {
      Issue.record("no rows: \(String(describing: result))")
      return
    }
    #expect(rows.map(\.what) == ["Vad 999"])
  }

  /// A large result is written in pieces, and a Ctrl-C between them stops the writing.
  @Test func writingALargeResultIsStopped() throws {
    let plan = InterruptionTests.plan(count: 20_000)
    var pieces: [String] = []
    var errors = ""
    let session = Session(plan: plan, standardOutput: { pieces.append($0) }, standardError: { errors += $0 })
    var asked = 0
    session.interruption = {
      asked += 1
      // The statement's filter pass asks too; Ctrl-C comes once writing has begun.
      return !pieces.isEmpty
    }
    let status = session.run(SourceText(name: "t", text: "activities where prio = 1 select id, vad"))
    #expect(status == .interrupted)
    #expect(pieces.count == 1)
    #expect(pieces[0].utf8.count <= Session.outputPieceBytes)
    #expect(pieces[0].hasSuffix("\n"))
    #expect(errors == "\nthe output was stopped (Ctrl-C)\n")
  }

  /// Uninterrupted, the pieces make the whole result.
  @Test func piecesMakeTheWholeResult() throws {
    let plan = InterruptionTests.plan(count: 5_000)
    var pieces: [String] = []
    let statement = "activities select id, vad"
    let session = Session(plan: plan, standardOutput: { pieces.append($0) }, standardError: { _ in })
    session.interruption = { false }
    session.run(SourceText(name: "t", text: statement))
    var whole = ""
    let plain = Session(plan: plan, standardOutput: { whole += $0 }, standardError: { _ in })
    plain.run(SourceText(name: "t", text: statement))
    #expect(pieces.count > 1)
    #expect(pieces.joined() == whole)
  }
}
