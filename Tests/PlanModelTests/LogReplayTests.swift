import Testing

@testable import PlanModel

/// Log replay, table-driven: a sequence of follow-up steps, one a day, on the 2021 plan. After every
/// step the plan as it stood that day (`asOf`) is the plan as it was then, the log replays to the plan,
/// the log survives JSON, and undoing every group brings back the original.
@Suite struct LogReplayTests {
  enum Step: Sendable, CustomStringConvertible {
    case set(ActivityField, LogValue, [Int])
    case comment(String, [Int])
    case remove([Int])
    case add(String)
    case undo

    var description: String {
      switch self {
      case .set(let field, let value, let ids): "set \(field.name)=\(value.text) \(ids)"
      case .comment(let note, let ids): "comment \(note) \(ids)"
      case .remove(let ids): "remove \(ids)"
      case .add(let what): "add \(what)"
      case .undo: "undo"
      }
    }
  }

  static let cases: [[Step]] = [
    [.set(.status, .text("Genomfört 11 maj"), [19])],
    [.set(.status, .text("Pågår"), [1, 2, 3]), .set(.status, .text("Klart"), [2]), .undo],
    [.set(.when, .text("hösten 2021"), [5]), .set(.priority, .priority(1), [5, 6]), .comment("Bra", [5])],
    [
      .set(.who, .actors(["Kansli", "Styrelse"]), [10]),
      .set(.direction, .text("Förebild och föregångare"), [12]),
    ],
    [.remove([7]), .undo, .undo],
    [.add("Remissvar klimatlagen"), .comment("Skickat", [45]), .remove([45]), .undo],
    [.comment("Första", [19]), .comment("Andra", [19]), .undo, .comment("Tredje", [19, 20])],
    [.remove([1, 2, 3]), .add("Ny"), .set(.what, .text("Nytt namn"), [4]), .undo, .undo, .undo],
    [.set(.priority, .priority(nil), [19]), .set(.how, .text(""), [19, 20, 21]), .undo],
  ]

  static func day(_ index: Int) -> LogTime {
    // One step a day from 2 June 2021, at noon Swedish summer time.
    let day = String(format: "%02d", index + 2)
    return LogTime(iso: "2021-06-\(day)T12:00:00+02:00")!
  }

  static func applying(_ step: Step, to plan: inout Plan, at time: LogTime) {
    let group = plan.nextGroup
    switch step {
    case .set(let field, let value, let ids):
      plan.record(
        plan.entries(setting: [(field, value)], ids: Set(ids), group: group, author: "Anna", time: time))
    case .comment(let note, let ids):
      plan.record(plan.entries(commenting: note, ids: Set(ids), group: group, author: "Bo", time: time))
    case .remove(let ids):
      plan.record(plan.entries(removing: Set(ids), group: group, author: "Anna", time: time))
    case .add(let what):
      let activity = Activity(
        id: plan.nextActivityID, direction: "Förebild och föregångare", what: what, how: "", who: ["Kansli"],
        when: WhenText(text: "", interval: nil), status: StatusText(text: "Planeras"), priority: 2)
      plan.record([plan.entry(adding: activity, group: group, author: "Anna", time: time)])
    case .undo:
      if let entries = plan.entriesUndoingLastGroup(group: group, author: "Anna", time: time) {
        plan.record(entries)
      }
    }
  }

  @Test(arguments: cases)
  func theLogReplaysDayByDay(steps: [Step]) throws {
    var plan = Plan.embedded2021
    var snapshots: [[Activity]] = []
    for (index, step) in steps.enumerated() {
      Self.applying(step, to: &plan, at: Self.day(index))
      snapshots.append(plan.activities)
      #expect(plan.logDiscrepancies().isEmpty, "after \(step)")
    }
    for index in steps.indices {
      let asOf = plan.asOf(Self.day(index).day)
      #expect(asOf.activities == snapshots[index], "as of step \(index): \(steps[index])")
      #expect(asOf.logDiscrepancies().isEmpty)
    }
    #expect(plan.asOf(Day(year: 2021, month: 6, day: 1)!).activities == Plan.embedded2021.activities)
    let read = try PlanFile.parse(bytes: Array(PlanFile.json(plan).utf8), format: .json, path: "plan.json")
    #expect(read.log == plan.log)
    #expect(read.activities == plan.activities)
    #expect(read.logDiscrepancies().isEmpty)
    // Undo whatever is left, one group at a time: the original plan comes back, and the log only grows.
    var undone = read
    let logged = undone.log.count
    while let entries = undone.entriesUndoingLastGroup(
      group: undone.nextGroup, author: "Anna", time: Self.day(steps.count))
    {
      undone.record(entries)
    }
    #expect(undone.activities == Plan.embedded2021.activities)
    #expect(undone.log.count >= logged)
    #expect(undone.logDiscrepancies().isEmpty)
  }
}
