import Foundation
import PlanModel
import QueryLanguage
import Testing

@testable import REPL

/// Completion offers the words of the keyword table where they go, so that a word added to the table is
/// offered without a list of its own here.
struct KeywordCompletionTests {
  static func candidates(_ line: String) -> [String] {
    CompleterTests.completer.complete(pending: [], line: line).candidates
  }

  @Test func aStatementStartsWithEverySource() {
    let offered = Self.candidates("")
    for source in Keyword.sources {
      #expect(
        offered.contains(source.phrase(swedish: false)) && offered.contains(source.phrase(swedish: true)),
        "\(source) not in \(offered)")
    }
  }

  /// After the source, after a condition, after a field list and after `count`: every clause the
  /// statement does not have yet and can take, in the language the statement started in.
  @Test(
    arguments: [
      ("activities ", false, []), ("aktiviteter ", true, []),
      ("activities where prio = 1 ", false, [.where]), ("aktiviteter där prio = 1 ", true, [.where]),
      ("activities select id ", false, [.select, .count]),
      ("aktiviteter antal ", true, [.count, .select, .group, .limit, .timeline]),
      ("activities order by prio desc ", false, [.order]),
    ] as [(String, Bool, [Keyword])])
  func everyClauseIsOfferedWhereAClauseGoes(_ line: String, _ swedish: Bool, _ left: [Keyword]) {
    let offered = Self.candidates(line)
    for clause in Keyword.clauses {
      #expect(
        offered.contains(clause.phrase(swedish: swedish)) == !left.contains(clause),
        "\(clause) in \(offered)")
    }
  }

  @Test(arguments: [("activities t", ["timeline"]), ("aktiviteter ti", ["tidslinje"])])
  func timelineIsCompleted(_ line: String, _ offered: [String]) {
    #expect(Self.candidates(line) == offered)
  }

  /// Connectives go after a condition; clauses never where a field goes.
  @Test func clausesAreNotOfferedWhereAFieldGoes() {
    #expect(Self.candidates("activities where prio = 1 ").contains("and"))
    #expect(!Self.candidates("activities where ").contains("timeline"))
    #expect(!Self.candidates("activities order by ").contains("timeline"))
  }

  /// A file name in quotes, any of the four, completes inside them, as `.read` will read it.
  @Test(arguments: ["'", "\"", "’", "”"])
  func fileNamesCompleteInsideQuotes(_ quote: String) throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "sekom-complete-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "activities count\n".write(
      to: folder.appending(path: "min fråga.sq"), atomically: true, encoding: .utf8)
    let line = ".read \(quote)\(folder.path)/min f"
    let completion = CompleterTests.completer.complete(pending: [], line: line)
    #expect(completion.candidates == ["min fråga.sq"])
    #expect(completion.wordStart == line.count - "min f".count)
  }
}
