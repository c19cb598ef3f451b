import PlanModel
import Testing

/// Swedish order, checked against orders written out by hand from the Swedish dictionary's rules, not
/// against `fold` or `sortKey`: å < ä < ö come after z, æ sorts as ä and ø as ö, ü as y, é and other
/// accents as their base letter, aa as two a's, case does not count. Text is compared a character at a
/// time, so space and punctuation come before digits, digits before letters, and "10" before "9".
struct SwedishCollationTests {
  /// Words in the order a Swedish dictionary lists them, each strictly before the next.
  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var words: [String]
    var testDescription: String { name }
  }

  static let orders: [Row] = [
    Row(name: "å, ä and ö after z, in that order", words: ["zebra", "åtta", "ägg", "öl"]),
    Row(name: "å, ä and ö inside a word", words: ["bal", "baz", "bål", "bäl", "böl"]),
    Row(name: "capital Å, Ä and Ö after Z", words: ["Zürich", "Åland", "Ärla", "Ödla"]),
    Row(name: "å, ä and ö after every other letter", words: ["åa", "åz", "äa", "äz", "öa", "öz"]),
    Row(name: "a word before its longer forms", words: ["år", "åra", "årsmöte", "ä", "äng", "ö", "öar"]),
    Row(name: "aa as two a's, not as å", words: ["Aachen", "Aalborg", "Abisko", "Haag", "Hab", "Håg"]),
    Row(name: "ü as y, between y and z", words: ["Mylla", "Müller", "Mynt", "Zäta"]),
    Row(name: "é, è and á as their base letters", words: ["Cafa", "Café", "Cafg", "Idé", "Idéer", "Ider"]),
    Row(name: "æ as ä and ø as ö", words: ["Åse", "Æble", "Ärt", "Ørsted", "Östen"]),
    Row(name: "digits before letters", words: ["2021", "a2021", "aa", "ab"]),
    Row(name: "numbers a digit at a time", words: ["1 maj", "10", "100", "2", "2021", "9"]),
    Row(
      name: "space and punctuation before digits",
      words: [" x", "(x", "-x", ".x", "0x", "ax"]),
    Row(name: "a space before a letter", words: ["Kansli ", "Kansli och styrelse", "Kansliet"]),
    Row(name: "a hyphen before a letter", words: ["e-post", "ekonomi", "el-bil", "elbil"]),
  ]

  @Test(arguments: orders)
  func wordsSortInSwedishOrder(_ row: Row) {
    for (i, earlier) in row.words.enumerated() {
      for later in row.words[(i + 1)...] {
        #expect(SwedishCollation.precedes(earlier, later), "\(earlier) before \(later)")
        #expect(!SwedishCollation.precedes(later, earlier), "\(later) not before \(earlier)")
      }
    }
    // Sorting any arrangement gives the dictionary's order.
    for arrangement in [row.words.reversed(), row.words.shuffled(), row.words.shuffled()] {
      #expect(arrangement.sorted(by: SwedishCollation.precedes) == row.words)
    }
  }

  /// Spellings a Swedish dictionary does not tell apart in order: neither sorts before the other.
  static let ties: [(String, String)] = [
    ("öl", "ÖL"),
    ("Åland", "åland"),
    ("Kansliet", "KANSLIET"),
    ("Müller", "Myller"),
    ("Café", "Cafe"),
    ("idè", "IDE"),
    ("Æble", "äble"),
    ("Ørsted", "örsted"),
    ("Ångström", "A\u{30A}ngstro\u{308}m"),
  ]

  @Test(arguments: ties)
  func spellingsThatSortAlike(_ a: String, _ b: String) {
    #expect(!SwedishCollation.precedes(a, b))
    #expect(!SwedishCollation.precedes(b, a))
  }
}
