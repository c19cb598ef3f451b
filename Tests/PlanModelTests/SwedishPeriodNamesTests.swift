import PlanModel
import Testing

/// The periods offered where a time goes: every one is read as a time, and the annual meeting only when
/// the plan knows its day.
struct SwedishPeriodNamesTests {
  @Test(arguments: [
    (TimeContext(planYear: 2021, annualMeeting: Day(year: 2021, month: 5, day: 28)), true),
    (TimeContext(planYear: 2022), false),
  ])
  func periodsOfThePlanYear(context: TimeContext, hasMeeting: Bool) {
    let names = SwedishTime.periodNames(in: context)
    let year = String(context.planYear)
    for name in [year, "våren \(year)", "hösten \(year)", "maj \(year)", "december \(year)"] {
      #expect(names.contains(name), "\(name) not in \(names)")
    }
    #expect(names.contains("årsmötet") == hasMeeting)
    for name in names { #expect(SwedishTime.interval(of: name, in: context) != nil, "\(name)") }
  }
}
