import Platform
import Testing

@testable import PlanModel

/// The one range of plan years, as every reader of a year applies it.
struct PlanYearTests {
  @Test(
    arguments: [
      (1900, 4, true), (2021, 4, true), (2100, 4, true), (1899, 4, false), (2101, 4, false), (2150, 4, false),
      (2021, 5, false), (999, 3, false),
    ] as [(Int, Int, Bool)])
  func isYear(value: Int, digits: Int, expected: Bool) {
    #expect(PlanYear.isYear(value, digits: digits) == expected)
  }

  @Test(
    arguments: [(1900, true), (2100, true), (1899, false), (2101, false), (2200, false)] as [(Int, Bool)])
  func jsonÅrTakesTheRange(year: Int, accepted: Bool) throws {
    let text = "{\"år\": \(year), \"aktiviteter\": []}"
    do {
      let plan = try PlanFile.parse(bytes: Array(text.utf8), format: .json, path: "p.json")
      #expect(accepted && plan.metadata.year == year)
    } catch {
      #expect(!accepted && error.description.contains("\(year) is not a plan year (1900–2100)"))
    }
  }

  @Test(arguments: [("hösten 2100", "2100-08-01..2100-12-31"), ("hösten 2150", nil)] as [(String, String?)])
  func närTextsNameYearsOfTheRange(text: String, interval: String?) {
    let context = TimeContext(planYear: 2021)
    #expect(SwedishTime.interval(of: text, in: context)?.description == interval)
  }
}
