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
    let terminal = try home.start(["--plan", plan, "--by", "Kansliet"])
    try terminal.waitForPrompt()
    terminal.type("activities where id = 19 set \t")
    // The candidates under the line, then the prompt and the line again.
    let listing = try terminal.waitFor("sekom> activities where id = 19 set ")
    let listed = listing.split(separator: "\n").dropFirst().dropLast().flatMap { $0.split(separator: " ") }
    #expect(
      Set(listed) == ["vad", "hur", "vem", "när", "status", "prio", "inriktning"], "\(listing)")
    try terminal.waitForCursorLine("sekom> activities where id = 19 set")
    terminal.type("pr\t")
    try terminal.waitFor("prio ")
    try terminal.waitForCursorLine("sekom> activities where id = 19 set prio")
    terminal.type("= 2\r")
    let changed = try terminal.waitForPrompt()
    #expect(changed.contains("│ prio │ 1    │ 2"), "\(changed)")
    terminal.type("\u{04}")
    #expect(try terminal.exitStatus() == 0)
    let after = try SekomProcess.run(["--plan", plan, "-c", "activities where id = 19 select prio"])
    #expect(after.output == " prio\n─────\n    2\n(1 activity)\n", "\(after.error)")
  }
}
