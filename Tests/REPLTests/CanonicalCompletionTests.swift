import PlanModel
import QueryLanguage
import Testing

@testable import LineEditor
@testable import REPL

/// Completion reads a word typed with combining accents (NFD) as the composed letters the plan holds.
struct CanonicalCompletionTests {
  static let cases: [(line: String, offered: [String])] = [
    ("activities where vem = Styre\u{0300}", ["Styrelse"]),
    ("activities where vem = STYRE\u{0300}L", ["Styrelse"]),
    ("activities where vem in (Kansli, Styre\u{0301}", ["Styrelse"]),
    ("activities where vad = 'Samverka med Refarm Linne\u{0300}", ["Samverka med Refarm Linné'"]),
    ("activities where vad = 'Samverka med Refarm Linne\u{0301}", ["Samverka med Refarm Linné'"]),
    ("activities where status = Pa\u{030A}ga\u{030A}", ["Pågår"]),
    ("activities where na\u{0308}", ["när"]),
    ("aktiviteter da\u{0308}", ["där"]),
    ("activities where inriktning = 'Fo\u{0308}re\u{0300}", ["Förebild och föregångare'"]),
  ]

  @Test(arguments: cases)
  func offersComposedValues(line: String, offered: [String]) {
    let candidates = CompleterTests.completer.complete(pending: [], line: line).candidates
    for candidate in offered {
      #expect(candidates.contains(candidate), "\(candidate) not in \(candidates)")
    }
  }
}
