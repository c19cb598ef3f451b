import Foundation
import FuzzChecks
import QueryLanguage
import Testing

/// The query fuzz target's seeds for issue 10's statements pass its checks under `swift test`: change
/// statements on the embedded plan end in the "cannot be changed" refusal, never in a crash or a write.
struct FollowUpFuzzSeedTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fuzz/corpus/query")

  @Test(arguments: [
    "change-statements.sq", "change-statements-sv.sq", "changes-and-as-of.sq", "change-refusals.sq",
  ])
  func seedPassesTheQueryChecks(name: String) throws {
    let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
    #expect(!bytes.isEmpty)
    for width in QueryChecks.widths {
      let problems = QueryChecks.problems(bytes, width: width, header: true) { _ in OutputFormat.allCases }
      #expect(problems.isEmpty, "\(problems)")
    }
  }

  /// Each change statement, alone, is refused on the embedded plan by the check the fuzzer runs; a
  /// statement the checker refuses never reaches it.
  @Test(arguments: [
    "activities where id = 19 set status = 'Genomfört 11 maj'",
    "activities where id = 19 comment 'x'",
    "activities where id = 7 remove",
    "add activity inriktning = 'Förebild och föregångare', vad = 'Ny'",
    "aktiviteter där id = 7 ta bort",
  ])
  func aChangeOnTheEmbeddedPlanIsRefused(statement: String) {
    let problems = QueryChecks.problems(Array(statement.utf8), width: 80, header: true) { _ in [.table] }
    #expect(problems.isEmpty, "\(problems)")
  }
}
