import Foundation
import Testing

@testable import PlanModel

/// The handlingsplan importer: the 2021 document, a made-up document with every inference, actor splitting
/// and errors.
struct ImportTests {
  /// The 2021 document as exported to text, a byte-for-byte copy of the seed kept beside the tests.
  static let seedBytes: [UInt8] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Resources/verksamhetsplan-2021.txt").path
    return [UInt8](FileManager.default.contents(atPath: path) ?? Data())
  }()

  /// The 2021 document imported once for all its tests; an error fails each test instead of the run.
  static let imported2021 = Result { () throws(ImportError) in
    try HandlingsplanImporter.importBytes(seedBytes, source: "verksamhetsplan-2021.txt")
  }

  struct The2021Document {
    let embedded = Plan.embedded2021

    var plan: Plan { get throws { try ImportTests.imported2021.get().plan } }
    var report: ImportReport { get throws { try ImportTests.imported2021.get().report } }

    @Test func theSeedDocumentIsBesideTheTests() {
      #expect(
        ImportTests.seedBytes.count == 13142, "Resources/verksamhetsplan-2021.txt is missing or changed")
    }

    @Test func hasTheEmbeddedPlansFortyFourActivities() throws {
      let plan = try plan
      #expect(plan.activities.count == 44)
      #expect(plan.activities.map(\.id) == embedded.activities.map(\.id))
    }

    @Test(arguments: 1...44)
    func activityMatchesTheEmbeddedPlan(id: Int) throws {
      let got = try #require(try plan.activities.first { $0.id == id }, "activity \(id) is missing")
      let want = try #require(embedded.activities.first { $0.id == id })
      #expect(got.direction == want.direction, "activity \(id): inriktning")
      #expect(got.what == want.what, "activity \(id): vad")
      #expect(got.how == want.how, "activity \(id): hur")
      #expect(got.who == want.who, "activity \(id): vem")
      #expect(got.when.text == want.when.text, "activity \(id): när")
      #expect(got.when.interval == want.when.interval, "activity \(id): när's days")
      #expect(got.status == want.status, "activity \(id): status")
      #expect(got.priority == want.priority, "activity \(id): prio")
      #expect(got == want, "activity \(id)")
    }

    @Test func metadataMatchesTheEmbeddedPlan() throws {
      let got = try plan.metadata
      let want = embedded.metadata
      #expect(got.title == want.title)
      #expect(got.year == want.year)
      #expect(got.adopted == want.adopted)
      #expect(got.annualMeeting == want.annualMeeting)
      #expect(got.directions == want.directions)
      #expect(got.source == "verksamhetsplan-2021.txt")
    }

    /// The same corrections, reasons included, in the same order: cells first, then page-break joins.
    @Test func correctionsMatchTheEmbeddedPlan() throws {
      #expect(try plan.metadata.corrections == embedded.metadata.corrections)
    }

    @Test(arguments: [
      ImportNote(line: 7, message: "plan year 2021"),
      ImportNote(
        line: 7, message: "title \"Sveriges Ekokommuner – Verksamhetsplan 2021\", from lines 5 and 7"),
      ImportNote(line: 9, message: "annual meeting 2021-05-28"),
      ImportNote(line: 10, message: "adopted 2021-03-22"),
      ImportNote(line: 102, message: "section heading: direction \"Förebild och föregångare\""),
      ImportNote(
        line: 109, activityID: 6,
        message: "actor \"Styrels\" corrected to \"Styrelse\", the nearest known actor"),
      ImportNote(
        line: 111, activityID: 7,
        message: "not the rest of the row above, despite the gap on line 110: it has a Prio of its own"),
      ImportNote(
        line: 132, activityID: 23,
        message: "row split by a page break: this line continues the row of line 130 (Hur, Vem)"),
      ImportNote(
        line: 151, activityID: 37,
        message: "row split by a page break: this line continues the row of line 149 (Vad, Hur, Status)"),
      ImportNote(
        line: 155, activityID: 41,
        message: "actor \"Vårdkommunen\" corrected to \"Värdkommunen\", the nearest known actor"),
      ImportNote(
        line: 155, activityID: 41,
        message:
          "När \"28-05-01\" corrected to \"28 maj 2021\": the annual meeting's day and month, as DD-MM-??"),
      ImportNote(
        line: 129, activityID: 22,
        message: "Vem \"Styrelsen Expertgruppen Kansliet\" read as Styrelse, Expertgrupp, Kansli"),
      ImportNote(line: 149, activityID: 37, message: "empty Vad: the row carries the Vad of line 148"),
    ])
    func reportHasTheInference(note: ImportNote) throws {
      #expect(try report.lines.contains(note))
    }

    /// Sixteen rows carry the Vad above, twenty-six Vem cells run actors together, and nothing is unknown.
    @Test func reportCountsEachKindOfInference() throws {
      let notes = try report.lines
      let messages = notes.map(\.message)
      #expect(messages.filter { $0.hasPrefix("empty Vad") }.count == 16)
      #expect(messages.filter { $0.hasPrefix("Vem ") }.count == 26)
      #expect(messages.filter { $0.hasPrefix("row split by a page break") }.count == 2)
      #expect(messages.filter { $0.hasPrefix("not the rest of the row above") }.count == 1)
      #expect(messages.filter { $0.contains("corrected to") }.count == 3)
      #expect(!messages.contains { $0.hasPrefix("unknown actor") })
      #expect(zip(notes, notes.dropFirst()).allSatisfy { $0.line <= $1.line }, "notes in line order")
    }

    /// CRLF line ends, a byte order mark and non-breaking spaces everywhere give the same plan.
    @Test func toleratesCRLFBOMAndNonBreakingSpaces() throws {
      let text = String(decoding: ImportTests.seedBytes, as: UTF8.self)
      let mangled =
        "\u{FEFF}"
        + text.replacingOccurrences(of: "\n", with: "\r\n")
        .replacingOccurrences(of: " ", with: "\u{A0}")
      let again = try HandlingsplanImporter.importText(mangled, source: "crlf.txt")
      let plan = try plan
      #expect(again.plan.activities == plan.activities)
      #expect(again.plan.metadata.corrections == plan.metadata.corrections)
      #expect(again.plan.metadata.title == plan.metadata.title)
      #expect(try again.report == report)
    }

    /// Other word processors export a section heading without the tabs of an empty table row, or with a
    /// blank line before the header row: the heading is the last non-blank line above the header row.
    @Test(arguments: [
      ("alone on its line", "\nVad\t"),
      ("two tabs", "\t\t\nVad\t"),
      ("trailing spaces", "  \u{A0}\nVad\t"),
      ("tabs, then a blank line", "\t\t\t\t\t\n\nVad\t"),
      ("alone, then blank lines", "\n\n\t\t\n\nVad\t"),
    ])
    func headingsExportedOtherwiseGiveTheSamePlan(shape: String, replacement: String) throws {
      let text = String(decoding: ImportTests.seedBytes, as: UTF8.self)
      let reshaped = text.replacingOccurrences(of: "\t\t\t\t\t\nVad\t", with: replacement)
      #expect(reshaped.components(separatedBy: replacement).count == 4, "three headings reshaped")
      let again = try HandlingsplanImporter.importText(reshaped, source: "reshaped.txt")
      #expect(again.plan.metadata.directions == embedded.metadata.directions, "\(shape)")
      #expect(again.plan.activities == embedded.activities, "\(shape)")
      #expect(again.plan.metadata.corrections == embedded.metadata.corrections, "\(shape)")
    }

    /// Old Mac line ends, a lone CR, count lines as LF does.
    @Test func toleratesCRLineEnds() throws {
      let text = String(decoding: ImportTests.seedBytes, as: UTF8.self)
      let again = try HandlingsplanImporter.importText(
        text.replacingOccurrences(of: "\n", with: "\r"), source: "cr.txt")
      #expect(try again.plan.activities == plan.activities)
      #expect(try again.report == report)
    }
  }
}

