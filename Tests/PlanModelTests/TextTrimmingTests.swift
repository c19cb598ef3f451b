import Testing

@testable import PlanModel

/// The one trimming rule: white space by Unicode scalars, at both ends or at the end only.
struct TextTrimmingTests {
  @Test(
    arguments: [
      (" Kansli\t", "Kansli", " Kansli"), ("\u{A0}x y\u{2003}", "x y", "\u{A0}x y"), ("   ", "", ""),
      ("", "", ""), ("as is", "as is", "as is"), (" \u{365}", "\u{365}", " \u{365}"),
      ("jan  feb  ", "jan  feb", "jan  feb"),
    ] as [(String, String, String)])
  func trimsWhiteSpaceScalars(text: String, both: String, endOnly: String) {
    #expect(text.trimmingSpaces == both)
    #expect(text.trimmingWhiteSpace(atStart: true) == both)
    #expect(text.trimmingWhiteSpace(atStart: false) == endOnly)
  }
}
