import Testing

@testable import LineEditor

/// The listing of completion candidates: words in cells of the longest word's width plus two, as many to
/// a line as fit, and no line ending in spaces.
struct CompletionListingTests {
  @Test(
    arguments: [
      (["vem", "vad", "när"], 80, "vem  vad  när"),
      (["vem", "inriktning", "när"], 24, "vem         inriktning\nnär"),
      (["inriktning"], 4, "inriktning"),
      ([], 80, ""),
    ] as [([String], Int, String)])
  func wordsFillLinesWithoutTrailingSpaces(words: [String], width: Int, listing: String) {
    #expect(LineEditor.columns(words, width: width) == listing)
  }
}
