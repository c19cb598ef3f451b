import Testing

/// A year standing alone is one of 1900–2100 on the command line and in a query, as in plan files: the
/// promise of docs/robustness.md.
struct YearRangeTests {
  @Test(arguments: [("1900", 0), ("2100", 0), ("1899", 2), ("2101", 2)] as [(String, Int32)])
  func yearTakesTheRange(year: String, status: Int32) throws {
    let outcome = try SekomProcess.run(["--year", year, "-c", "activities where id = 1 select id"])
    #expect(outcome.status == status, "\(outcome.error)")
    if status == 2 { #expect(outcome.error.contains("--year takes a plan year such as 2022; got '\(year)'")) }
  }

  @Test(arguments: [("1900", 0), ("2100", 0), ("1899", 1), ("2101", 1)] as [(String, Int32)])
  func aYearInAQueryTakesTheRange(year: String, status: Int32) throws {
    let outcome = try SekomProcess.run(["-c", "activities where när overlaps \(year) count"])
    #expect(outcome.status == status, "\(outcome.error)")
    if status == 0 { #expect(outcome.output == "0\n") }
    if status == 1 { #expect(outcome.error.contains("'\(year)' is not a time")) }
  }
}
