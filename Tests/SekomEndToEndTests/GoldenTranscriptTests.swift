// Golden REPL transcripts: lines typed at the prompt of the built binary under a pseudo-terminal, and
// everything the terminal showed (escape sequences and carriage returns left out), must equal
// Tests/Golden/REPL/NAME.txt byte for byte.
//
// A change of layout is recorded anew with one command, then reviewed as one diff:
//
//     swift build --build-tests && SEKOM_RECORD_GOLDEN=1 swift test --skip-build --filter Golden
//     git diff Tests/Golden
import Foundation
import Testing

struct GoldenTranscriptTests {
  /// Lines to type, each with the prompt to wait for after it, and the name of the golden file.
  struct Transcript: Sendable, CustomTestStringConvertible {
    var name: String
    var lines: [(line: String, prompt: String)]
    var testDescription: String { name }

    init(_ name: String, _ lines: [(String, String)]) {
      self.name = name
      self.lines = lines.map { (line: $0.0, prompt: $0.1) }
    }
  }

  static let transcripts: [Transcript] = [
    Transcript(
      "statements-and-errors",
      [
        ("activities where vem = Kansli and prio = 3 select id, vad", Prompt.main),
        ("activities where vemm contains Kansli", Prompt.main),
        ("aktiviteter där prio = 1 antal efter inriktning", Prompt.main),
        ("activities where vem = Kansle count", Prompt.main),
      ]),
    Transcript(
      "continuation-lines",
      [
        ("activities where prio = 1 and", Prompt.continuation),
        ("vem contains Styrelse", Prompt.main),
        ("activities where (prio = 1", Prompt.continuation),
        ("or prio = 2", Prompt.continuation),
        (") and vem = Kansli select id, prio;", Prompt.main),
      ]),
    Transcript(
      "formats-and-dot-commands",
      [
        (".format csv", Prompt.main),
        ("activities where id <= 3 select id, prio, vem", Prompt.main),
        (".format json", Prompt.main),
        ("activities where id = 1 select id, vad", Prompt.main),
        (".format table", Prompt.main),
        (".param vem Styrelse", Prompt.main),
        ("activities where vem = $vem and prio = 1 select id", Prompt.main),
        (".fields", Prompt.main),
        (".help", Prompt.main),
      ]),
  ]

  @Test(arguments: transcripts)
  func transcriptEqualsItsGoldenFile(_ transcript: Transcript) throws {
    let home = try ReplHome()
    let terminal = try home.start(["--today", "2021-09-15", "--no-init"])
    var shown = try terminal.waitForPrompt() + Prompt.main
    for (line, prompt) in transcript.lines {
      terminal.enter(line)
      shown += try terminal.waitForPrompt(prompt) + prompt
    }
    try terminal.quitWithDotQuit()
    try GoldenFile.check(shown + ".quit\n", "REPL/\(transcript.name).txt")
  }
}
