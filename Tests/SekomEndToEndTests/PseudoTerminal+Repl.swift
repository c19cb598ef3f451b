import Testing

extension PseudoTerminal {
  /// Waits for a prompt and then for the line editor to be ready for keys; returns what came before the
  /// prompt since the last match.
  @discardableResult
  func waitForPrompt(
    _ prompt: String = Prompt.main, timeout: Double = PseudoTerminal.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let seen = try waitFor(prompt, timeout: timeout, sourceLocation: sourceLocation)
    try waitForRawMode(timeout: timeout, sourceLocation: sourceLocation)
    return String(seen.dropLast(prompt.count))
  }

  /// Types a line and Enter; call it once `waitForPrompt` has returned.
  func enter(_ line: String) {
    type(line + "\r")
  }

  /// Types `typed`, which ends in Tab where one word fits: waits for `inserted`, what the completer wrote,
  /// and for the line to read `line` after the prompt.
  func complete(
    _ typed: String, inserting inserted: String, line: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    type(typed)
    try waitFor(inserted, sourceLocation: sourceLocation)
    try waitForCursorLine(Prompt.main + line, sourceLocation: sourceLocation)
  }

  /// Types `line` and Tab where several words fit: returns the words listed under the line, once the
  /// prompt and the line are drawn again below them.
  func candidates(after line: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Set<String>
  {
    type(line + "\t")
    let listing = try waitFor(Prompt.main + line, sourceLocation: sourceLocation)
    let listed = listing.split(separator: "\n").dropFirst().dropLast().flatMap { $0.split(separator: " ") }
    try waitForCursorLine(
      Prompt.main + line.replacing(#/ +$/#, with: ""), sourceLocation: sourceLocation)
    return Set(listed.map(String.init))
  }

  /// Ctrl-D on an empty line: the REPL leaves, with status 0.
  func quitWithControlD(sourceLocation: SourceLocation = #_sourceLocation) throws {
    type("\u{04}")
    #expect(try exitStatus(sourceLocation: sourceLocation) == 0, sourceLocation: sourceLocation)
  }

  /// `.quit` at the prompt: the REPL leaves, with status 0.
  func quitWithDotQuit(sourceLocation: SourceLocation = #_sourceLocation) throws {
    enter(".quit")
    #expect(try exitStatus(sourceLocation: sourceLocation) == 0, sourceLocation: sourceLocation)
  }
}
