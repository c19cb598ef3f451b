import Foundation
import Testing

/// Every saved query of `queries/` under `--lang sv`, in the formats people read: no English word of
/// sekom's own in what it writes. The title is given in Swedish, since a script's header comment is the
/// script's words, not sekom's.
struct SwedishSavedQueryTests {
  /// The English words and phrases sekom writes around the data when the language is English.
  static let englishWords = [
    "activity", "activities", "No time given", "(none)", "Made ", "embedded", "is empty", "ongoing",
    "planned",
    "paused", "not started", "monitoring", "as needed", "problem and", "notes in", "change", "severity",
    "finding", "detail",
  ]

  struct Case: CustomTestStringConvertible, Sendable {
    var file: String
    var format: String
    var testDescription: String { "\(file) as \(format)" }
  }

  static let parameters: [String: [String]] = [
    "actor.sq": ["--param", "vem=Kansli"], "period.sq": ["--param", "period=hösten 2021"],
  ]

  static var cases: [Case] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: SavedQueryTests.queries.path)) ?? []
    return files.filter { $0.hasSuffix(".sq") }.sorted().flatMap { file in
      ["table", "markdown", "html", "timeline"].map { Case(file: file, format: $0) }
    }
  }

  @Test func everySavedQueryIsCovered() {
    #expect(Self.cases.count >= 4 * 9)
  }

  @Test(arguments: cases) func fullySwedish(_ test: Case) throws {
    let path = SavedQueryTests.queries.appendingPathComponent(test.file).path
    let common = ["--today", "2021-09-15", "--title", "Uppföljning", "--format", test.format, path]
    let swedish = try SekomProcess.run(["--lang", "sv"] + common + (Self.parameters[test.file] ?? []))
    #expect(swedish.status == 0, "\(swedish.error)")
    #expect(!swedish.output.isEmpty)
    for word in Self.englishWords {
      #expect(!swedish.output.contains(word), "'\(word)' in:\n\(swedish.output)")
    }
  }

  /// The list finds what it is to find: the same reports in English hold some of its words.
  @Test(arguments: ["table", "markdown", "html"]) func englishReportsHoldTheWords(_ format: String) throws {
    let path = SavedQueryTests.queries.appendingPathComponent("counts.sq").path
    let run = try SekomProcess.run(["--lang", "en", "--today", "2021-09-15", "--format", format, path])
    #expect(run.status == 0)
    #expect(Self.englishWords.contains { run.output.contains($0) })
  }
}
