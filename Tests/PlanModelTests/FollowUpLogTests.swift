import Testing

@testable import PlanModel

/// The follow-up log: entries made by changes, written to JSON and read back, undone by `.undo` and by
/// `as of`, on the real 2021 plan.
@Suite struct FollowUpLogTests {
  static let plan = Plan.embedded2021
  static func time(_ text: String) -> LogTime { LogTime(iso: text)! }

  @Test(arguments: [
    ("2021-06-14T10:02:11+02:00", "2021-06-14", "2021-06-14T10:02:11+02:00"),
    ("2021-06-14T23:30:00+02:00", "2021-06-14", "2021-06-14T23:30:00+02:00"),
    ("2021-06-14T22:30Z", "2021-06-14", "2021-06-14T22:30:00+00:00"),
    ("2021-01-01T00:30:00-05:00", "2021-01-01", "2021-01-01T00:30:00-05:00"),
    ("2021-06-14 08:00:00+02:00", "2021-06-14", "2021-06-14T08:00:00+02:00"),
  ])
  func logTimesReadAndWrite(text: String, day: String, written: String) {
    let time = LogTime(iso: text)
    #expect(time?.day.iso == day)
    #expect(time?.iso == written)
  }

  @Test(arguments: ["2021-06-14", "2021-06-14T25:00:00+02:00", "2021-06-14T10:00:00+2", "x", ""])
  func notLogTimes(text: String) {
    #expect(LogTime(iso: text) == nil)
  }

  /// A plan with three groups: a status set on 2021-06-14, a note on 2021-09-01, a removal on
  /// 2021-10-05.
  static func followedUp() -> Plan {
    var plan = Self.plan
    plan.record(
      plan.entries(
        setting: [(.status, .text("Genomfört 11 maj")), (.when, .text("juni 2021"))], ids: [19],
        group: plan.nextGroup, author: "Anna", time: time("2021-06-14T10:00:00+02:00")))
    plan.record(
      plan.entries(
        commenting: "Webbinariet hölls med 120 deltagare", ids: [19, 20], group: plan.nextGroup,
        author: "Bo", time: time("2021-09-01T09:00:00+02:00")))
    plan.record(
      plan.entries(
        removing: [7], group: plan.nextGroup, author: "Anna", time: time("2021-10-05T12:00:00+02:00")))
    return plan
  }

  @Test func changesAreRecordedAndMade() throws {
    let plan = Self.followedUp()
    #expect(plan.log.count == 5)
    #expect(plan.log.map(\.group) == [1, 1, 2, 2, 3])
    let activity = try #require(plan.activities.first { $0.id == 19 })
    #expect(activity.status.text == "Genomfört 11 maj")
    #expect(activity.status.category == .done)
    #expect(activity.when.interval?.start.iso == "2021-06-01")
    #expect(activity.comment == "Webbinariet hölls med 120 deltagare")
    #expect(!plan.activities.contains { $0.id == 7 })
    #expect(plan.activities.count == 43)
    #expect(plan.nextActivityID == 45)
  }

  @Test(arguments: [
    ("2021-06-13", 0, "Planeras", "", true),
    ("2021-06-14", 2, "Genomfört 11 maj", "", true),
    ("2021-09-01", 4, "Genomfört 11 maj", "Webbinariet hölls med 120 deltagare", true),
    ("2021-12-31", 5, "Genomfört 11 maj", "Webbinariet hölls med 120 deltagare", false),
  ])
  func asOfADay(day: String, entries: Int, status: String, comment: String, hasSeven: Bool) throws {
    let plan = Self.followedUp().asOf(Day(iso: Substring(day))!)
    #expect(plan.log.count == entries)
    let activity = try #require(plan.activities.first { $0.id == 19 })
    #expect(activity.status.text == status)
    #expect(activity.comment == comment)
    #expect(plan.activities.contains { $0.id == 7 } == hasSeven)
  }

  @Test func theOriginalComesBackWhole() {
    let original = Self.followedUp().asOf(Day(year: 2021, month: 1, day: 1)!)
    #expect(original.activities == Self.plan.activities)
  }

