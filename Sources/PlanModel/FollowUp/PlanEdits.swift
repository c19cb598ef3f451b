/// The log entries a follow-up statement makes. Each function only works out the entries; `record` then
/// makes the changes, so that what is printed, written and logged is one list.
extension Plan {
  /// The id `add activity` gives: one past every id the plan or its log has used, so that an activity
  /// brought back by `.undo` keeps its own.
  public var nextActivityID: Int {
    var greatest = activities.map(\.id).max() ?? 0
    for entry in log { greatest = max(greatest, entry.activityID) }
    return greatest + 1
  }

  /// Entries giving the fields new values in the activities with these ids, in plan order; a field that
  /// already has its value gets none.
  public func entries(
    setting assignments: [(field: ActivityField, value: LogValue)], ids: Set<Int>, group: Int,
    author: String, time: LogTime
  ) -> [LogEntry] {
    var entries: [LogEntry] = []
    for activity in activities where ids.contains(activity.id) {
      for (field, value) in assignments {
        let old = field.value(in: activity)
        guard old != value else { continue }
        entries.append(
          LogEntry(
            time: time, author: author, group: group, activityID: activity.id,
            change: .field(field, from: old, to: value)))
      }
    }
    return entries
  }

  /// Entries adding a note to each of the activities: the note becomes its `kommentar`.
  public func entries(commenting note: String, ids: Set<Int>, group: Int, author: String, time: LogTime)
    -> [LogEntry]
  {
    activities.filter { ids.contains($0.id) }.map { activity in
      LogEntry(
        time: time, author: author, group: group, activityID: activity.id,
        change: .field(.comment, from: .text(activity.comment), to: .text(note)))
    }
  }

  /// Entries taking the activities out of the plan, each kept whole in its entry.
  public func entries(removing ids: Set<Int>, group: Int, author: String, time: LogTime) -> [LogEntry] {
    activities.filter { ids.contains($0.id) }.map { activity in
      LogEntry(time: time, author: author, group: group, activityID: activity.id, change: .removed(activity))
    }
  }

  /// The entry adding an activity, which has its id already.
  public func entry(adding activity: Activity, group: Int, author: String, time: LogTime) -> LogEntry {
    LogEntry(time: time, author: author, group: group, activityID: activity.id, change: .added(activity))
  }

  /// Entries taking back the last group `.undo` can take back, newest first; nil when there is none.
  public func entriesUndoingLastGroup(group: Int, author: String, time: LogTime) -> [LogEntry]? {
    guard let target = lastUndoableGroup else { return nil }
    return log.reversed().filter { $0.group == target }.map {
      $0.reversed(time: time, author: author, group: group)
    }
  }
}
