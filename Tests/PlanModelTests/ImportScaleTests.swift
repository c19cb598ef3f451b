import Testing

@testable import PlanModel

/// The importer on generated texts far larger than a real plan: the answers must be the same as for a small
/// one. How long they take and how much memory they need is measured by benchmarks/run.py (job 5).
struct ImportScaleTests {
  static let header = "Vad\tHur\tVem\tNär/Resurs\tStatus\tPrio"

  /// `sections` sections named "Inriktning 0" …, each cycling through `names` names when given, with two
  /// rows: one with a Vad, one that carries it.
  static func text(sections: Int, names: Int? = nil) -> String {
    var lines = ["VERKSAMHETSPLAN 2021", ""]
    lines.reserveCapacity(sections * 5 + 2)
    for index in 0..<sections {
      lines += [
        "Inriktning \(index % (names ?? sections))", header,
        "Göra \(index)\tSå här\tKansliet\tmaj 2021\tPågår\t1", "\tOch så\tStyrelsen\tjuni 2021\t\t2", "",
      ]
    }
    return lines.joined(separator: "\n")
  }

  @Test(arguments: [20_000])
  func manySectionsImportToTheirActivities(sections: Int) throws {
    let plan = try HandlingsplanImporter.importText(Self.text(sections: sections), source: "many.txt").plan
    #expect(plan.activities.count == 2 * sections)
    #expect(plan.metadata.directions == (0..<sections).map { "Inriktning \($0)" })
    for (index, activity) in plan.activities.enumerated() where index % 997 == 0 || index == 2 * sections - 1
    {
      #expect(activity.id == index + 1)
      #expect(activity.direction == "Inriktning \(index / 2)")
      #expect(activity.what == "Göra \(index / 2)")
      #expect(activity.who == (index % 2 == 0 ? ["Kansli"] : ["Styrelse"]))
    }
  }

  @Test func sectionsNamedAgainContinueTheirDirection() throws {
    let imported = try HandlingsplanImporter.importText(
      Self.text(sections: 20_000, names: 7), source: "again.txt")
    #expect(imported.plan.metadata.directions == (0..<7).map { "Inriktning \($0)" })
    #expect(imported.plan.activities.count == 40_000)
    #expect(imported.plan.activities[40_000 - 1].direction == "Inriktning \(19_999 % 7)")
    let again = imported.report.lines.filter { $0.message.hasSuffix("again: its rows continue it") }
    #expect(again.count == 20_000 - 7)
  }

