import PlanModel
import Platform
import QueryLanguage

/// Option values shared by the commands.
enum Arguments {
  static func year(_ text: String) throws(UsageError) -> Int {
    guard let year = Int(text), PlanYear.range.contains(year) else {
      throw UsageError("--year takes a plan year such as 2022; got '\(text)'")
    }
    return year
  }

  /// A format named on the command line, among those the command takes (`OutputFormat`, or `ReportFormat`
  /// for check and diff). Names are read as `OutputFormat(name:)` reads them: in any case, `md` too.
  static func format<Format: RawRepresentable<String> & CaseIterable>(_ text: String) throws(UsageError)
    -> Format
  {
    guard let named = OutputFormat(name: text), let format = Format(rawValue: named.rawValue) else {
      throw UsageError(
        "unknown format '\(text)'; use \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return format
  }

  static func isParameterName(_ name: String) -> Bool { Lexer.isParameterName(name) }

  static func day(_ text: String) throws(UsageError) -> Day {
    guard let day = Day(iso: Substring(text)) else {
      throw UsageError("--today takes a date such as 2021-09-15; got '\(text)'")
    }
    return day
  }

  /// `--lang`: sv or en.
  static func language(_ text: String) throws(UsageError) -> ReportLanguage {
    guard let language = ReportLanguage(rawValue: text) else {
      throw UsageError("--lang takes sv or en; got '\(text)'")
    }
    return language
  }

  /// The language of reports: `--lang`, else the locale's (LC_ALL, LC_MESSAGES, LANG).
  static func language(_ given: ReportLanguage?) -> ReportLanguage {
    given ?? ReportLanguage.fromEnvironment(ProcessIO.environment)
  }

  /// Tables fitted to the terminal when standard output is one.
  static var terminalOptions: OutputOptions {
    OutputOptions(width: Terminal.isTerminal(.standardOutput) ? Terminal.width() : nil)
  }
}
