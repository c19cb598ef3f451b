import Foundation
import Testing

/// Tab after `set` at a real terminal: the fields a change can set are listed, one more letter writes the
/// field, and the change it completes is made to the plan file.
@Suite(.serialized)
struct ChangeCompletionEndToEndTests {
  @Test func tabAfterSetListsTheSettableFields() throws {
    let home = try ReplHome()
    let plan = home.folder.appendingPathComponent("plan.json").path
    let exported = try SekomProcess.run(["export", "--output", plan, "--quiet"])
    #expect(exported.status == 0, "\(exported.error)")
    let terminal = try home.startAtPrompt(["--plan", plan, "--by", "Kansliet"])
    #expect(
      try terminal.candidates(after: "activities where id = 19 set ") == [
        "vad", "hur", "vem", "när", "status", "prio", "inriktning",
      ])
    try terminal.complete("pr\t", inserting: "prio ", line: "activities where id = 19 set prio")
    terminal.type("= 2\r")
    let changed = try terminal.waitForPrompt()
    #expect(changed.contains("│ prio │ 1    │ 2"), "\(changed)")
    try terminal.quitWithControlD()
    let after = try SekomProcess.run(["--plan", plan, "-c", "activities where id = 19 select prio"])
    #expect(after.output == " prio\n─────\n    2\n(1 activity)\n", "\(after.error)")
  }
}
