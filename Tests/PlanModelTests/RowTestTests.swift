import Testing

@testable import PlanModel

/// A test of activities made a test of positions (`Plan.rowTest`) finds, on a large plan held as
/// columns, exactly the activities the test finds on the same plan read whole: texts that repeat are
/// tested once each, the rest row by row.
struct RowTestTests {
  /// Tests that each read one column, with the column.
  static let tests: [(column: PlanColumn?, name: String, test: @Sendable (Activity) -> Bool)] = [
    (.direction, "inriktning with a comma", { $0.direction.contains(",") }),
    (.what, "vad with a comma", { $0.what.contains(",") }),
    (.how, "hur over two lines", { $0.how.contains("\n") }),
    (.who, "vem holds Kansli", { $0.who.contains("Kansli") }),
    (.who, "vem is empty", { $0.who.isEmpty }),
    (.when, "när in the autumn", { $0.when.text.hasPrefix("Hösten") }),
    (.when, "när has no interval", { $0.when.interval == nil }),
    (.status, "status Klart", { $0.status.text == "Klart" }),
    (.priority, "prio 2", { $0.priority == 2 }),
    (.id, "id ends in 7", { $0.id % 10 == 7 }),
    (nil, "prio is empty", { $0.priority == nil }),
  ]

  @Test func aTestOfPositionsFindsWhatTheTestOfActivitiesFinds() throws {
    try UnreadColumnsTests.withFile { path in
      let whole = try UnreadColumnsTests.read(path, Set(PlanColumn.allCases)).activities
      for (column, name, test) in Self.tests {
        let part = try UnreadColumnsTests.read(path, column.map { [$0] } ?? [])
        #expect(part.isHeldAsColumns, "\(name)")
        let rowTest = part.rowTest(reading: column, test)
        let found = whole.indices.filter(rowTest)
        let expected = whole.indices.filter { test(whole[$0]) }
        #expect(found == expected, "\(name)")
        #expect(!expected.isEmpty && expected.count < whole.count, "\(name) finds some, not all")
        // Asked again, a text's kept answer is the same.
        #expect(whole.indices.filter(rowTest) == expected, "\(name), asked again")
      }
    }
  }

  @Test func numbersAreTestedFromTheirOwnColumns() throws {
    try UnreadColumnsTests.withFile { path in
      for columns: Set<PlanColumn> in [[.who], Set(PlanColumn.allCases)] {
        let plan = try UnreadColumnsTests.read(path, columns)
        let whole = plan.activities
        let byPriority = plan.rowTest(priority: { $0 == nil || $0 == 3 })
        let byID = plan.rowTest(id: { $0 % 9 == 4 })
        #expect(
          whole.indices.filter(byPriority) == whole.indices.filter { [nil, 3].contains(whole[$0].priority) })
        #expect(whole.indices.filter(byID) == whole.indices.filter { whole[$0].id % 9 == 4 })
        #expect(whole.indices.filter(byID).count == 1_000)
      }
    }
  }

  @Test func eachRowIsNumberedByItsDistinctText() throws {
    try UnreadColumnsTests.withFile { path in
      let whole = try UnreadColumnsTests.read(path, Set(PlanColumn.allCases))
      #expect(whole.distinctTexts(of: .who) == nil)
      let part = try UnreadColumnsTests.read(path, [.who, .direction, .status])
      let activities = whole.activities
      let fields: [(PlanColumn, (Activity) -> String)] = [
        (.when, { $0.when.text + "\($0.when.interval.map { "\($0.start.iso)…\($0.end.iso)" } ?? "-")" }),
        (.direction, { $0.direction }), (.who, { $0.who.joined(separator: "|") }),
        (.status, { $0.status.text }),
      ]
      for (column, text) in fields {
        let distinct = try #require(part.distinctTexts(of: column), "\(column)")
        #expect(distinct.numbers.count == activities.count)
        #expect(Set(distinct.activities.map(text)).count == distinct.activities.count, "\(column): distinct")
        #expect(
          activities.indices.allSatisfy {
            text(distinct.activities[Int(distinct.numbers[$0])]) == text(activities[$0])
          })
      }
      #expect(part.distinctTexts(of: .what) == nil)
      #expect(part.distinctTexts(of: .priority) == nil)
    }
  }

  @Test func aPlanReadWholeTestsItsActivities() throws {
    try UnreadColumnsTests.withFile { path in
      let whole = try UnreadColumnsTests.read(path, Set(PlanColumn.allCases))
      #expect(!whole.isHeldAsColumns)
      let activities = whole.activities
      let rowTest = whole.rowTest(reading: .who) { $0.who.contains("Ordförande") }
      #expect(
        activities.indices.filter(rowTest)
          == activities.indices.filter { activities[$0].who.contains("Ordförande") })
    }
  }

  @Test func eachSharedActorListIsHandedOnce() throws {
    try UnreadColumnsTests.withFile { path in
      for columns: Set<PlanColumn> in [[.who], Set(PlanColumn.allCases)] {
        var lists: [[String]] = []
        try UnreadColumnsTests.read(path, columns).forEachActorList { lists.append($0) }
        #expect(
          Set(lists) == [
            ["Kansli"], ["Styrelse", "Kansli"], [], ["Expertgrupp", "Ordförande"], ["Medlemmar"],
          ])
        #expect(lists.count == 5)
      }
    }
  }
}
