import PlanModel
import Testing

/// The one list of month names: each Swedish name is read by the `när` reader as its month, and the period
/// names offered for completion are made from it.
struct MonthNamesTests {
  @Test(arguments: Array(MonthNames.swedish.enumerated()))
  func eachSwedishNameIsReadAsItsMonth(_ index: Int, _ name: String) throws {
    let context = TimeContext(planYear: 2021)
    let interval = try #require(SwedishTime.interval(of: "\(name) 2021", in: context))
    #expect(interval.start == Day(year: 2021, month: index + 1, day: 1))
    #expect(interval.end.components.month == index + 1)
    #expect(SwedishTime.periodNames(in: context).contains("\(name) 2021"))
  }

  @Test func twelveInEachLanguage() {
    #expect(MonthNames.swedish.count == 12)
    #expect(MonthNames.english.count == 12)
    #expect(MonthNames.english[4] == "May" && MonthNames.swedish[4] == "maj")
  }
}
