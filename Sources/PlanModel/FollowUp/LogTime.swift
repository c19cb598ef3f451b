import Platform

/// When a change was made: an instant with the local offset it was recorded in, written in ISO 8601 as
/// `2021-06-14T10:02:11+02:00`. The log speaks of the day as the person making the change saw it.
public struct LogTime: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let seconds: Int64
  /// The local offset from UTC, in seconds, as recorded.
  public let offset: Int32

  public init(seconds: Int64, offset: Int32) {
    self.seconds = seconds
    self.offset = offset
  }

  /// The moment of the system clock, with the local time zone's offset.
  public static func now() -> LogTime {
    guard let clock = Clock.now() else { return LogTime(seconds: Clock.secondsSinceEpoch(), offset: 0) }
    return LogTime(clock)
  }

  /// The moment of a clock reading, with its offset.
  init(_ clock: Clock.LocalTime) {
    self.init(seconds: clock.secondsSinceEpoch, offset: Int32(clock.utcOffset))
  }

  /// The local calendar day of the change.
  public var day: Day {
    let local = seconds + Int64(offset)
    return Day(ordinal: Int32((local - (local % 86400 + 86400) % 86400) / 86400))
  }

  /// Reads `YYYY-MM-DDThh:mm:ss` followed by `Z` or `±hh:mm` (seconds may be left out, and a space may
  /// stand for `T`); nil for anything else.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count >= 17, let day = Day(iso: Substring(text.prefix(10))),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ")
    else { return nil }
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[start..<start + count] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let hour = number(11, 2), hour < 24, bytes[13] == UInt8(ascii: ":"),
      let minute = number(14, 2), minute < 60
    else { return nil }
    var at = 16
    var second = 0
    if at < bytes.count && bytes[at] == UInt8(ascii: ":") {
      guard let value = number(at + 1, 2), value < 60 else { return nil }
      second = value
      at += 3
    }
    var offset = 0
    if at == bytes.count - 1 && bytes[at] == UInt8(ascii: "Z") {
      offset = 0
    } else {
      guard at + 6 == bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-"),
        let hours = number(at + 1, 2), hours <= 18, bytes[at + 3] == UInt8(ascii: ":"),
        let minutes = number(at + 4, 2), minutes < 60
      else { return nil }
      offset = (hours * 3600 + minutes * 60) * (bytes[at] == UInt8(ascii: "-") ? -1 : 1)
    }
    let local = Int64(day.ordinal) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    self.init(seconds: local - Int64(offset), offset: Int32(offset))
  }

  /// `2021-06-14T10:02:11+02:00`.
  public var iso: String {
    let local = seconds + Int64(offset)
    let secondOfDay = Int((local % 86400 + 86400) % 86400)
    let sign = offset < 0 ? "-" : "+"
    let magnitude = Int(abs(offset))
    return day.iso + "T" + LogTime.two(secondOfDay / 3600) + ":" + LogTime.two(secondOfDay / 60 % 60) + ":"
      + LogTime.two(secondOfDay % 60) + sign + LogTime.two(magnitude / 3600) + ":"
      + LogTime.two(magnitude / 60 % 60)
  }

  public var description: String { iso }

  public static func < (a: LogTime, b: LogTime) -> Bool { a.seconds < b.seconds }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
