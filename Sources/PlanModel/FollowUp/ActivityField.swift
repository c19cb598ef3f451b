/// The fields of an activity a follow-up can change, with the names plan files and the language use.
/// `id` is fixed, and the category, start and end are read from `status` and `när`, so none of them is
/// here.
public enum ActivityField: String, CaseIterable, Sendable {
  case direction = "inriktning"
  case what = "vad"
  case how = "hur"
  case who = "vem"
  case when = "när"
  case status = "status"
  case priority = "prio"
  /// The latest follow-up note (`comment`).
  case comment = "kommentar"

  public var name: String { rawValue }

  /// The value the field has in an activity.
  public func value(in activity: Activity) -> LogValue {
    switch self {
    case .direction: .text(activity.direction)
    case .what: .text(activity.what)
    case .how: .text(activity.how)
    case .who: .actors(activity.who)
    case .when: .text(activity.when.text)
    case .status: .text(activity.status.text)
    case .priority: .priority(activity.priority)
    case .comment: .text(activity.comment)
    }
  }

  /// Gives the field a value; a `när` text is read in the plan's context, a status gets its category.
  /// A value of the wrong kind leaves the activity as it is and returns false.
  @discardableResult
  public func assign(_ value: LogValue, to activity: inout Activity, in context: TimeContext) -> Bool {
    switch (self, value) {
    case (.direction, .text(let text)): activity.direction = text
    case (.what, .text(let text)): activity.what = text
    case (.how, .text(let text)): activity.how = text
    case (.who, .actors(let names)): activity.who = names
    case (.when, .text(let text)):
      activity.when = WhenText(text: text, interval: SwedishTime.interval(of: text, in: context))
    case (.status, .text(let text)): activity.status = StatusText(text: text)
    case (.priority, .priority(let priority)): activity.priority = priority
    case (.comment, .text(let text)): activity.comment = text
    default: return false
    }
    return true
  }
}