extension ImportTests {
  /// A small document with one of each thing the importer infers, and the report it must give.
  struct MadeUpDocument {
    static let text = [
      "SVERIGES EKOKOMMUNER",  // 1
      "",  // 2
      "VERKSAMHETSPLAN 2030",  // 3
      "Redovisas vid föreningens årsmöte 14 juni 2030",  // 4
      "Version 2, fastställd vid styrelsemöte 3 februari 2030",  // 5
      "Inledande text som inte hör till någon tabell.",  // 6
      "Klimat\t\t\t\t\t",  // 7
      "Vad\tHur\tVem\tNär/Resurs\tStatus\tPrio",  // 8
      "Ordna seminarier\tBjuda in talare.\tKansliet Styrelsen\tVåren 2030\tPågår\t1",  // 9
      "\tSkriva en rapport om\tExpertgruppen\tHösten 2030\tPlaneras\t2",  // 10
      "",  // 11
      "\tseminariernas resultat.\tStyrels\t\t\t",  // 12
      "Samverka med skolor\tTräffa rektorer.\tOrdförande Länsstyrelsen\t14-06-30\tVilande\t3",  // 13
      "Sida 2 av 3",  // 14
      "Mäta utsläpp\tTa fram nyckeltal.\tKansli\t2030\t\t2",  // 15
      "Ekonomi\t\t\t\t\t",  // 16
      "Vad\tHur\tVem\tNär/Resurs\tStatus\tPrio",  // 17
      "Söka bidrag\tSkriva ansökningar.\tKansliett, alla medlemmar\tLöpande\tPågår\t",  // 18
    ].joined(separator: "\n")

