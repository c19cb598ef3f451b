import PlanModel
import Testing

@testable import QueryLanguage

/// The report language a locale names, in POSIX's order: LC_ALL, then LC_MESSAGES, then LANG.
struct ReportLanguageTests {
  static let cases: [([String: String], ReportLanguage)] = [
    ([:], .en),
    (["LANG": "sv"], .sv),
    (["LANG": "sv_SE"], .sv),
    (["LANG": "sv_SE.UTF-8"], .sv),
    (["LANG": "sv_FI.UTF-8"], .sv),
    (["LANG": "sv_SE@euro"], .sv),
    (["LANG": "C.UTF-8"], .en),
    (["LANG": "svenska"], .en),
    (["LANG": "en_SE.UTF-8"], .en),
    (["LC_ALL": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"], .sv),
    (["LC_ALL": "C", "LANG": "sv_SE.UTF-8"], .en),
    (["LC_MESSAGES": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"], .sv),
    (["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"], .en),
    (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "sv_SE.UTF-8"], .sv),
  ]

  @Test(arguments: cases) func languageOfTheLocale(
    _ environment: [String: String], _ expected: ReportLanguage
  ) {
    #expect(ReportLanguage.fromEnvironment { environment[$0] } == expected)
  }

  /// Every category's Swedish name reads back as that category, so a Swedish report's values can be
  /// queried.
  @Test(arguments: StatusCategory.allCases) func swedishCategoryReadsBack(_ category: StatusCategory) {
    #expect(StatusCategory(name: ReportWords(.sv).category(category)) == category)
  }
}
