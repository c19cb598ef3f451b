/// What a `när` text needs besides itself: the plan year for texts without a year, and the annual meeting
/// for "Till årsmötet".
public struct TimeContext: Hashable, Sendable {
  public var planYear: Int
  public var annualMeeting: Day?

  public init(planYear: Int, annualMeeting: Day? = nil) {
    self.planYear = planYear
    self.annualMeeting = annualMeeting
  }
}
