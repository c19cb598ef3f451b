import Foundation
import Testing

/// A home of its own for one test, in a fresh temporary folder removed afterwards: HOME,
/// XDG_STATE_HOME and XDG_CONFIG_HOME point into it, so nothing touches the real home.
final class ReplHome {
  let folder: URL

  init() throws {
    folder = try SekomProcess.temporaryDirectory()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Set by a test before `start`.
  var extraEnvironment: [String: String] = [:]

  var environment: [String: String] {
    extraEnvironment.merging([
      "HOME": folder.appendingPathComponent("home").path,
      "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
      "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
      "PATH": "/usr/bin:/bin",
      "TERM": "xterm",
      "NO_COLOR": "1",
    ]) { own, _ in own }
  }

  var historyFile: URL { folder.appendingPathComponent("state/sekom/history") }
  var initFile: URL { folder.appendingPathComponent("config/sekom/init.sq") }

  func writeInitFile(_ text: String) throws {
    try FileManager.default.createDirectory(
      at: initFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: initFile, atomically: true, encoding: .utf8)
  }

  /// The REPL at its first prompt on a large CSV plan of the test's folder: `rows` activities, each row's
  /// fields after the id given by `fields`, for statements long enough to be stopped with Ctrl-C.
  func startOnALargePlan(rows: Int, fields: String) throws -> PseudoTerminal {
    let plan = folder.appendingPathComponent("large.csv")
    var csv = "id,inriktning,vad,hur,vem,när,status,prio\n"
    for id in 1...rows { csv += "\(id),\(fields)\n" }
    try csv.write(to: plan, atomically: true, encoding: .utf8)
    return try startAtPrompt(["--plan", plan.path, "--no-init"], timeout: 30)
  }

  func start(
    _ arguments: [String] = [], standardOutput: PseudoTerminal.StandardOutput = .terminal
  ) throws -> PseudoTerminal {
    try PseudoTerminal(arguments: arguments, environment: environment, standardOutput: standardOutput)
  }

  /// Starts the REPL, as `start`, and waits for its first prompt.
  func startAtPrompt(
    _ arguments: [String] = [], timeout: Double = PseudoTerminal.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> PseudoTerminal {
    let terminal = try start(arguments)
    try terminal.waitForPrompt(timeout: timeout, sourceLocation: sourceLocation)
    return terminal
  }

  /// A history file the REPL cannot use: it warns once, in its banner, runs a statement and leaves as
  /// always. Returns the terminal, ended, for what else the test asks of its output.
  @discardableResult
  func runWithOneHistoryWarning(sourceLocation: SourceLocation = #_sourceLocation) throws
    -> PseudoTerminal
  {
    let terminal = try start()
    let banner = try terminal.waitForPrompt(sourceLocation: sourceLocation)
    #expect(
      banner.contains("warning: cannot read the history file"), "\(banner)", sourceLocation: sourceLocation)
    terminal.enter("activities count")
    #expect(try terminal.waitForPrompt() == "activities count\n44\n", sourceLocation: sourceLocation)
    try terminal.quitWithControlD(sourceLocation: sourceLocation)
    #expect(
      terminal.output.components(separatedBy: "warning:").count == 2, "\(terminal.output)",
      sourceLocation: sourceLocation)
    return terminal
  }

  /// The history file's lines as written.
  func historyFileLines() throws -> [String] {
    try String(contentsOf: historyFile, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  /// The entries of the history file, libedit's octal escapes (`\040` for a space) undone.
  func historyEntries() throws -> [String] {
    let lines = try historyFileLines()
    #expect(lines.first == "_HiStOrY_V2_")
    return lines.dropFirst().map(ReplHome.unescape)
  }

  static func unescape(_ line: String) -> String {
    var bytes: [UInt8] = []
    let input = Array(line.utf8)
    var index = 0
    while index < input.count {
      let octal = input[index...].dropFirst().prefix(3)
      if input[index] == UInt8(ascii: "\\"), octal.count == 3,
        octal.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) })
      {
        bytes.append(octal.reduce(0) { $0 &* 8 &+ ($1 - UInt8(ascii: "0")) })
        index += 4
      } else if input[index] == UInt8(ascii: "\\"), index + 1 < input.count {
        bytes.append(input[index + 1])
        index += 2
      } else {
        bytes.append(input[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  func writeHistoryFile(_ text: String) throws {
    try FileManager.default.createDirectory(
      at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: historyFile)
  }
}