    var imported: (plan: Plan, report: ImportReport) {
      get throws { try HandlingsplanImporter.importText(MadeUpDocument.text, source: "made-up.txt") }
    }

    @Test func metadata() throws {
      let imported = try imported
      let metadata = imported.plan.metadata
      #expect(metadata.title == "Sveriges Ekokommuner – Verksamhetsplan 2030")
      #expect(metadata.year == 2030)
      #expect(metadata.adopted == Day(year: 2030, month: 2, day: 3))
      #expect(metadata.annualMeeting == Day(year: 2030, month: 6, day: 14))
      #expect(metadata.directions == ["Klimat", "Ekonomi"])
      #expect(metadata.source == "made-up.txt")
    }

    @Test func activities() throws {
      let imported = try imported
      let context = TimeContext(planYear: 2030, annualMeeting: Day(year: 2030, month: 6, day: 14))
      func activity(
        _ id: Int, _ direction: String, _ what: String, _ how: String, _ who: [String], _ when: String,
        _ status: String, _ priority: Int?
      ) -> Activity {
        Activity(
          id: id, direction: direction, what: what, how: how, who: who,
          when: WhenText(text: when, interval: SwedishTime.interval(of: when, in: context)),
          status: StatusText(text: status), priority: priority)
      }
      let expected = [
        activity(
          1, "Klimat", "Ordna seminarier", "Bjuda in talare.", ["Kansli", "Styrelse"], "Våren 2030",
          "Pågår", 1),
        activity(
          2, "Klimat", "Ordna seminarier", "Skriva en rapport om seminariernas resultat.",
          ["Expertgrupp", "Styrelse"], "Hösten 2030", "Planeras", 2),
        activity(
          3, "Klimat", "Samverka med skolor", "Träffa rektorer.", ["Ordförande", "Länsstyrelsen"],
          "14 juni 2030", "Vilande", 3),
        activity(4, "Klimat", "Mäta utsläpp", "Ta fram nyckeltal.", ["Kansli"], "2030", "", 2),
        activity(
          5, "Ekonomi", "Söka bidrag", "Skriva ansökningar.", ["Kansli", "Alla medlemmar"],
          "Löpande", "Pågår", nil),
      ]
      #expect(imported.plan.activities.count == expected.count)
      for (got, want) in zip(imported.plan.activities, expected) {
        #expect(got == want, "activity \(want.id)")
      }
      #expect(
        imported.plan.activities[2].when.interval == DayInterval(day: Day(year: 2030, month: 6, day: 14)!))
    }

