import PlanModel
import Testing

@testable import QueryLanguage

/// The twelve POSIX classes of bracket expressions, by Unicode's properties: å, ä, ö and é are letters,
/// and since matching ignores case, `[:upper:]` and `[:lower:]` both stand for letters of either case.
struct PatternClassTests {
  static let yes = PatternTests.yes
  static let no = PatternTests.no

  static let classes: [PatternTests.Match] = [
    yes("[[:alpha:]]", "å"), yes("[[:alpha:]]", "É"), yes("[[:alpha:]]", "Ö"), yes("[[:alpha:]]", "中"),
    no("[[:alpha:]]", "1"), no("[[:alpha:]]", " "), no("[[:alpha:]]", "_-."),
    yes("[[:digit:]]", "7"), yes("[[:digit:]]", "\u{0663}"), no("[[:digit:]]", "a"), no("[[:digit:]]", "½"),
    yes("[[:alnum:]]", "ä"), yes("[[:alnum:]]", "9"), no("[[:alnum:]]", "- /"),
    yes("[[:upper:]]", "A"), yes("[[:upper:]]", "a"), yes("[[:upper:]]", "Å"), yes("[[:upper:]]", "ö"),
    yes("[[:upper:]]", "é"), no("[[:upper:]]", "1 -_"), no("[[:upper:]]", "中"),
    yes("^[[:upper:]]+$", "Styrelse"), no("[^[:upper:]]", "ÅÄÖabc"), yes("[^[:upper:]]", "Ö1"),
    yes("[[:lower:]]", "a"), yes("[[:lower:]]", "A"), yes("[[:lower:]]", "ä"), yes("[[:lower:]]", "Ö"),
    yes("[[:lower:]]", "É"), no("[[:lower:]]", "3.!"), no("[[:lower:]]", "中"),
    yes("^[[:lower:]]+$", "KANSLI"),
    yes("[[:space:]]", " "), yes("[[:space:]]", "\t"), yes("[[:space:]]", "\n"), yes("[[:space:]]", "\u{A0}"),
    no("[[:space:]]", "a_"),
    yes("[[:blank:]]", " "), yes("[[:blank:]]", "\t"), yes("[[:blank:]]", "\u{A0}"), no("[[:blank:]]", "\n"),
    no("[[:blank:]]", "\r\u{0B}"), no("[[:blank:]]", "ab"),
    yes("[[:punct:]]", "."), yes("[[:punct:]]", "/"), yes("[[:punct:]]", "$"), yes("[[:punct:]]", "–"),
    yes("[[:punct:]]", "”"), no("[[:punct:]]", "a 1"),
    yes("[[:print:]]", "a"), yes("[[:print:]]", " "), yes("[[:print:]]", "å"), yes("[[:print:]]", "."),
    no("[[:print:]]", "\t"), no("[[:print:]]", "\n"), no("[[:print:]]", "\u{07}\u{1B}\u{7F}"),
    yes("[[:graph:]]", "a"), yes("[[:graph:]]", "."), yes("[[:graph:]]", "ö"), no("[[:graph:]]", " "),
    no("[[:graph:]]", "\t\n"), no("[[:graph:]]", "\u{A0}"), no("[[:graph:]]", "\u{1B}"),
    yes("[[:cntrl:]]", "\u{07}"), yes("[[:cntrl:]]", "\u{1B}"), yes("[[:cntrl:]]", "\t"),
    yes("[[:cntrl:]]", "\n"), yes("[[:cntrl:]]", "\u{7F}"), yes("[[:cntrl:]]", "\u{85}"),
    no("[[:cntrl:]]", "a ."),
    yes("[[:xdigit:]]", "F"), yes("[[:xdigit:]]", "f"), yes("[[:xdigit:]]", "0"), yes("[[:xdigit:]]", "9"),
    no("[[:xdigit:]]", "g"), no("[[:xdigit:]]", "G"), no("[[:xdigit:]]", "å"),
    yes("^[[:xdigit:]]{6}$", "C0FFEE"), no("^[[:xdigit:]]{6}$", "C0FFEG"),
    yes("^[[:xdigit:][:blank:]]+$", "ab 12\tEF"), no("^[[:xdigit:][:blank:]]+$", "ab 12\nEF"),
    yes("^[^[:cntrl:][:space:]]+$", "Årsmöte"), no("^[^[:cntrl:][:space:]]+$", "Års möte"),
  ]

  @Test(arguments: classes)
  func matches(_ match: PatternTests.Match) throws {
    let pattern = try TextPattern(match.pattern)
    #expect(pattern.matches(match.text) == match.matches)
    #expect(pattern.matchesFoldedBySimulation(SwedishCollation.fold(match.text)) == match.matches)
  }

  /// Every class name is accepted, in a set and negated.
  @Test(arguments: [
    "alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "print", "graph",
    "cntrl", "xdigit", "word",
  ])
  func everyClassIsKnown(_ name: String) throws {
    _ = try TextPattern("[[:\(name):]]")
    _ = try TextPattern("[^a[:\(name):]-]")
  }
}
