import Testing

@testable import PlanModel

struct CollationTests {
  @Test func swedishOrder() {
    let words = ["ödla", "Zebra", "ärlig", "åka", "apa", "Émile", "Eva", "öl", "Ägg", "ett"]
    #expect(
      words.sorted(by: SwedishCollation.precedes) == [
        "apa", "Émile", "ett", "Eva", "Zebra", "åka", "Ägg", "ärlig", "ödla", "öl",
      ])
  }

  @Test func foldingIgnoresCaseButKeepsÅÄÖ() {
    #expect(SwedishCollation.fold("KANSLIET") == "kansliet")
    #expect(SwedishCollation.fold("Årsmöte") == "årsmöte")
    #expect(SwedishCollation.fold("Café") == "cafe")
    #expect(SwedishCollation.fold("a\u{030A}rsmo\u{0308}te") == "årsmöte")
    #expect(SwedishCollation.fold("år") != SwedishCollation.fold("ar"))
  }

  /// `fold` takes shortcuts for ASCII and Latin-1; it must fold as Unicode's own lower-case mapping does,
  /// followed by the letters Swedish sorts as their base letter, on every scalar up to U+024F and on
  /// texts that mix them with decomposed letters, which fold as the composed letters do.
  @Test func foldingAgreesWithUnicodesLowerCase() {
    func reference(_ text: String) -> String {
      var result = String.UnicodeScalarView()
      // Composing decomposed letters (NFC) is the one step taken from the library itself.
      for scalar in CanonicalComposition.composed(text).unicodeScalars {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          result.append(SwedishCollation.fold(String(lower)).unicodeScalars.first!)
        }
      }
      return String(result)
    }
    for value in UInt32(0x20)...0x24F {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "X" + String(Character(scalar)) + "y"
      let lower = scalar.properties.lowercaseMapping
      let expected = "x" + (lower.unicodeScalars.count == 1 ? SwedishCollation.fold(lower) : lower) + "y"
      #expect(SwedishCollation.fold(text) == expected, "U+\(String(value, radix: 16))")
    }
    for text in [
      "ÅRSMÖTE i Värdkommunen", "A\u{030A}RSMO\u{0308}TE", "Café Émile Über", "ÆØÅ æøå ÀÉÎÕÜ", "×ß",
      "İstanbul",
      "Ǆ ǅ", "a\u{0301}", "KANSLIET; Styrelsen",
    ] {
      #expect(SwedishCollation.fold(text) == reference(text), "\(text)")
    }
  }

  @Test(arguments: [("vemm", "vem"), ("prioo", "prio"), ("inriktnign", "inriktning"), ("nar", "när")])
  func spellingSuggestions(typo: String, suggestion: String) {
    #expect(Spelling.nearest(typo, in: ["vem", "prio", "inriktning", "när", "vad"]) == suggestion)
  }

  @Test func noSuggestionForSomethingElse() {
    #expect(Spelling.nearest("xyz", in: ["vem", "prio"]) == nil)
  }
}
