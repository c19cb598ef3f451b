import QueryLanguage
import Testing

@testable import sekom

/// The formats `sekom check` and `sekom diff` take: those of query results that are rows under headers.
struct ReportFormatTests {
  @Test(arguments: [
    ("table", ReportFormat.table), ("csv", .csv), ("TSV", .tsv), ("json", .json), ("markdown", .markdown),
    ("md", .markdown),
  ])
  func reportFormatsAreNamedAsResultFormats(_ name: String, _ format: ReportFormat) throws {
    let named: ReportFormat = try Arguments.format(name)
    #expect(named == format)
    #expect(format.outputFormat.rawValue == format.rawValue)
  }

  /// HTML pages and timelines are for query results: a report refuses them, naming what it takes.
  @Test(arguments: ["html", "timeline", "xml"])
  func reportsRefuseOtherFormats(_ name: String) {
    let error = #expect(throws: UsageError.self) {
      let _: ReportFormat = try Arguments.format(name)
    }
    #expect(error?.message == "unknown format '\(name)'; use table, csv, tsv, json, markdown")
  }

  /// Query results still take every format.
  @Test(arguments: OutputFormat.allCases)
  func resultsTakeEveryFormat(_ format: OutputFormat) throws {
    let named: OutputFormat = try Arguments.format(format.rawValue)
    #expect(named == format)
  }
}