    @Test func corrections() throws {
      let imported = try imported
      #expect(
        imported.plan.metadata.corrections == [
          Correction(
            activityID: 2, field: "vem", original: "Styrels", corrected: "Styrelse",
            reason: "last letter lost in the document"),
          Correction(
            activityID: 3, field: "när", original: "14-06-30", corrected: "14 juni 2030",
            reason: "garbled date: the annual meeting is held 14 June 2030"),
          Correction(
            activityID: 5, field: "vem", original: "Kansliett", corrected: "Kansliet",
            reason: "misspelling: the secretariat"),
          Correction(
            activityID: 2, field: "hur", original: "Skriva en rapport om / seminariernas resultat.",
            corrected: "Skriva en rapport om seminariernas resultat.",
            reason: "row split by a page break, joined"),
        ])
    }

    /// Every inference, in line order, and nothing more.
    @Test func reportListsEveryInference() throws {
      let imported = try imported
      #expect(
        imported.report.lines.map(\.description) == [
          "3: plan year 2030",
          "3: title \"Sveriges Ekokommuner – Verksamhetsplan 2030\", from lines 1 and 3",
          "4: annual meeting 2030-06-14",
          "5: adopted 2030-02-03",
          "7: section heading: direction \"Klimat\"",
          "9: activity 1: Vem \"Kansliet Styrelsen\" read as Kansli, Styrelse",
          "10: activity 2: empty Vad: the row carries the Vad of line 9",
          "10: activity 2: Vem \"Expertgruppen Styrels\" read as Expertgrupp, Styrelse",
          "10: activity 2: actor \"Styrels\" corrected to \"Styrelse\", the nearest known actor",
          "12: activity 2: row split by a page break: this line continues the row of line 10 (Hur, Vem)",
          "13: activity 3: Vem \"Ordförande Länsstyrelsen\" read as Ordförande, Länsstyrelsen",
          "13: activity 3: unknown actor \"Länsstyrelsen\" kept as written",
          "13: activity 3: När \"14-06-30\" corrected to \"14 juni 2030\": the"
            + " annual meeting's day and month, as DD-MM-??",
          "14: text between table rows ignored: \"Sida 2 av 3\"",
          "15: activity 4: not the rest of the row above, despite the gap on"
            + " line 14: it has a Prio of its own",
          "16: section heading: direction \"Ekonomi\"",
          "18: activity 5: actor \"Kansliett\" corrected to \"Kansliet\", the nearest known actor",
        ])
    }

    @Test func bytesAndTextImportAlike() throws {
      let imported = try imported
      let fromBytes = try HandlingsplanImporter.importBytes(
        Array(MadeUpDocument.text.utf8), source: "made-up.txt")
      #expect(fromBytes.plan.activities == imported.plan.activities)
      #expect(fromBytes.report == imported.report)
    }
  }

  /// A plan year given to the importer wins over the document's, and is the one of a document that names
  /// none; the report says which it is. "Löpande" is all of the plan year, so its days show the year used.
  struct GivenYear {
    static let front = [
      "SVERIGES EKOKOMMUNER", "VERKSAMHETSPLAN 2030", "Redovisas vid årsmötet 14 juni 2030",
    ]
    static let table = [
      "Klimat", "Vad\tHur\tVem\tNär/Resurs\tStatus\tPrio",
      "Söka bidrag\tSkriva.\tKansliet\tLöpande\tPågår\t1",
    ]

    @Test(arguments: [
      (
        front + table, 2031, "2: plan year 2031 as given; this line names 2030",
        "Sveriges Ekokommuner – Verksamhetsplan 2030"
      ),
      (front + table, 2030, "2: plan year 2030", "Sveriges Ekokommuner – Verksamhetsplan 2030"),
      (table, 2030, "1: plan year 2030 as given: no title names it", "Verksamhetsplan 2030"),
      (["Inledning"] + table, 2029, "1: plan year 2029 as given: no title names it", "Verksamhetsplan 2029"),
    ])
    func yearGiven(lines: [String], year: Int, note: String, title: String) throws {
      let imported = try HandlingsplanImporter.importText(
        lines.joined(separator: "\n"), source: "plan.txt", year: year)
      #expect(imported.plan.metadata.year == year)
      #expect(imported.plan.metadata.title == title)
      #expect(imported.plan.activities.first?.when.interval == DayInterval.year(year))
      #expect(imported.report.lines.map(\.description).contains(note), "\(imported.report)")
      #expect(!imported.report.lines.contains { $0.message.hasPrefix("plan year") && $0.description != note })
    }

    /// A date's own year stays: the annual meeting of a 2030 document is in 2030 whatever year is given.
    @Test func datesKeepTheirOwnYear() throws {
      let imported = try HandlingsplanImporter.importText(
        (Self.front + Self.table).joined(separator: "\n"), source: "plan.txt", year: 2031)
      #expect(imported.plan.metadata.annualMeeting == Day(year: 2030, month: 6, day: 14))
    }
  }

  struct ActorSplitting {
    @Test(arguments: [
      ("Styrelsen Expertgruppen Kansliet", ["Styrelse", "Expertgrupp", "Kansli"]),
      (
        "Ordförande Kansli Samarbetspartners Medlemmar",
        ["Ordförande", "Kansli", "Samarbetspartners", "Medlemmar"]
      ),
      ("Internationella arbetsgruppen Styrelsen", ["Internationella arbetsgruppen", "Styrelse"]),
      ("Styrels Kansli Intresserade medlemmar", ["Styrelse", "Kansli", "Intresserade medlemmar"]),
      ("Styrelse, internationella gruppen", ["Styrelse", "Internationella arbetsgruppen"]),
      ("Internationella arbetsgruppen, alla medlemmar", ["Internationella arbetsgruppen", "Alla medlemmar"]),
      ("Kansli Vårdkommunen", ["Kansli", "Värdkommunen"]),
      ("Expertgruppen Alla medlemmar", ["Expertgrupp", "Alla medlemmar"]),
      ("Kontaktjänstepersoner Kansliet", ["Kontaktjänstepersoner", "Kansli"]),
      ("KANSLIET STYRELSEN", ["Kansli", "Styrelse"]),
      ("Kansliet och Styrelsen", ["Kansli", "Styrelse"]),
      ("Kansliet/Styrelsen; Ordförande", ["Kansli", "Styrelse", "Ordförande"]),
      ("Kansliet Länsstyrelsen", ["Kansli", "Länsstyrelsen"]),
      ("Kansliet Länsstyrelsen Naturvårdsverket", ["Kansli", "Länsstyrelsen", "Naturvårdsverket"]),
      ("Regionens miljöchef Kansliet", ["Regionens miljöchef", "Kansli"]),
      ("Intresserade medlemar", ["Intresserade medlemmar"]),
      ("Styrelsen.", ["Styrelse"]),
      ("", []),
    ])
    func splits(cell: String, actors: [String]) {
      #expect(HandlingsplanImporter.ActorSplitter.split(cell).pieces.map(\.actor) == actors)
    }

    @Test(arguments: [
      ("Styrelsen Kansliet", true), ("Styrelsen, Kansliet", false), ("Internationella arbetsgruppen", false),
    ])
    func tellsRunTogetherNames(cell: String, runTogether: Bool) {
      #expect(HandlingsplanImporter.ActorSplitter.split(cell).runTogether == runTogether)
    }

    @Test(arguments: [
      ("Styrels", "Styrelse", "last letter lost in the document"),
      ("Vårdkommunen", "Värdkommunen", "misspelling: the host municipality of the annual meeting"),
      ("Kansliett", "Kansliet", "misspelling: the secretariat"),
      ("Expertgrup", "Expertgrupp", "last letter lost in the document"),
    ])
    func correctsMisspellings(written: String, listed: String, reason: String) throws {
      let pieces = HandlingsplanImporter.ActorSplitter.split(written).pieces
      let piece = try #require(pieces.first)
      #expect(pieces.count == 1)
      #expect(piece.kind == .corrected)
      #expect(piece.listed == listed)
      #expect(HandlingsplanImporter.ActorSplitter.reason(original: written, corrected: listed) == reason)
    }

    @Test func keepsUnknownActorsAsWritten() {
      let pieces = HandlingsplanImporter.ActorSplitter.split("Kansliet Länsstyrelsen").pieces
      #expect(pieces.map(\.kind) == [.known, .unknown])
      #expect(pieces.map(\.written) == ["Kansliet", "Länsstyrelsen"])
    }
  }

  struct Errors {
    static let heading = "Klimat\t\t\t\t\t"
    static let header = "Vad\tHur\tVem\tNär/Resurs\tStatus\tPrio"
    static let row = "Ordna seminarier\tBjuda in talare.\tKansliet\tVåren 2030\tPågår\t1"

    @Test(arguments: [
      (["VERKSAMHETSPLAN 2030", heading, row], 3, "no header row"),
      (["VERKSAMHETSPLAN 2030", "", row], 3, "a table row before any header row"),
      (["VERKSAMHETSPLAN 2030", heading, header, row, row + "\tmer"], 5, "the row has 7 cells"),
      (
        ["VERKSAMHETSPLAN 2030", heading, "Vad\tHur\tVem\tStatus", row], 3,
        "lacks the columns När/Resurs, Prio"
      ),
      (["VERKSAMHETSPLAN 2030", heading, "Vad\tHur\tVem\tVem\tNär\tStatus\tPrio"], 3, "names Vem twice"),
      (["VERKSAMHETSPLAN 2030", header, row], 2, "no section heading (the direction) above it: line 1 is"),
      (["VERKSAMHETSPLAN 2030", "", header, row], 3, "line 1 is the plan's title"),
      (["", header, row], 2, "no section heading"),
      (["VERKSAMHETSPLAN 2030", "Klimat", row], 3, "a table row before any header row"),
      (["VERKSAMHETSPLAN 2030", "Klimat", "", row], 4, "a table row before any header row"),
      (["VERKSAMHETSPLAN 2030", heading, header, "\u{FFFD}" + row], 4, "not valid UTF-8"),
    ])
    func errorOnLine(lines: [String], line: Int, message: String) {
      #expect {
        try HandlingsplanImporter.importText(lines.joined(separator: "\n"), source: "plan.txt")
      } throws: { error in
        guard let error = error as? ImportError else { return false }
        return error.line == line && error.message.contains(message)
      }
    }

    @Test(arguments: [
      (["Bara prosa, ingen tabell."], "no handlingsplan table"),
      ([heading, header, row], "the plan year is not given: no line such as"),
      ([heading, header, row], "give it with --year"),
    ])
    func errorOnTheWholeText(lines: [String], message: String) {
      #expect {
        try HandlingsplanImporter.importText(lines.joined(separator: "\n"), source: "plan.txt")
      } throws: { error in
        guard let error = error as? ImportError else { return false }
        return error.line == nil && error.message.contains(message)
      }
    }

    /// A bad byte is found in the bytes, before decoding could hide it, and in decoded text by its U+FFFD.
    @Test func invalidUTF8NamesItsLine() {
      let bytes = Array("VERKSAMHETSPLAN 2030\r\n\(Errors.heading)\r\n".utf8) + [0x4B, 0xC3, 0x28, 0x0A]
      let expected = ImportError(source: "plan.txt", line: 3, message: "the line is not valid UTF-8")
      #expect(throws: expected) { try HandlingsplanImporter.importBytes(bytes, source: "plan.txt") }
      #expect {
        try HandlingsplanImporter.importText(String(decoding: bytes, as: UTF8.self), source: "plan.txt")
      } throws: { error in
        (error as? ImportError)?.line == 3
      }
    }

    @Test func describesItselfAsCompilersDo() {
      #expect(
        ImportError(source: "plan.txt", line: 3, message: "oops").description == "plan.txt:3: error: oops")
      #expect(
        ImportError(source: "plan.txt", line: nil, message: "oops").description == "plan.txt: error: oops")
    }
  }
}
