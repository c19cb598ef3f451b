import Testing

@testable import PlanModel

/// Plan texts are held in NFC however the file writes them (issue 9, item 16), and the composition that
/// folding and loading share skips only texts it cannot change.
struct CanonicalCompositionTests {
  /// The Swedish plan's accented letters written decomposed, as macOS and PDFs hand out text.
  static func decomposed(_ text: String) -> String {
    let marks: [Character: String] = [
      "å": "a\u{030A}", "ä": "a\u{0308}", "ö": "o\u{0308}", "é": "e\u{0301}",
      "Å": "A\u{030A}", "Ä": "A\u{0308}", "Ö": "O\u{0308}", "É": "E\u{0301}",
    ]
    return text.map { marks[$0] ?? String($0) }.joined()
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  static let compositions: [(written: String, composed: String)] = [
    ("Linne\u{0300}", "Linnè"),
    ("Linne\u{0301}", "Linné"),
    ("A\u{030A}rsmo\u{0308}te", "Årsmöte"),
    ("\u{212B}rsmöte", "Årsmöte"),  // the Ångström sign is Å
    ("o\u{0308}\u{0301}", "ö\u{0301}"),  // no letter is both: the second mark stays
    ("e\u{0323}\u{0302}", "ệ"),  // marks in canonical order
    ("e\u{0302}\u{0323}", "ệ"),
    ("Kansli", "Kansli"),
    ("Pågår – ”snart” klart 2021 \u{1F600}", "Pågår – ”snart” klart 2021 \u{1F600}"),
    ("\u{0301}", "\u{0301}"),
    ("", ""),
  ]

  @Test(arguments: compositions)
  func composesToNFC(written: String, composed: String) {
    #expect(Self.bytes(CanonicalComposition.composed(written)) == Self.bytes(composed))
  }

  /// The ranges the composition skips hold only scalars NFC keeps as they are and that join nothing before
  /// them: checked against the stdlib's own normalizer, alone and after letters that take accents.
  @Test func skippedRangesAreStable() {
    for range in CanonicalComposition.stableRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
        for before in ["", "a", "E", "ö", "\u{1100}", "\u{0915}", "<"] {
          let text = before + String(scalar)
          #expect(text._nfcCodeUnits == Self.bytes(text), "U+\(String(value, radix: 16)) after \(before)")
        }
      }
    }
  }

  /// Folding composes first: a letter and its accent fold as the composed letter, for any accent.
  @Test(arguments: [
    ("Linne\u{0300}", "linne"), ("LINNE\u{0301}", "linne"), ("Styre\u{0300}lse", "styrelse"),
    ("A\u{030A}RSMO\u{0308}TE", "årsmöte"), ("\u{212B}r", "år"), ("u\u{0308}", "y"), ("c\u{0327}a", "ca"),
  ])
  func foldComposesFirst(written: String, folded: String) {
    #expect(Self.bytes(SwedishCollation.fold(written)) == Self.bytes(folded))
    #expect(SwedishCollation.sortKey(written) == SwedishCollation.sortKey(folded))
  }

  /// The 2021 plan written out decomposed, as CSV and as JSON, reads back with every text exactly as the
  /// composed plan holds it.
  @Test(arguments: [PlanFile.Format.csv, .json])
  func decomposedPlanFileReadsComposed(format: PlanFile.Format) throws {
    let plan = Plan.embedded2021
    let text = format == .csv ? PlanFile.csv(plan) : PlanFile.json(plan)
    let written = Self.decomposed(text)
    #expect(Self.bytes(written) != Self.bytes(text))
    let read = try PlanFileTesting.read(written, format)
    #expect(read.activities.count == plan.activities.count)
    for (got, expected) in zip(read.activities, plan.activities) {
      let pairs = [
        (got.direction, expected.direction), (got.what, expected.what), (got.how, expected.how),
        (got.when.text, expected.when.text), (got.status.text, expected.status.text),
      ]
      for (a, b) in pairs { #expect(Self.bytes(a) == Self.bytes(b), "activity \(expected.id)") }
      #expect(got.who.map(Self.bytes) == expected.who.map(Self.bytes), "activity \(expected.id)")
      #expect(got.status.category == expected.status.category)
    }
    if format == .json {
      #expect(read.metadata.directions.map(Self.bytes) == plan.metadata.directions.map(Self.bytes))
      #expect(Self.bytes(read.metadata.title) == Self.bytes(plan.metadata.title))
    }
  }

  /// A JSON escape of a combining mark composes with the letter before it.
  @Test func escapedMarkInJSONComposes() throws {
    let json = """
      {"aktiviteter": [{"id": 1, "inriktning": "", "vad": "Linne\\u0301", "hur": "", "vem": "Styre\\u0300lse",
        "när": "", "status": "Pa\\u030Ag\\u00E5r", "prio": null}]}
      """
    let plan = try PlanFileTesting.read(json, .json)
    #expect(Self.bytes(plan.activities[0].what) == Self.bytes("Linné"))
    #expect(plan.activities[0].who.map(Self.bytes) == [Self.bytes("Styrelse")])
    #expect(Self.bytes(plan.activities[0].status.text) == Self.bytes("Pågår"))
  }
}
