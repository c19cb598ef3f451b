#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The system clock, read in the local time zone. PlanModel turns these parts into its own days and times.
public enum Clock {
  /// One moment of the clock: the local calendar date and time of day, and the offset from UTC they have.
  public struct LocalTime: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    public var year: Int
    /// 1–12.
    public var month: Int
    /// 1–31.
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Local time minus UTC, in seconds (7200 in a Swedish summer).
    public var utcOffset: Int

    public init(
      secondsSinceEpoch: Int64, year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
      utcOffset: Int
    ) {
      self.secondsSinceEpoch = secondsSinceEpoch
      self.year = year
      self.month = month
      self.day = day
      self.hour = hour
      self.minute = minute
      self.second = second
      self.utcOffset = utcOffset
    }
  }

  /// Now, in the local time zone; nil only when the C library cannot convert the clock.
  public static func now() -> LocalTime? {
    local(secondsSinceEpoch: secondsSinceEpoch())
  }

  /// Seconds since 1970-01-01T00:00:00Z.
  public static func secondsSinceEpoch() -> Int64 { Int64(time(nil)) }

  /// A moment in the local time zone; nil when the C library cannot convert it.
  public static func local(secondsSinceEpoch: Int64) -> LocalTime? {
    var instant = time_t(secondsSinceEpoch)
    var parts = tm()
    guard localtime_r(&instant, &parts) != nil else { return nil }
    return LocalTime(
      secondsSinceEpoch: secondsSinceEpoch, year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1,
      day: Int(parts.tm_mday), hour: Int(parts.tm_hour), minute: Int(parts.tm_min),
      second: Int(parts.tm_sec), utcOffset: Int(parts.tm_gmtoff))
  }
}
