// libFuzzer target `time`: any bytes, read as a `när` text, go through `SwedishTime.interval(of:in:)` in
// several plan years (--year takes 1900–2200) with and without an annual meeting. It must not crash or
// hang, and an interval must be well formed: start ≤ end, both real days, the same answer every time.
import PlanModel

private let contexts = [
  TimeContext(planYear: 2021, annualMeeting: Day(year: 2021, month: 5, day: 28)),
  TimeContext(planYear: 1900),
  TimeContext(planYear: 2200, annualMeeting: Day(year: 2199, month: 12, day: 31)),
  TimeContext(planYear: 2024, annualMeeting: Day(year: 1, month: 1, day: 1)),
  TimeContext(planYear: 2000, annualMeeting: Day(year: 9999, month: 12, day: 31)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  // The usual context always, one other chosen by the input's length.
  for context in [contexts[0], contexts[1 + size % (contexts.count - 1)]] {
    let interval = SwedishTime.interval(of: text, in: context)
    guard let interval else { continue }
    guard interval.start <= interval.end else {
      fatalError("\(interval.start.iso) is after \(interval.end.iso) for \(text.debugDescription)")
    }
    for day in [interval.start, interval.end] {
      let (year, month, dayOfMonth) = day.components
      guard Day(year: year, month: month, day: dayOfMonth) == day else {
        fatalError("ordinal \(day.ordinal) is not a real day, for \(text.debugDescription)")
      }
    }
    guard SwedishTime.interval(of: text, in: context) == interval else {
      fatalError("a second reading differs for \(text.debugDescription)")
    }
  }
  return 0
}
