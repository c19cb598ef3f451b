import Platform
import Testing

@testable import PlanModel

/// PlanModel's days and log times from the parts Platform's clock gives.
struct ClockConversionTests {
  static func reading(_ seconds: Int64, _ year: Int, _ month: Int, _ day: Int, offset: Int) -> Clock.LocalTime
  {
    Clock.LocalTime(
      secondsSinceEpoch: seconds, year: year, month: month, day: day, hour: 0, minute: 30, second: 0,
      utcOffset: offset)
  }

  @Test func todayIsTheLocalDate() {
    // 2021-06-13T22:30:00Z is the 14th in Stockholm.
    let clock = Self.reading(1_623_623_400, 2021, 6, 14, offset: 7200)
    #expect(Day.today(from: clock, secondsSinceEpoch: clock.secondsSinceEpoch).iso == "2021-06-14")
  }

  @Test func withoutALocalDateTodayIsTheUTCDay() {
    #expect(Day.today(from: nil, secondsSinceEpoch: 1_623_623_400).iso == "2021-06-13")
    let impossible = Self.reading(1_623_623_400, 2021, 2, 30, offset: 0)
    #expect(Day.today(from: impossible, secondsSinceEpoch: 1_623_623_400).iso == "2021-06-13")
  }

  @Test func aLogTimeKeepsTheOffset() {
    let time = LogTime(Self.reading(1_623_623_400, 2021, 6, 14, offset: 7200))
    #expect(time.iso == "2021-06-14T00:30:00+02:00")
    #expect(time.day.iso == "2021-06-14")
  }

  @Test func theClockAgreesWithToday() throws {
    let before = try #require(Clock.now())
    let today = Day.today()
    let offset = LogTime.now().offset
    let after = try #require(Clock.now())
    // A day or an offset may change between two readings: either reading's is right.
    let days = [before, after].map { Day(year: $0.year, month: $0.month, day: $0.day) }
    #expect(days.contains(today))
    #expect([before, after].map { Int32($0.utcOffset) }.contains(offset))
  }
}
