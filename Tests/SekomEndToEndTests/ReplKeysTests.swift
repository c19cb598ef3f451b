import Foundation
import Glibc
import Testing

/// Habits from bash, readline and sqlite3 at the prompt (issue 11, items 4–10): dot-commands and Ctrl-D
/// at the continuation prompt, bracketed paste, word moves, Ctrl-U, Ctrl-R, Ctrl-Z and fg, and the
/// prompt without libedit.
struct ReplKeysTests {
  static let incompleteAnd =
    "<input>:1:30: error: expected a field name or '(' to start a condition, but the statement ends here\n"

  /// `.quit` at `...>` reports the statement as incomplete and leaves.
  @Test func aDotCommandAtTheContinuationPromptEndsTheStatement() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.enter("activities where prio = 1 and")
    try terminal.waitForPrompt(Prompt.continuation)
    try terminal.quitWithDotQuit()
    #expect(terminal.output.contains(".quit\n" + ReplKeysTests.incompleteAnd), "\(terminal.output)")
    #expect(try home.historyEntries() == ["activities where prio = 1 and", ".quit"])
  }

  /// Any dot-command runs once the statement is reported; the prompt is the main one again.
  @Test func aDotCommandAtTheContinuationPromptRuns() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.enter("activities where prio = 1 and")
    try terminal.waitForPrompt(Prompt.continuation)
    terminal.enter(".format csv")
    let shown = try terminal.waitForPrompt()
    #expect(shown.hasPrefix(".format csv\n" + ReplKeysTests.incompleteAnd), "\(shown)")
    terminal.enter("activities where vem = Kansli and prio = 3 select id")
    #expect(try terminal.waitForPrompt() == "activities where vem = Kansli and prio = 3 select id\nid\n6\n")
    try terminal.quitWithDotQuit()
  }

  /// Ctrl-D at `...>`: a new line, then the statement reported as ending unfinished, as standard input
  /// reports it; no `;` is blamed.
  @Test func controlDAtTheContinuationPromptSaysTheStatementEndsUnfinished() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.enter("activities where prio = 1 and")
    try terminal.waitForPrompt(Prompt.continuation)
    try terminal.quitWithControlD()
    let after = terminal.output.components(separatedBy: Prompt.continuation).last ?? ""
    // libedit writes ^D where the key was pressed, as it does on an empty line.
    #expect(after.hasPrefix("^D\n" + ReplKeysTests.incompleteAnd), "\(after)")
    #expect(!after.contains("';'"), "\(after)")
  }

  /// A saved query pasted whole, one clause per line, runs as one statement, as from its file.
  @Test func aPastedBlockRunsAsInAFile() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.type("\u{1b}[200~activities\r  where vem contains Kansli\r  and prio = 1\r  count\r\u{1b}[201~")
    let shown = try terminal.waitForPrompt()
    #expect(shown.hasSuffix("count\n15\n"), "\(shown)")
    #expect(!shown.contains("error"), "\(shown)")
    try terminal.quitWithDotQuit()
  }

  /// Bracketed paste is asked of terminals that know it, not of a dumb one, which would show the request.
  @Test(arguments: [("xterm", true), ("dumb", false)])
  func bracketedPasteIsAskedOfRealTerminals(term: String, asked: Bool) throws {
    let home = try ReplHome()
    home.extraEnvironment["TERM"] = term
    let terminal = try home.startAtPrompt(["--no-init"])
    try terminal.quitWithDotQuit()
    let request = Array("\u{1b}[?2004h".utf8)
    let found = terminal.rawOutput.indices.contains { terminal.rawOutput[$0...].starts(with: request) }
    #expect(found == asked)
  }

  /// A tab in pasted text is inserted, not taken as Tab.
  @Test func aPastedTabIsInsertedAsIs() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.type("\u{1b}[200~activities wh\tprio = 1\u{1b}[201~")
    try terminal.waitFor("prio = 1")
    terminal.type(" count\r")
    let shown = try terminal.waitForPrompt()
    // Completion would have made `where`; as pasted, `wh` is no clause, and the tab stays in the line.
    #expect(shown.contains("found 'wh'\nactivities wh\tprio = 1 count\n"), "\(shown)")
    try terminal.quitWithDotQuit()
  }

  /// A typed line starting with a clause keyword right after a statement continues it, as in a file.
  @Test(arguments: [
    "where vem contains Kansli and prio = 1 count", "där vem innehåller Kansli och prio = 1 antal",
  ])
  func aClauseLineContinuesTheStatementBefore(line: String) throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.enter("activities")
    try terminal.waitForPrompt()
    terminal.enter(line)
    #expect(try terminal.waitForPrompt() == line + "\n15\n")
    try terminal.quitWithDotQuit()
  }

  static let line = "activities where prio = 1 count"

  /// Ctrl- and Alt-arrows (and ESC b) move by word; Ctrl-U deletes back to the start of the line only.
  @Test(arguments: [
    ("\u{1b}[1;5D", "activities where prio = 1 Xcount"), ("\u{1b}[1;3D", "activities where prio = 1 Xcount"),
    ("\u{1b}b", "activities where prio = 1 Xcount"),
    ("\u{1b}[1;5D\u{1b}[1;5D\u{1b}[1;5C", "activities where prio = 1X count"),
    ("\u{1b}[1;5D\u{1b}[1;5D\u{1b}[1;3C", "activities where prio = 1X count"),
    ("\u{1b}[1;5D\u{15}", "Xcount"),
  ])
  func wordKeys(keys: String, expected: String) throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.type(ReplKeysTests.line)
    try terminal.waitFor(ReplKeysTests.line)
    terminal.type(keys + "X")
    try terminal.waitForCursorLine(Prompt.main + expected)
    terminal.type("\u{03}")
    try terminal.waitForPrompt()
    try terminal.quitWithDotQuit()
  }

  /// Ctrl-R shows what it searches for and what it found, readably; Enter runs the entry found.
  @Test func controlRSearchesTheHistoryReadably() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.enter("activities where vad contains höst count")
    #expect(try terminal.waitForPrompt() == "activities where vad contains höst count\n1\n")
    terminal.enter("activities count")
    try terminal.waitForPrompt()
    terminal.type("\u{12}")
    try terminal.waitFor("(reverse-i-search)'': ")
    terminal.type("höst")
    try terminal.waitFor("(reverse-i-search)'höst': activities where vad contains höst count")
    terminal.type("\r")
    // The entry is shown on the prompt's line again, then runs.
    try terminal.waitFor(Prompt.main + "activities where vad contains höst count\n1\n")
    try terminal.waitForPrompt()
    #expect(!terminal.output.contains("bck"), "\(terminal.output)")
    try terminal.quitWithDotQuit()
  }

  /// After Ctrl-Z and `fg` the prompt and the half-typed line are drawn again, and editing goes on.
  @Test func theLineIsRedrawnAfterStopAndContinue() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--no-init"])
    terminal.type("activities where prio = 1")
    try terminal.waitFor("activities where prio = 1")
    try terminal.waitUntilWaitingForKeys()
    // SIGSTOP, as Ctrl-Z's SIGTSTP would be discarded here: the test's child leads a process group with
    // no parent in its session (an orphaned group), where the kernel does not stop for SIGTSTP.
    kill(terminal.processID, SIGSTOP)
    try ReplKeysTests.waitForState(of: terminal.processID, "T")
    kill(terminal.processID, SIGCONT)
    try terminal.waitFor(Prompt.main + "activities where prio = 1")
    try terminal.waitForRawMode()
    terminal.type(" count\r")
    #expect(try terminal.waitForPrompt().hasSuffix(" count\n19\n"))
    try terminal.quitWithDotQuit()
  }

  static func waitForState(of process: pid_t, _ state: Character) throws {
    for _ in 0..<500 {
      let stat = (try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8)) ?? ""
      if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == state { return }
      usleep(10_000)
    }
    throw PseudoTerminal.Failure(description: "process \(process) never reached state \(state)")
  }

  /// Ctrl-C while a large result is printed stops the printing within a piece; the REPL goes on. Output
  /// stopped with Ctrl-S holds sekom in the middle of it, as a slow terminal does.
  @Test func controlCStopsPrintingALargeResult() throws {
    let home = try ReplHome()
    let text = String(repeating: "ö", count: 100)
    let terminal = try home.startOnALargePlan(rows: 20_000, fields: "A,\(text),H,Kansli,2021,Pågår,1")
    terminal.enter("activities select id, vad")
    try terminal.waitFor("select id, vad\n")
    terminal.type("\u{13}")
    try terminal.waitUntilBlockedWriting(timeout: 30)
    // Ctrl-C also starts the output again.
    terminal.type("\u{03}")
    let shown = try terminal.waitForPrompt(timeout: 30)
    #expect(shown.contains("the output was stopped (Ctrl-C)\n"), "\(shown.suffix(300))")
    #expect(!shown.contains("20000 │"), "\(shown.suffix(300))")
    #expect(!shown.contains("(20000 activities)"), "\(shown.suffix(300))")
    terminal.enter("activities where id < 3 count")
    #expect(try terminal.waitForPrompt() == "activities where id < 3 count\n2\n")
    try terminal.quitWithDotQuit()
  }

  // MARK: Without libedit

  static func startWithoutLibedit() throws -> (ReplHome, PseudoTerminal) {
    let home = try ReplHome()
    home.extraEnvironment["SEKOM_LIBEDIT"] = "/nonexistent"
    let terminal = try home.start(["--no-init"])
    try terminal.waitFor(Prompt.main)
    return (home, terminal)
  }

  @Test func withoutLibeditControlCDropsTheLineAndStays() throws {
    let (_, terminal) = try ReplKeysTests.startWithoutLibedit()
    terminal.type("activities where vad contains")
    try terminal.waitUntilWaitingForKeys()
    terminal.type("\u{03}")
    try terminal.waitFor(Prompt.main)
    terminal.type("activities count\r")
    try terminal.waitFor("activities count\n44\n" + Prompt.main)
    terminal.type(".quit\r")
    #expect(try terminal.exitStatus() == 0)
  }

  @Test func withoutLibeditAnEscapeIsShownByItsPicture() throws {
    let (_, terminal) = try ReplKeysTests.startWithoutLibedit()
    terminal.type("activities \u{1b}[A\r")
    let shown = try terminal.waitFor(Prompt.main)
    #expect(shown.contains("unexpected character '␛'"), "\(shown)")
    terminal.type(".quit\r")
    #expect(try terminal.exitStatus() == 0)
    #expect(!terminal.rawOutput.contains(0x1b))
  }

  @Test func withoutLibeditControlDOnALineStartsANewLineBeforeTheResult() throws {
    let (_, terminal) = try ReplKeysTests.startWithoutLibedit()
    terminal.type("activities count\u{04}")
    try terminal.waitFor("activities count\n44\n" + Prompt.main)
    terminal.type(".quit\r")
    #expect(try terminal.exitStatus() == 0)
  }
}
