// Golden files of every output format: a few statements on the 2021 plan, each written by the built
// binary in each format, must equal Tests/Golden/Output/NAME.FORMAT byte for byte.
//
// A change of layout is recorded anew with one command, then reviewed as one diff:
//
//     swift build --build-tests && SEKOM_RECORD_GOLDEN=1 swift test --skip-build --filter Golden
//     git diff Tests/Golden
import Foundation
import Testing

struct GoldenOutputTests {
  /// A statement with the name its golden files take.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var statement: String
    var testDescription: String { name }
  }

  static let statements: [Case] = [
    Case(
      name: "selected-fields",
      statement: "activities where vem contains Kansli and prio = 1 order by när select id, vad, vem, när"),
    Case(name: "whole-activities", statement: "activities where id <= 2"),
    Case(name: "count", statement: "activities where vem = Styrelse count"),
    Case(name: "count-by", statement: "activities where prio = 1 count by inriktning"),
    Case(
      name: "group-by", statement: "aktiviteter där prio = 3 gruppera efter kategori visa id, vad, status"),
  ]

  static let formats = ["table", "csv", "tsv", "json", "markdown", "html", "timeline"]

  @Test(arguments: statements, formats)
  func outputEqualsItsGoldenFile(_ item: Case, _ format: String) throws {
    // A fixed day: reports are dated, and `today` would move the output.
    let outcome = try SekomProcess.run(["--today", "2021-09-15", "--format", format, "-c", item.statement])
    #expect(outcome.status == 0)
    #expect(outcome.error == "")
    try GoldenFile.check(outcome.output, "Output/\(item.name).\(format)")
  }
}
