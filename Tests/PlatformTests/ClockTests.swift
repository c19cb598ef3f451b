import Platform
import Testing

/// The clock's local parts against the instant they come from, whatever the machine's time zone.
struct ClockTests {
  /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, counted day by day from the year's
  /// start, an oracle apart from PlanModel's formula.
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
    var days = 0
    for earlier in min(year, 1970)..<max(year, 1970) {
      days += (isLeap(earlier) ? 366 : 365) * (year < 1970 ? -1 : 1)
    }
    let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return days + lengths.prefix(month - 1).reduce(0, +) + day - 1
  }

  @Test(arguments: [0, 1_623_664_931, 1_640_995_199, 1_711_846_800, 4_102_444_800, -86_401] as [Int64])
  func localPartsAreTheInstantPlusTheOffset(seconds: Int64) throws {
    let local = try #require(Clock.local(secondsSinceEpoch: seconds))
    #expect(local.secondsSinceEpoch == seconds)
    #expect((1...12).contains(local.month) && (1...31).contains(local.day))
    #expect(abs(local.utcOffset) <= 18 * 3600)
    let wall =
      Self.daysSinceEpoch(year: local.year, month: local.month, day: local.day) * 86400 + local.hour * 3600
      + local.minute * 60 + local.second
    #expect(wall == Int(seconds) + local.utcOffset)
  }

  @Test func nowIsTheClocksSecond() throws {
    let before = Clock.secondsSinceEpoch()
    let now = try #require(Clock.now())
    let after = Clock.secondsSinceEpoch()
    #expect(before <= now.secondsSinceEpoch && now.secondsSinceEpoch <= after)
  }
}
