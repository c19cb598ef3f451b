import Foundation
import Testing

/// What the REPL says before its first prompt, and where it writes colour.
struct ReplBannerAndColourTests {
  /// An init file that switches plans with `.plan`: the first prompt comes under that plan's name.
  @Test func theFirstPromptNamesThePlanTheInitFileLoaded() throws {
    let home = try ReplHome()
    let plan = home.folder.appendingPathComponent("liten.csv")
    try "id,inriktning,vad,hur,vem,när,status,prio\n1,A,Liten plan,h,Kansli,2022,Pågår,1\n".write(
      to: plan, atomically: true, encoding: .utf8)
    try home.writeInitFile(".plan '\(plan.path)'\n")
    let terminal = try home.start(["--year", "2022"])
    let before = try terminal.waitForPrompt()
    let lines = before.split(separator: "\n")
    #expect(lines.last == "Plan in use: liten: 1 activities, plan year 2022.", "\(before)")
    terminal.enter("activities count")
    #expect(try terminal.waitForPrompt() == "activities count\n1\n")
    try terminal.quitWithDotQuit()
  }

  /// Without an init file, or one that keeps the plan, the banner alone names it.
  @Test func theBannerAloneWhenThePlanStays() throws {
    let home = try ReplHome()
    try home.writeInitFile(".header on\n")
    let terminal = try home.start()
    let before = try terminal.waitForPrompt()
    #expect(!before.contains("Plan in use"), "\(before)")
    try terminal.quitWithDotQuit()
  }

  /// A dumb terminal (Emacs' shell) gets no colour escapes, as with NO_COLOR; another terminal gets a bold
  /// header and a red "error:".
  @Test(arguments: [("dumb", false), ("xterm", true)])
  func noColourOnADumbTerminal(term: String, coloured: Bool) throws {
    let home = try ReplHome()
    home.extraEnvironment = ["TERM": term]
    var environment = home.environment
    environment["NO_COLOR"] = nil
    for statement in ["activities where id = 1 select id", "activities where prioo = 1"] {
      let terminal = try PseudoTerminal(
        arguments: ["-c", statement], environment: environment)
      _ = try terminal.exitStatus()
      #expect(terminal.rawOutput.contains(0x1B) == coloured, "\(term): \(statement)")
    }
  }
}