  /// A page break far down a long gap: the rest of the row is still joined, and the gap is its first line.
  @Test func aRowSplitByAVeryLongGapIsJoined() throws {
    let blank = [String](repeating: "", count: 50_000)
    let text =
      ([
        "VERKSAMHETSPLAN 2021", "Inriktning", Self.header,
        "Göra\tSå att det blir en stående punkt på\tKansliet\t\t\t1",
      ]
      + blank + ["\tstyrelsemöten\t\t\t\t"]).joined(separator: "\n")
    let imported = try HandlingsplanImporter.importText(text, source: "gap.txt")
    #expect(imported.plan.activities.map(\.how) == ["Så att det blir en stående punkt på styrelsemöten"])
    #expect(
      imported.report.lines.last
        == ImportNote(
          line: 50_005, activityID: 1,
          message: "row split by a page break: this line continues the row of line 4 (Hur)"))
  }

  /// The front matter is read however long it is, and a blank first line still takes the notes of a text
  /// without a title.
  @Test func longFrontMatterIsRead() throws {
    let prose = [String](repeating: "Lite text om föreningen.", count: 30_000)
    let text =
      ([""] + prose + [
        "Redovisas vid föreningens årsmöte 28 maj 2021", "", "Inriktning", Self.header, "Göra\t\t\t\t\t",
      ])
      .joined(separator: "\n")
    let imported = try HandlingsplanImporter.importText(text, source: "front.txt")
    #expect(imported.plan.metadata.annualMeeting == Day(year: 2021, month: 5, day: 28))
    #expect(imported.plan.metadata.title == "Verksamhetsplan 2021")
    #expect(imported.report.lines.prefix(2).map(\.line) == [1, 30_002])
  }

  /// Cleaning takes a shortcut for ASCII; every scalar below U+0100 must still count as white space exactly
  /// when Unicode says so.
  @Test func cleaningKnowsWhiteSpaceAsUnicodeDoes() {
    for value in UInt32(0)..<0x100 where value != 0xFEFF {
      let scalar = Unicode.Scalar(value)!
      let cleaned = HandlingsplanImporter.clean("a" + String(scalar) + "b")
      #expect(cleaned == (scalar.properties.isWhitespace ? "a b" : "a" + String(scalar) + "b"), "U+\(value)")
    }
  }

  /// Near misses are looked for only among names of a length within two edits: words at that edge are
  /// corrected as before, in one word and in two (answers checked against the splitter before the filter).
  @Test(arguments: [
    ("Medlemm", ["Medlemmar"], [HandlingsplanImporter.ActorSplitter.Piece.Kind.corrected]),
    ("Medlemmarnas", ["Medlemmarna"], [.corrected]),
    ("Miljöbarometerna", ["Miljöbarometern"], [.corrected]),
    ("Internationela arbetsgrupen", ["Internationella arbetsgruppen"], [.corrected]),
    ("Alla medlemarna", ["Alla", "Medlemmarna"], [.unknown, .corrected]),
    ("A Kanslie B", ["A", "Kansli", "B"], [.unknown, .corrected, .unknown]),
  ])
  func nearMissesAtTheEdgeOfTheirLength(
    cell: String, listed: [String], kinds: [HandlingsplanImporter.ActorSplitter.Piece.Kind]
  ) {
    let pieces = HandlingsplanImporter.ActorSplitter.split(cell).pieces
    #expect(pieces.map(\.listed) == listed)
    #expect(pieces.map(\.kind) == kinds)
  }

  /// A Vad carried to the rows below makes a plan far longer than the text: refused with the row where the
  /// plan passes 32 MiB of text, so that its plan file is never made in memory.
  @Test func aLongVadCarriedToManyRowsIsRefused() throws {
    let vad = String(repeating: "V", count: 60_000)
    // The Vad row holds the Vad and the heading; each row below them, and "a" in Hur.
    let first = vad.utf8.count + "Inriktning".utf8.count
    let limit = HandlingsplanImporter.maximumPlanText
    let rowsBelow = (limit - first) / (first + 1) + 1
    func text(_ rows: Int) -> String {
      "VERKSAMHETSPLAN 2021\nInriktning\n\(Self.header)\n\(vad)\t\n" + String(repeating: "\ta\n", count: rows)
    }
    let fits = try HandlingsplanImporter.importText(text(rowsBelow - 1), source: "carried.txt").plan
    #expect(fits.activities.count == rowsBelow)
    #expect(fits.activities.last?.what == vad)
    #expect(
      throws: ImportError(
        source: "carried.txt", line: 4 + rowsBelow,
        message: "the plan would hold more than 32 MiB of text, its Vad and heading carried to every row "
          + "below them; a handlingsplan holds far less")
    ) {
      try HandlingsplanImporter.importText(text(rowsBelow), source: "carried.txt")
    }
  }

  /// A Vem cell of thousands of unknown actors keeps each once, in order, and says which were named twice.
  @Test func aCellOfThousandsOfActors() throws {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    let names = (0..<5_000).map {
      "\(letters[$0 / 26 / 26 % 26])\(letters[$0 / 26 % 26])\(letters[$0 % 26])x"
    }
    let cell = (names + names.prefix(3)).joined(separator: " ")
    let text = "VERKSAMHETSPLAN 2021\nInriktning\n\(Self.header)\nGöra\t\t\(cell)\t\t\t\n"
    let imported = try HandlingsplanImporter.importText(text, source: "actors.txt")
    #expect(imported.plan.activities.first?.who == names)
    let twice = imported.report.lines.map(\.message).filter { $0.hasSuffix("twice: kept once") }
    #expect(twice == names.prefix(3).map { "Vem names \($0) twice: kept once" })
  }
}
