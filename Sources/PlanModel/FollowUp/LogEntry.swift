/// One entry of a plan's follow-up log (`logg`): one changed field, note, addition or removal of one
/// activity, with when, by whom, and the statement (group) it belongs to. Entries are only ever added;
/// `.undo` adds entries that take a group back.
public struct LogEntry: Sendable, Equatable {
  public enum Change: Sendable, Equatable {
    /// A field changed (a note is the field `kommentar`).
    case field(ActivityField, from: LogValue, to: LogValue)
    /// The activity was added to the plan.
    case added(Activity)
    /// The activity was taken out of the plan, kept whole here.
    case removed(Activity)
  }

  public var time: LogTime
  /// Who made the change (`--by`, `$SEKOM_USER` or the login name).
  public var author: String
  /// The number of the statement that made it: a statement is one group, however many activities it
  /// touched, and `.undo` takes back one group.
  public var group: Int
  public var activityID: Int
  public var change: Change
  /// For an entry made by `.undo`: the group it takes back.
  public var undoes: Int?

  public init(
    time: LogTime, author: String, group: Int, activityID: Int, change: Change, undoes: Int? = nil
  ) {
    self.time = time
    self.author = author
    self.group = group
    self.activityID = activityID
    self.change = change
    self.undoes = undoes
  }

  /// The log's name of what changed: a field's name, `aktivitet` for an addition or removal.
  public var fieldName: String {
    switch change {
    case .field(let field, _, _): field.name
    case .added, .removed: "aktivitet"
    }
  }

  /// The value before the change; nil for an addition.
  public var from: LogValue? {
    switch change {
    case .field(_, let from, _): from
    case .added: nil
    case .removed(let activity): .activity(activity)
    }
  }

  /// The value after the change; nil for a removal.
  public var to: LogValue? {
    switch change {
    case .field(_, _, let to): to
    case .added(let activity): .activity(activity)
    case .removed: nil
    }
  }

  /// The entry that undoes this one, for `.undo`: the same activity and field, the other way round.
  public func reversed(time: LogTime, author: String, group: Int) -> LogEntry {
    let change: Change =
      switch self.change {
      case .field(let field, let from, let to): .field(field, from: to, to: from)
      case .added(let activity): .removed(activity)
      case .removed(let activity): .added(activity)
      }
    return LogEntry(
      time: time, author: author, group: group, activityID: activityID, change: change, undoes: self.group)
  }
}
