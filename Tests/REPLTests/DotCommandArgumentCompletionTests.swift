import PlanModel
import QueryLanguage
import Testing

@testable import REPL

/// Tab after a dot-command that takes a fixed set of words offers exactly those words.
struct DotCommandArgumentCompletionTests {
  static var completer: Completer {
    Completer(session: Session(plan: .embedded2021, standardOutput: { _ in }, standardError: { _ in }))
  }

  static let cases: [(line: String, offered: [String])] = [
    (".expanded ", ["on", "off", "auto"]),
    (".expanded o", ["on", "off"]),
    (".expanded a", ["auto"]),
    (".expanded AU", ["auto"]),
    (".expanded x", []),
    (".header o", ["on", "off"]),
  ]

  @Test(arguments: cases)
  func offers(line: String, offered: [String]) {
    let completion = Self.completer.complete(pending: [], line: line)
    #expect(completion.candidates.sorted() == offered.sorted())
    // The word replaced is the argument being typed, not the command.
    #expect(
      completion.wordStart
        == line.firstIndex(of: " ").map { line.distance(from: line.startIndex, to: $0) + 1 })
  }
}
