import Foundation
import Testing

/// Every `$ …` example in README.md and in the pages of docs/, run by a shell with the built binary first
/// on PATH, must print what the page shows under it, standard error included: the examples are real
/// output, and stay so.
struct ReadmeExampleTests {
  struct Example: Sendable, CustomTestStringConvertible {
    var page: String
    var line: Int
    var commands: [String]
    var expected: String
    var testDescription: String { "\(page):\(line): \(commands[0].prefix(60))" }
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let readme = root.appendingPathComponent("README.md")

  /// README.md, then the pages of docs/ by name.
  static let pages: [String] = {
    let docs =
      (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path))
      ?? []
    return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }()

  /// Files some examples read, as a user following the README would have them.
  static let fixtures = [
    "bad.csv": "id,inriktning,vad,hur,vem,när,status,prio\n1,A,Vad,Hur,Kansli,Löpande,Pågår,hög\n"
  ]

  /// The examples: in an indented block, a line `$ command` and the lines under it up to the next `$`
  /// line or the end of the block. A command whose output is not shown runs before the next one, in the
  /// same folder (`sekom … > file` then `$ head file`).
  static let examples: [Example] = pages.flatMap { examples(in: $0) }

  static func examples(in page: String) -> [Example] {
    guard let text = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) else {
      return []
    }
    var examples: [Example] = []
    var pending: [String] = []
    var current: Example?
    func finish() {
      guard var example = current else { return }
      while example.expected.hasSuffix("\n\n") { example.expected.removeLast() }
      if example.expected.isEmpty {
        pending = example.commands
      } else {
        examples.append(example)
        pending = []
      }
      current = nil
    }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.hasPrefix("    $ ") {
        finish()
        current = Example(
          page: page, line: index + 1, commands: pending + [String(line.dropFirst(6))], expected: "")
      } else if line.hasPrefix("    ") || (line.isEmpty && current != nil) {
        current?.expected += line.dropFirst(4) + "\n"
      } else {
        finish()
        pending = []
      }
    }
    finish()
    return examples
  }

  @Test func theReadmeAndEachReferencePageHaveExamples() {
    #expect(Self.examples(in: "README.md").count >= 5)
    for page in [
      "docs/language.md", "docs/output-formats.md", "docs/scripts-and-reports.md", "docs/commands.md",
    ] {
      #expect(!Self.examples(in: page).isEmpty, "\(page)")
    }
    #expect(Self.examples.count >= 14)
  }

  @Test(arguments: examples)
  func showsRealOutput(_ example: Example) throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = Self.root
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("queries"), withDestinationURL: root.appendingPathComponent("queries")
    )
    for (name, content) in Self.fixtures {
      try Data(content.utf8).write(to: folder.appendingPathComponent(name))
    }
    let script = (["exec 2>&1"] + example.commands).joined(separator: "\n")
    let run = try SekomProcess.runShell(script, directory: folder)
    #expect(run.output == example.expected)
  }
}
