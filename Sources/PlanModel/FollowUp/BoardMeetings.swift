/// The board's meetings, where the plan is followed up: the days the plan lists (`styrelsemöten`) and the
/// day it was adopted (fastställd), which the document says was a board meeting.
extension PlanMetadata {
  /// Every known meeting day, in order, each once.
  public var meetingDays: [Day] {
    var days = boardMeetings
    if let adopted, !days.contains(adopted) { days.append(adopted) }
    return days.sorted()
  }

  /// `last meeting`: the latest meeting on or before `day`; nil when there is none.
  public func lastMeeting(onOrBefore day: Day) -> Day? {
    meetingDays.last { $0 <= day }
  }

  /// `next meeting`: the first meeting after `day`; nil when none is known.
  public func nextMeeting(after day: Day) -> Day? {
    meetingDays.first { $0 > day }
  }
}