  @Test func undoTakesBackOneGroupAtATime() throws {
    var plan = Self.followedUp()
    let now = Self.time("2021-11-01T08:00:00+01:00")
    #expect(plan.lastUndoableGroup == 3)
    plan.record(try #require(plan.entriesUndoingLastGroup(group: plan.nextGroup, author: "Anna", time: now)))
    #expect(plan.activities.count == 44)
    #expect(plan.log.last?.undoes == 3)
    #expect(plan.lastUndoableGroup == 2)
    plan.record(try #require(plan.entriesUndoingLastGroup(group: plan.nextGroup, author: "Anna", time: now)))
    #expect(plan.activities.first { $0.id == 19 }?.comment == "")
    #expect(plan.lastUndoableGroup == 1)
    plan.record(try #require(plan.entriesUndoingLastGroup(group: plan.nextGroup, author: "Anna", time: now)))
    #expect(plan.activities == Self.plan.activities)
    #expect(plan.lastUndoableGroup == nil)
    #expect(plan.entriesUndoingLastGroup(group: plan.nextGroup, author: "Anna", time: now) == nil)
    #expect(plan.log.count == 10)
  }

  @Test func theLogSurvivesJSON() throws {
    var plan = Self.followedUp()
    plan.metadata.boardMeetings = [Day(year: 2021, month: 3, day: 22)!, Day(year: 2021, month: 6, day: 14)!]
    var added = Activity(
      id: plan.nextActivityID, direction: "Pådrivare och opinionsbildare", what: "Remissvar klimatlagen",
      how: "Expertgruppen skriver", who: ["Expertgrupp", "Kansli"],
      when: WhenText(text: "hösten 2021", interval: nil), status: StatusText(text: "Planeras"), priority: 1)
    added.when.interval = SwedishTime.interval(of: "hösten 2021", in: plan.timeContext)
    plan.record([
      plan.entry(
        adding: added, group: plan.nextGroup, author: "Anna", time: Self.time("2021-10-06T12:00:00+02:00"))
    ])
    let json = PlanFile.json(plan)
    let read = try PlanFile.parse(bytes: Array(json.utf8), format: .json, path: "plan.json")
    #expect(read.activities == plan.activities)
    #expect(read.log == plan.log)
    #expect(read.metadata.boardMeetings.map(\.iso) == ["2021-03-22", "2021-06-14"])
    #expect(PlanFile.json(read) == json)
  }
}

@Suite struct LogVerificationTests {
  @Test func aLogThatReplaysHasNoDiscrepancy() {
    #expect(FollowUpLogTests.followedUp().logDiscrepancies().isEmpty)
  }

  @Test func aHandEditShowsAsAChangeWithNoLogEntry() throws {
    var plan = FollowUpLogTests.followedUp()
    let position = try #require(plan.activities.firstIndex { $0.id == 19 })
    plan.activities[position].status = StatusText(text: "Klart")
    plan.activities.removeAll { $0.id == 1 }
    plan.activities.append(
      Activity(
        id: 7, direction: "Förebild och föregångare", what: "Tillbaka", how: "", who: [],
        when: WhenText(text: "", interval: nil), status: StatusText(text: ""), priority: nil))
    let found = plan.logDiscrepancies()
    #expect(found.map(\.activityID) == [7, 19])
    #expect(found[0].message.contains("added again outside sekom"))
    #expect(
      found[1].message
        == "status is 'Klart' where the log's last change (2021-06-14T10:00:00+02:00) made it 'Genomfört 11 maj': changed outside sekom"
    )
  }
}

@Suite struct BoardMeetingTests {
  static func day(_ text: String) -> Day { Day(iso: Substring(text))! }

  @Test(
    arguments: [
      ("2021-03-21", nil, "2021-03-22"),
      ("2021-03-22", "2021-03-22", "2021-06-14"),
      ("2021-09-15", "2021-06-14", "2021-10-04"),
      ("2021-12-01", "2021-10-04", nil),
    ] as [(String, String?, String?)])
  func lastAndNextMeeting(today: String, last: String?, next: String?) {
    var metadata = Plan.embedded2021.metadata
    metadata.boardMeetings = [Self.day("2021-06-14"), Self.day("2021-10-04")]
    #expect(metadata.lastMeeting(onOrBefore: Self.day(today))?.iso == last)
    #expect(metadata.nextMeeting(after: Self.day(today))?.iso == next)
  }

  @Test func theEmbeddedPlanWasAdoptedAtAMeeting() {
    #expect(Plan.embedded2021.metadata.meetingDays.map(\.iso) == ["2021-03-22"])
  }
}
