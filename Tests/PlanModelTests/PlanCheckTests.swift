import Testing

@testable import PlanModel

struct PlanCheckTests {
  /// An activity with nothing to report, changed by `change`.
  static func activity(
    id: Int = 1, direction: String = "Förebild och föregångare", who: [String] = ["Kansli"],
    when: String = "Hösten 2021", status: String = "Pågår", priority: Int? = 1
  ) -> Activity {
    Activity(
      id: id, direction: direction, what: "Vad", how: "Hur", who: who,
      when: WhenText(text: when, interval: SwedishTime.interval(of: when, in: TimeContext(planYear: 2021))),
      status: StatusText(text: status), priority: priority)
  }

  static func plan(_ activities: [Activity], corrections: [Correction] = []) -> Plan {
    Plan(
      metadata: PlanMetadata(
        title: "Test", year: 2021,
        directions: ["Förebild och föregångare", "Pådrivare och opinionsbildare"],
        corrections: corrections, source: "test"),
      activities: activities)
  }

  typealias Expected = (kind: PlanCheck.Finding.Kind, id: Int, message: String)

  @Test(
    arguments: [
      (activity(), []),
      (activity(status: ""), [(.missingStatus, 1, "the status is empty")]),
      (activity(status: "Oklart"), [(.unknownStatus, 1, "'Oklart' fits no status category")]),
      (activity(when: " "), [(.missingTime, 1, "när is empty")]),
      (activity(when: "någon gång"), [(.timeNotUnderstood, 1, "'någon gång' gives no interval")]),
      (activity(when: "Vid behov"), [(.noTimeOnPurpose, 1, "'Vid behov' names no time")]),
      (activity(when: "Delvis genomfört"), [(.noTimeOnPurpose, 1, "'Delvis genomfört' names no time")]),
      (activity(who: []), [(.missingActor, 1, "vem is empty")]),
      (
        activity(who: ["Kansli", "Styrelsn"]),
        [(.unknownActor, 1, "'Styrelsn' is not a known actor; did you mean 'Styrelse'?")]
      ),
      (activity(direction: ""), [(.missingDirection, 1, "inriktning is empty")]),
      (
        activity(direction: "Förebild och förgångare"),
        [
          (
            .undeclaredDirection, 1,
            "'Förebild och förgångare' is not one of the plan's inriktningar; did you mean 'Förebild och föregångare'?"
          )
        ]
      ),
      (
        activity(direction: "Internationellt"),
        [(.undeclaredDirection, 1, "'Internationellt' is not one of the plan's inriktningar")]
      ),
      (activity(priority: nil), [(.missingPriority, 1, "prio is empty")]),
      (activity(priority: 5), [(.priorityOutOfRange, 1, "prio is 5")]),
    ] as [(Activity, [Expected])])
  func findsWhatIsWrongInOneActivity(activity: Activity, expected: [Expected]) {
    let findings = PlanCheck.findings(in: Self.plan([activity]))
    #expect(findings.map(\.kind) == expected.map(\.kind))
    #expect(findings.map(\.activityID) == expected.map(\.id))
    #expect(findings.map(\.message) == expected.map(\.message))
  }

  @Test func repeatedIDsNameTheActivitiesByTheirPlaceInTheFile() {
    let activities = [1, 2, 1, 2, 1].map { Self.activity(id: $0) }
    let findings = PlanCheck.findings(in: Self.plan(activities))
    #expect(
      findings.map(\.message) == [
        "id 1 is used by the 1st and the 3rd activity",
        "id 2 is used by the 2nd and the 4th activity",
        "id 1 is used by the 1st and the 5th activity",
      ])
    #expect(findings.allSatisfy { $0.kind == .repeatedID })
  }

  @Test(arguments: [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
    (22, "22nd"), (101, "101st"), (111, "111th"),
  ])
  func ordinals(n: Int, text: String) {
    #expect(PlanCheck.ordinal(n) == text)
  }

  /// Only times left out on purpose, corrections and changes outside the log are notes; everything else is
  /// a problem for `--strict`.
  @Test(arguments: PlanCheck.Finding.Kind.allCases)
  func severity(kind: PlanCheck.Finding.Kind) {
    #expect(
      kind.severity == ([.noTimeOnPurpose, .correction, .outsideTheLog].contains(kind) ? .note : .problem))
  }

  @Test func problemsComeFirstAndCorrectionsLastAsNotes() {
    let correction = Correction(
      activityID: 1, field: "vem", original: "Styrels", corrected: "Styrelse", reason: "last letter lost")
    let findings = PlanCheck.findings(
      in: Self.plan(
        [Self.activity(id: 1, when: "Vid behov"), Self.activity(id: 2, status: "")], corrections: [correction]
      ))
    #expect(findings.map(\.kind) == [.missingStatus, .noTimeOnPurpose, .correction])
    #expect(findings.map(\.severity) == [.problem, .note, .note])
    #expect(findings.last?.message == "vem: 'Styrels' → 'Styrelse' (last letter lost)")
  }

  /// The embedded plan's real findings: five problems, and the notes of its deliberate times and its
  /// corrections.
  @Test func theEmbeddedPlan() {
    let findings = PlanCheck.findings(in: .embedded2021)
    #expect(findings.map(\.activityID) == [13, 15, 15, 16, 16, 6, 7, 8, 10, 14, 28, 31, 6, 41, 41, 23, 37])
    #expect(
      findings.map(\.kind)
        == [.missingStatus, .missingStatus, .missingTime, .missingStatus, .missingTime]
        + Array(repeating: .noTimeOnPurpose, count: 7) + Array(repeating: .correction, count: 5))
  }
}
