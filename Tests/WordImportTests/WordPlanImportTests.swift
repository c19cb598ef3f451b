import Foundation
import Testing

@testable import PlanModel
@testable import WordImport

/// The 2021 plan saved as a Word document imports to the embedded plan, through the text importer.
struct WordPlanImportTests {
  static let imported = Result { () throws -> (plan: Plan, report: ImportReport) in
    let text = try WordDocument.text(ofDocx: Plan2021Docx.bytes)
    return try HandlingsplanImporter.importText(text, source: "verksamhetsplan-2021.docx")
  }

  static let textImport = Result { () throws -> (plan: Plan, report: ImportReport) in
    try HandlingsplanImporter.importText(Plan2021Docx.text, source: "verksamhetsplan-2021.docx")
  }

  var plan: Plan { get throws { try Self.imported.get().plan } }
  var report: ImportReport { get throws { try Self.imported.get().report } }

  /// The fixture is made from the seed text beside the PlanModel tests, and is a real deflated archive.
  @Test func theFixtureIsMadeFromTheSeedText() throws {
    #expect(Plan2021Docx.text.utf8.count == 13142)
    #expect(Plan2021Docx.xml.contains("<w:tbl>"))
    let archive = try ZipArchive(Plan2021Docx.bytes)
    #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
    #expect(archive.entry(named: "word/document.xml")?.method == 8)
  }

  @Test func hasTheEmbeddedPlansActivities() throws {
    let plan = try plan
    #expect(plan.activities.count == 44)
    #expect(plan.activities == Plan.embedded2021.activities)
  }

  @Test(arguments: 1...44)
  func activityMatchesTheEmbeddedPlan(id: Int) throws {
    let got = try #require(try plan.activities.first { $0.id == id }, "activity \(id) is missing")
    let want = try #require(Plan.embedded2021.activities.first { $0.id == id })
    #expect(got == want, "activity \(id)")
  }

  @Test func metadataMatchesTheEmbeddedPlan() throws {
    let got = try plan.metadata
    let want = Plan.embedded2021.metadata
    #expect(got.title == want.title)
    #expect(got.year == want.year)
    #expect(got.adopted == want.adopted)
    #expect(got.annualMeeting == want.annualMeeting)
    #expect(got.directions == want.directions)
    #expect(got.source == "verksamhetsplan-2021.docx")
  }

  /// The corrections of cells, reasons included; no page-break joins, since Word keeps each row whole.
  @Test func correctionsAreTheEmbeddedPlansCellCorrections() throws {
    let cells = Plan.embedded2021.metadata.corrections.filter {
      !$0.reason.hasPrefix("row split by a page break")
    }
    #expect(cells.count == 3)
    #expect(try plan.metadata.corrections == cells)
  }

  /// The same plan file as the text export gives, but for the two joins the text needed.
  @Test func jsonIsTheTextImportsWithoutItsPageBreakJoins() throws {
    var fromText = try Self.textImport.get().plan
    #expect(fromText.metadata.corrections.count == 5)
    fromText.metadata.corrections.removeAll { $0.reason == "row split by a page break, joined" }
    #expect(try PlanFile.json(plan) == PlanFile.json(fromText))
  }

  /// The same inferences as the text import, less those of page breaks, which a Word table has none of.
  @Test func reportHasTheSameInferences() throws {
    let messages = try report.lines.map(\.message)
    #expect(messages.filter { $0.hasPrefix("empty Vad") }.count == 16)
    #expect(messages.filter { $0.hasPrefix("Vem ") }.count == 26)
    #expect(messages.filter { $0.contains("corrected to") }.count == 3)
    #expect(!messages.contains { $0.contains("page break") })
    #expect(!messages.contains { $0.hasPrefix("unknown actor") })
    #expect(messages.contains("section heading: direction \"Pådrivare och opinionsbildare\""))
    #expect(messages.contains("plan year 2021"))
  }
}
