import Foundation
import Testing

/// `sekom diff PLAN@DAY PLAN`: two days of one plan file, the earlier one rebuilt from its log.
struct DiffOfTwoDaysTests {
  @Test func whatChangedSinceADay() throws {
    let folder = try FollowUpEndToEndTests.exportedPlan()
    defer { try? FileManager.default.removeItem(at: folder) }
    let set = try FollowUpEndToEndTests.sekom(
      folder,
      [
        "-c", "activities where id = 19 set status = 'Genomfört 11 maj'", "-c",
        "activities where id = 7 remove",
      ])
    #expect(set.status == 0, "\(set.error)")
    // The day before any change: the plan as exported.
    let since = try SekomProcess.run(
      ["diff", "--format", "csv", "plan.json@2021-01-01", "plan.json"], directory: folder)
    #expect(since.status == 0, "\(since.error)")
    let rows = since.output.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",").first.map(String.init)
    }
    #expect(rows == ["7", "19"], "\(since.output)")
    #expect(since.output.contains("Planeras,Genomfört 11 maj"))
    // The plan compared with itself as it stands: nothing.
    let none = try SekomProcess.run(["diff", "--format", "csv", "plan.json", "plan.json"], directory: folder)
    #expect(none.output.split(separator: "\n").count == 1)
    // A name with @ that is no day is a file name.
    let missing = try SekomProcess.run(["diff", "plan.json@someday", "plan.json"], directory: folder)
    #expect(missing.status == 3)
  }
}
