import Testing

@testable import PlanModel

/// The importer's limits on what a text makes, tried with small limits: each refusal names the line where
/// the limit was passed, and a text at the limit is imported.
struct ImportLimitTests {
  static let start =
    "VERKSAMHETSPLAN 2021\nInriktning\nVad\tHur\tVem\tNär/Resurs\tStatus\tPrio\nGöra\t\t\t\t\t\n"

  static func importing(_ text: String, _ limits: HandlingsplanImporter.Limits) throws(ImportError) -> Plan {
    try HandlingsplanImporter.importText(text, source: "t.txt", year: nil, limits: limits).plan
  }

  @Test func activities() throws {
    var limits = HandlingsplanImporter.Limits()
    limits.activities = 10
    let rows = String(repeating: "Mer\t\t\t\t\t\n", count: 9)
    #expect(try Self.importing(Self.start + rows, limits).activities.count == 10)
    #expect(
      throws: ImportError(
        source: "t.txt", line: 14,
        message: "the plan would have more than 10 activities; a handlingsplan has a few hundred")
    ) { try Self.importing(Self.start + rows + "Än mer\t\t\t\t\t\n", limits) }
  }

  /// Notes are counted as they are made: the section heading's, one for each row that carries a Vad, then
  /// the plan year's and the title's on line 1.
  @Test func notes() throws {
    var limits = HandlingsplanImporter.Limits()
    limits.notes = 7
    let row = "\tOch\t\t\t\t\n"
    #expect(try Self.importing(Self.start + String(repeating: row, count: 4), limits).activities.count == 5)
    #expect(
      throws: ImportError(
        source: "t.txt", line: 11,
        message: "the report would have more than 7 notes; a handlingsplan needs a few hundred")
    ) { try Self.importing(Self.start + String(repeating: row, count: 7), limits) }
    limits.notes = 6
    #expect(
      throws: ImportError(
        source: "t.txt", line: 1,
        message: "the report would have more than 6 notes; a handlingsplan needs a few hundred")
    ) { try Self.importing(Self.start + String(repeating: row, count: 4), limits) }
  }

  @Test func linesBeforeTheFirstTable() throws {
    var limits = HandlingsplanImporter.Limits()
    limits.frontLines = 3
    let text = "\nVERKSAMHETSPLAN 2021\nLite text.\n\nMer text.\n"
    #expect(
      throws: ImportError(
        source: "t.txt", line: 5,
        message: "more than 3 lines before the first table; a handlingsplan has a few pages")
    ) { try Self.importing(text + Self.start.dropFirst(21), limits) }
    #expect(
      try Self.importing("\nVERKSAMHETSPLAN 2021\n" + Self.start.dropFirst(21), limits).activities.count == 1)
  }

  @Test func theStandardLimits() {
    let limits = HandlingsplanImporter.Limits.standard
    #expect(limits.activities == 1_000_000)
    #expect(limits.notes == 1_000_000)
    #expect(limits.frontLines == 100_000)
    #expect(limits.planText == 32 << 20)
  }

  /// A row split again and again keeps its text so far in the correction of each split: the text the
  /// corrections keep is bounded as the plan's is.
  @Test func rowsSplitManyTimes() throws {
    var limits = HandlingsplanImporter.Limits()
    limits.planText = 1 << 20
    let start =
      "VERKSAMHETSPLAN 2021\nInriktning\nVad\tHur\tVem\tNär/Resurs\tStatus\tPrio\nGöra\tord\t\t\t\t1\n"
    let split = "\n\tord\t\t\t\t\n"
    // After k splits Hur holds 4k + 3 bytes; the k-th split keeps the text above, "ord" and the whole.
    var kept = 0
    var splits = 0
    while kept <= limits.planText {
      splits += 1
      kept += (4 * splits - 1) + 3 + (4 * splits + 3)
    }
    let fits = try Self.importing(start + String(repeating: split, count: splits - 1), limits)
    #expect(fits.activities.map(\.how) == ["ord" + String(repeating: " ord", count: splits - 1)])
    #expect(
      throws: ImportError(
        source: "t.txt", line: 4 + 2 * splits,
        message:
          "rows split by page breaks would be joined into more than 1 MiB of text; a handlingsplan holds far less"
      )
    ) { try Self.importing(start + String(repeating: split, count: splits), limits) }
  }
}
