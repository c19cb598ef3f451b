import PlanModel
import Testing

@testable import QueryLanguage

/// The regular expressions of `matches`: what they match, and the mistakes they are refused for.
struct PatternTests {
  struct Match: Sendable, CustomTestStringConvertible {
    var pattern: String
    var text: String
    var matches: Bool
    var testDescription: String { "'\(pattern)' on '\(text)'" }
  }

  static func yes(_ pattern: String, _ text: String) -> Match {
    Match(pattern: pattern, text: text, matches: true)
  }
  static func no(_ pattern: String, _ text: String) -> Match {
    Match(pattern: pattern, text: text, matches: false)
  }

  static let matching: [Match] = [
    yes("webb?inar", "Anordna minst 6 webinarier"),
    yes("webb?inar", "Webbinarium arrangeras"),
    no("webb?inar", "webbrummet"),
    // Anywhere in the text unless anchored.
    yes("kansli", "Styrelsen Kansliet"),
    yes("^samverka", "Samverka med WWF"),
    no("^med", "Samverka med WWF"),
    yes("wwf$", "Samverka med WWF"),
    no("samverka$", "Samverka med WWF"),
    yes("^$", ""),
    yes("", "anything"),
    yes("\\Aår", "Årskonferens"),
    yes("ens\\z", "Årskonferens"),
    // Case and the accents Swedish ignores are folded, as for = and contains; å, ä, ö stay letters.
    yes("ÅRSMÖTE", "årsmötet 2021"),
    yes("linne", "Samverka med Refarm Linné"),
    yes("linné", "Refarm LINNE"),
    no("arsmote", "Årsmötet"),
    yes("a\u{030A}rsmöte", "Årsmötet"),
    // Classes and sets.
    yes("\\d{4}", "Start 2018"),
    no("\\d{4}", "Start 201"),
    yes("^\\D+$", "Löpande"),
    yes("\\w+\\s\\w+", "Hela året"),
    yes("^\\w+$", "Höstkonferens"),
    no("^\\w+$", "25-årsjubileum"),
    yes("\\S", " x "),
    no("\\S", "   "),
    yes("[åäö]", "Värdkommunen"),
    no("[åäö]", "Kansli"),
    yes("[A-Z]{3}", "SKR"),
    yes("[a-z]{3}", "SKR"),
    yes("[Å-Ö]rs", "Årskonferens"),
    yes("[^a-z ]", "ab cd9"),
    no("[^a-z ]", "ab cd"),
    yes("[]a]", "]"),
    yes("[a-]", "-"),
    yes("[\\d.]+%", "4.5%"),
    yes("[[:digit:]]", "v. 37"),
    yes("[[:alpha:]]+", "ö"),
    yes("[[:punct:]]", "Vår/Höst"),
    no("[[:punct:]]", "Vår och höst"),
    yes("[[:space:]]", "a b"),
    yes("ö\\b", "hö hö"),
    no("\\bst", "höst"),
    yes("\\bst", "höst start"),
    yes("st\\B", "höstar"),
    // Groups, alternation, repetition.
    yes("(vår|höst)en", "Hösten 2021"),
    yes("(?:vår|höst)en", "Våren 2021"),
    yes("(?<säsong>vår|höst)en", "våren"),
    no("(vår|höst)en", "sommaren"),
    yes("^(ab)+$", "ababab"),
    no("^(ab)+$", "ababa"),
    yes("^a{2,3}$", "aaa"),
    no("^a{2,3}$", "aaaa"),
    yes("^a{2,}$", "aaaaaaa"),
    no("^a{2}$", "a"),
    yes("^a{0}b$", "b"),
    yes("^colou?r$", "color"),
    yes("^a*?b$", "aab"),
    yes("(?i)kansli", "KANSLI"),
    yes("a{,2}", "a{,2}"),
    yes("x{", "x{"),
    yes("^(a|ab)(c|bcd)(d*)$", "abcd"),
    yes("^(a*)*$", "aaaa"),
    yes("^(a*)+b$", "aaab"),
    no("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    // Escapes.
    yes("a\\.b", "a.b"),
    no("a\\.b", "axb"),
    yes("a.b", "axb"),
    no("a.b", "a\nb"),
    yes("\\(klart\\)", "(klart)"),
    yes("\\x41", "a"),
    yes("\\u00e5", "Å"),
    yes("\\u{e5}", "å"),
    yes("\\t", "a\tb"),
    yes("”", "”Hållbara städer”"),
  ]

  @Test(arguments: matching)
  func matches(_ match: Match) throws {
    let pattern = try TextPattern(match.pattern)
    #expect(pattern.matches(match.text) == match.matches)
    // The same the second time: the matcher's state is reused between texts.
    #expect(pattern.matches(match.text) == match.matches)
  }

  struct Mistake: Sendable, CustomTestStringConvertible {
    var pattern: String
    var message: String
    /// The part of the pattern the error points at.
    var at: String
    var testDescription: String { pattern }
  }

  static let mistakes: [Mistake] = [
    Mistake(pattern: "a(b", message: "'(' is never closed", at: "("),
    Mistake(pattern: "a)b", message: "unmatched ')'", at: ")"),
    Mistake(pattern: "*a", message: "nothing to repeat before '*'", at: "*"),
    Mistake(pattern: "a|+", message: "nothing to repeat before '+'", at: "+"),
    Mistake(pattern: "({2})", message: "nothing to repeat before '{2}'", at: "{2}"),
    Mistake(
      pattern: "a**", message: "'*' repeats a repetition; put the repeated part in parentheses", at: "*"),
    Mistake(pattern: "a*+", message: "possessive repetition ('*+') is not supported", at: "*+"),
    Mistake(pattern: "[abc", message: "'[' is never closed", at: "["),
    Mistake(pattern: "[z-a]", message: "the range 'z-a' is backwards", at: "z-a"),
    Mistake(pattern: "[a-\\d]", message: "a range must end in a letter", at: "\\d"),
    Mistake(
      pattern: "[[:alfa:]]",
      message:
        "unknown class '[:alfa:]' (classes: alpha, digit, alnum, upper, lower, space, blank, punct, print, graph, cntrl, xdigit, word)",
      at: "[:alfa:]"),
    Mistake(pattern: "(a)\\1", message: "back-references such as '\\1' are not supported", at: "\\1"),
    Mistake(pattern: "(?=a)", message: "lookahead and lookbehind are not supported", at: "(?="),
    Mistake(pattern: "(?<!a)b", message: "lookahead and lookbehind are not supported", at: "(?<!"),
    Mistake(pattern: "(?x)a", message: "unknown kind of group '(?x'", at: "(?x"),
    Mistake(pattern: "\\q", message: "unknown escape '\\q'", at: "\\q"),
    Mistake(pattern: "\\p{L}", message: "Unicode properties ('\\p{…}') are not supported", at: "\\p"),
    Mistake(pattern: "ab\\", message: "'\\' at the end of the pattern", at: "\\"),
    Mistake(pattern: "\\xZZ", message: "'\\xZZ' is not a character code", at: "\\xZZ"),
    Mistake(pattern: "a{1001}", message: "a repetition count above 1000", at: "{1001}"),
    Mistake(pattern: "a{3,2}", message: "in {3,2} the smaller count comes first", at: "{3,2}"),
    Mistake(
      pattern: "(a{100}){100}",
      message: "the pattern is too large (over 5,000 steps once its repetitions are "
        + "counted out)", at: "(a{100}){100}"),
    Mistake(
      pattern: String(repeating: "(", count: 101) + String(repeating: ")", count: 101),
      message: "groups nest more than 100 deep", at: "("),
  ]

  @Test(arguments: mistakes)
  func refuses(_ mistake: Mistake) {
    do {
      _ = try TextPattern(mistake.pattern)
      Issue.record("accepted")
    } catch {
      #expect(error.message == mistake.message)
      let bytes = Array(mistake.pattern.utf8)
      #expect(
        String(decoding: bytes[error.offset..<error.offset + error.length], as: UTF8.self) == mistake.at)
    }
  }

  /// In a query, the caret points into the quoted pattern when it is written out as it is.
  @Test(arguments: [
    (
      "activities where hur matches 'a(b'", "(",
      "'a(b' is not a valid regular expression: '(' is never closed"
    ),
    (
      "activities where hur matches ”[z-a]”", "z-a",
      "'[z-a]' is not a valid regular expression: the range 'z-a' is backwards"
    ),
    (
      "activities where hur matches 'it''s(' count", "'it''s('",
      "'it's(' is not a valid regular expression: '(' is never closed"
    ),
  ])
  func errorsInAQueryPointIntoThePattern(_ query: String, _ marked: String, _ message: String) throws {
    let source = SourceText(name: "q", text: query)
    let error = try #require(ErrorTests.firstError(in: source))
    #expect(error.message == message)
    #expect(source.slice(error.range) == marked)
  }
}
