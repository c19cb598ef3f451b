// What the fuzz target `time` checks, and FuzzRegressionTests with it on the inputs the fuzzer found.
import PlanModel

public enum TimeChecks {
  /// Plan years --year takes (1900–2200), with and without an annual meeting, some far away.
  public static let contexts = [
    TimeContext(planYear: 2021, annualMeeting: Day(year: 2021, month: 5, day: 28)),
    TimeContext(planYear: 1900),
    TimeContext(planYear: 2200, annualMeeting: Day(year: 2199, month: 12, day: 31)),
    TimeContext(planYear: 2024, annualMeeting: Day(year: 1, month: 1, day: 1)),
    TimeContext(planYear: 2000, annualMeeting: Day(year: 9999, month: 12, day: 31)),
  ]

  /// What is wrong with the interval read from a `när` text in `context`: it must be well formed (start ≤
  /// end, both real days) and the same at a second reading. Empty when nothing is.
  public static func problems(_ text: String, in context: TimeContext) -> [String] {
    guard let interval = SwedishTime.interval(of: text, in: context) else { return [] }
    let quoted = text.prefix(300).debugDescription
    var problems: [String] = []
    if interval.start > interval.end {
      problems.append("\(interval.start.iso) is after \(interval.end.iso) for \(quoted)")
    }
    for day in [interval.start, interval.end] {
      let (year, month, dayOfMonth) = day.components
      if Day(year: year, month: month, day: dayOfMonth) != day {
        problems.append("ordinal \(day.ordinal) is not a real day, for \(quoted)")
      }
    }
    if SwedishTime.interval(of: text, in: context) != interval {
      problems.append("a second reading differs for \(quoted)")
    }
    return problems
  }
}
