import Platform

/// A calendar day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
///
/// Plans speak of days, never of instants, so there is no time zone and no clock here.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let ordinal: Int32

  public init(ordinal: Int32) { self.ordinal = ordinal }

  /// A day from its parts, or nil when the parts name no day (31 april, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    ordinal = Int32(era * 146097 + doe - 719468)
  }

  /// Year, month (1–12) and day of month (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(ordinal) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  public var year: Int { components.year }

  /// ISO weekday: 1 is Monday, 7 is Sunday.
  public var isoWeekday: Int {
    // 1970-01-01 was a Thursday (4).
    let d = (Int(ordinal) + 3) % 7
    return (d < 0 ? d + 7 : d) + 1
  }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }

  /// The day in ISO 8601 form, 2021-05-11.
  public var iso: String {
    let (y, m, d) = components
    return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
  }

  public var description: String { iso }

  /// Reads an ISO date, 2021-05-11, and nothing else.
  public init?(iso text: Substring) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  public static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

/// A closed range of days, [start, end], both included.
public struct DayInterval: Hashable, Sendable, CustomStringConvertible {
  public let start: Day
  public let end: Day

  /// An interval, or nil when end comes before start.
  public init?(start: Day, end: Day) {
    guard start <= end else { return nil }
    self.start = start
    self.end = end
  }

  public init(day: Day) {
    start = day
    end = day
  }

  /// All of a year, 1 January to 31 December.
  public static func year(_ year: Int) -> DayInterval? {
    guard let start = Day(year: year, month: 1, day: 1), let end = Day(year: year, month: 12, day: 31)
    else { return nil }
    return DayInterval(start: start, end: end)
  }

  /// One whole month.
  public static func month(_ month: Int, of year: Int) -> DayInterval? {
    guard (1...12).contains(month), let start = Day(year: year, month: month, day: 1),
      let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
    else { return nil }
    return DayInterval(start: start, end: end)
  }

  /// From the first day of one month to the last day of another, in the same year.
  public static func months(_ first: Int, through last: Int, of year: Int) -> DayInterval? {
    guard let a = month(first, of: year), let b = month(last, of: year) else { return nil }
    return DayInterval(start: a.start, end: b.end)
  }

  /// The smallest interval holding both.
  public func hull(_ other: DayInterval) -> DayInterval {
    DayInterval(start: min(start, other.start), end: max(end, other.end))!
  }

  public func overlaps(_ other: DayInterval) -> Bool { start <= other.end && other.start <= end }

  public var description: String { start == end ? start.iso : "\(start.iso)..\(end.iso)" }
}

extension Day {
  /// Today in the local time zone, from the system clock.
  public static func today() -> Day {
    today(from: Clock.now(), secondsSinceEpoch: Clock.secondsSinceEpoch())
  }

  /// The day of a clock reading; the UTC day of the seconds when there is none or it names no day.
  static func today(from clock: Clock.LocalTime?, secondsSinceEpoch: Int64) -> Day {
    clock.flatMap { Day(year: $0.year, month: $0.month, day: $0.day) }
      ?? Day(ordinal: Int32(secondsSinceEpoch / 86400))
  }
}
