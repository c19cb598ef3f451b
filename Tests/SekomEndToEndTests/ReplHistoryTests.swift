import Foundation
import Glibc
import Testing

/// The REPL's history file is the user's data: a hangup, a second REPL, or a file that is not sekom's must
/// never cost an entry or overwrite it.
@Suite(.serialized) struct ReplHistoryTests {
  static let statements = [
    "activities count",
    "activities where vem contains Kansli and prio = 1 count",
    "activities where vad contains 'Årskonferens' select id",
  ]

  /// Closing the terminal after each statement, again and again: every statement entered is in the file,
  /// and the file is whole, what was there before included.
  @Test func aHangupKeepsEveryEnteredStatement() throws {
    let home = try ReplHome()
    try home.writeHistoryFile("_HiStOrY_V2_\nactivities\\040where\\040prio\\040=\\0403\\040count\n")
    var expected = ["activities where prio = 3 count"]
    for round in 0..<3 {
      let terminal = try home.startAtPrompt()
      for statement in ReplHistoryTests.statements.prefix(round + 1) {
        terminal.enter(statement)
        try terminal.waitForPrompt()
        if expected.last != statement { expected.append(statement) }
      }
      try terminal.hangUp()
      #expect(try home.historyEntries() == expected, "round \(round)")
    }
  }

  /// A hangup in the middle of a line loses that line and nothing else.
  @Test func aHangupWhileTypingLosesOnlyThatLine() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt()
    terminal.enter("activities count")
    try terminal.waitForPrompt()
    terminal.type("activities where prio")
    try terminal.waitForCursorLine(Prompt.main + "activities where prio")
    try terminal.hangUp()
    #expect(try home.historyEntries() == ["activities count"])
  }

  /// Two REPLs at once, each entering statements in turn and leaving in either order: every statement of
  /// both is kept.
  @Test(arguments: [false, true]) func twoREPLsAtOnceKeepBothHistories(firstLeavesFirst: Bool) throws {
    let home = try ReplHome()
    let first = try home.start()
    let second = try home.start()
    try first.waitForPrompt()
    try second.waitForPrompt()
    first.enter("activities count")
    try first.waitForPrompt()
    second.enter("activities where prio = 1 count")
    try second.waitForPrompt()
    first.enter("activities where prio = 2 count")
    try first.waitForPrompt()
    second.enter("activities where prio = 3 count")
    try second.waitForPrompt()
    for terminal in firstLeavesFirst ? [first, second] : [second, first] {
      try terminal.quitWithControlD()
    }
    #expect(
      try home.historyEntries() == [
        "activities count", "activities where prio = 1 count", "activities where prio = 2 count",
        "activities where prio = 3 count",
      ])
  }

  /// An empty history file is no history: no warning, and the first statement makes it a history file.
  @Test func anEmptyHistoryFileIsNoHistory() throws {
    let home = try ReplHome()
    try home.writeHistoryFile("")
    let terminal = try home.start()
    let banner = try terminal.waitForPrompt()
    #expect(!banner.contains("warning"), "\(banner)")
    terminal.enter("activities count")
    #expect(try terminal.waitForPrompt() == "activities count\n44\n")
    try terminal.quitWithControlD()
    #expect(!terminal.output.contains("warning"), "\(terminal.output)")
    #expect(try home.historyFileLines() == ["_HiStOrY_V2_", "activities\\040count"])
  }

  /// Files that are not sekom's history: one warning each, the REPL works on, and the file is left as it
  /// was.
  @Test(arguments: [
    "my notes\nactivities count\n",
    "_HiStOrY_V2_\nactivities\\qcount\n",
    "_HiStOrY_V2_\nactivities\\",
  ])
  func aForeignOrBrokenHistoryFileIsWarnedAboutOnceAndLeftAlone(text: String) throws {
    let home = try ReplHome()
    try home.writeHistoryFile(text)
    let before = try Data(contentsOf: home.historyFile)
    try home.runWithOneHistoryWarning()
    #expect(try Data(contentsOf: home.historyFile) == before)
  }

  /// A link to a device, or to nothing, where the history file should be: one warning, the link stays as
  /// it was and nothing is created where it points.
  @Test(arguments: ["/dev/null", "missing/history"])
  func aLinkToADeviceOrToNothingIsNotWrittenThrough(target: String) throws {
    let home = try ReplHome()
    let linkTarget = target.hasPrefix("/") ? target : home.folder.appendingPathComponent(target).path
    try FileManager.default.createDirectory(
      at: home.historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: home.historyFile.path, withDestinationPath: linkTarget)
    try home.runWithOneHistoryWarning()
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: home.historyFile.path) == linkTarget)
    if !target.hasPrefix("/") { #expect(!FileManager.default.fileExists(atPath: linkTarget)) }
  }

  /// The folders made for the history file are private to the user, as the XDG rules ask; so is the file.
  @Test func theStateFolderIsMadePrivate() throws {
    let home = try ReplHome()
    let terminal = try home.startAtPrompt()
    terminal.enter("activities count")
    try terminal.waitForPrompt()
    try terminal.quitWithControlD()
    let state = home.folder.appendingPathComponent("state")
    for path in [state.path, state.appendingPathComponent("sekom").path] {
      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(info.st_mode & 0o777 == 0o700, "\(path): \(String(info.st_mode & 0o777, radix: 8))")
    }
    var info = stat()
    #expect(stat(home.historyFile.path, &info) == 0)
    #expect(info.st_mode & 0o077 == 0, "\(String(info.st_mode & 0o777, radix: 8))")
  }
}
