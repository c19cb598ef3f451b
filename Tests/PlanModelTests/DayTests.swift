import Testing

@testable import PlanModel

struct DayTests {
  @Test(arguments: [("2021-01-01", 18628), ("1970-01-01", 0), ("2020-02-29", 18321), ("2021-12-31", 18992)])
  func ordinals(iso: String, ordinal: Int32) {
    let day = Day(iso: Substring(iso))
    #expect(day?.ordinal == ordinal)
    #expect(day?.iso == iso)
  }

  @Test func invalidDaysAreRefused() {
    #expect(Day(year: 2021, month: 2, day: 29) == nil)
    #expect(Day(year: 2021, month: 4, day: 31) == nil)
    #expect(Day(year: 2021, month: 13, day: 1) == nil)
    #expect(Day(iso: "2021-5-1") == nil)
  }

  @Test func weekdays() {
    #expect(Day(year: 2021, month: 5, day: 28)?.isoWeekday == 5)  // a Friday
    #expect(Day(year: 2021, month: 1, day: 4)?.isoWeekday == 1)
  }
}
