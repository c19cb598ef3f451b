import Foundation
import Testing

/// Tab at a real terminal where a time goes, and `~/` completed and read by the dot-commands.
@Suite(.serialized)
struct CompletionEndToEndTests {
  /// Tab after `overlaps` writes the plan year's period, quoted, and the statement runs as one with the
  /// period typed out.
  @Test func tabCompletesATimeValue() throws {
    let statement = "activities where när overlaps 'hösten 2021' count"
    let expected = try SekomProcess.run(["-c", statement])
    #expect(expected.status == 0, "\(expected.error)")
    let home = try ReplHome()
    let terminal = try home.startAtPrompt()
    try terminal.complete(
      "activities where när overlaps hös\t", inserting: "'hösten 2021' ",
      line: "activities where när overlaps 'hösten 2021'")
    terminal.type("count\r")
    #expect(try terminal.waitForPrompt() == "count\n" + expected.output)
    try terminal.quitWithControlD()
  }

  /// `.read ~/mi⇥` writes the script's name quoted, as it has a space, and `.read` finds it in the home
  /// folder.
  @Test func tabCompletesAndReadsAScriptInTheHomeFolder() throws {
    let home = try ReplHome()
    try "activities where prio = 1 count\n".write(
      to: home.folder.appendingPathComponent("home/min fråga.sq"), atomically: true, encoding: .utf8)
    let expected = try SekomProcess.run(["-c", "activities where prio = 1 count"])
    let terminal = try home.startAtPrompt()
    try terminal.complete(".read ~/mi\t", inserting: "'~/min fråga.sq' ", line: ".read '~/min fråga.sq'")
    terminal.type("\r")
    #expect(try terminal.waitForPrompt() == "\n" + expected.output)
    try terminal.quitWithControlD()
  }

  /// `.output ~/…` and `.plan ~/…` take `~` as the home folder.
  @Test func outputAndPlanUnderstandTheHomeFolder() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exported = try SekomProcess.run(
      ["export", "--output", folder.appendingPathComponent("plan.json").path, "--quiet"])
    #expect(exported.status == 0, "\(exported.error)")
    let script = ".plan ~/plan.json\n.output ~/out.txt\nactivities count\n"
    let outcome = try SekomProcess.run(
      [], input: Data(script.utf8), environment: ["HOME": folder.path])
    #expect(outcome.status == 0, "\(outcome.error)")
    let written = try String(contentsOf: folder.appendingPathComponent("out.txt"), encoding: .utf8)
    #expect(written == "44\n")
  }
}
