/// The plan's follow-up log read as history: the plan as it stood on a day, the groups `.undo` can take
/// back, and entries applied forwards or backwards.
extension Plan {
  /// The number the next statement's entries get.
  public var nextGroup: Int { (log.map(\.group).max() ?? 0) + 1 }

  /// The group `.undo` takes back: the latest one that is not itself an undo and has not been taken back.
  public var lastUndoableGroup: Int? {
    let undone = Set(log.compactMap(\.undoes))
    return log.last { $0.undoes == nil && !undone.contains($0.group) }?.group
  }

  /// The plan as it stood at the end of `day` (in the time of each entry's own offset): the entries made
  /// after it are undone, newest first. The log itself is kept, up to that day.
  public func asOf(_ day: Day) -> Plan {
    var plan = self
    var index = ActivityIndex(plan.activities)
    var kept = log.count
    while kept > 0 && log[kept - 1].time.day > day {
      kept -= 1
      plan.apply(log[kept].reversed(time: log[kept].time, author: "", group: 0), index: &index)
    }
    plan.log.removeLast(log.count - kept)
    return plan
  }

  /// Makes the change an entry records. An entry whose activity is not there (the plan was edited by
  /// hand) changes nothing.
  mutating func apply(_ entry: LogEntry, index: inout ActivityIndex) {
    let context = timeContext
    switch entry.change {
    case .field(let field, _, let to):
      guard let position = index.position(of: entry.activityID, in: activities) else { return }
      field.assign(to, to: &activities[position], in: context)
    case .added(let activity):
      guard index.position(of: activity.id, in: activities) == nil else { return }
      let position = activities.firstIndex { $0.id > activity.id } ?? activities.endIndex
      activities.insert(activity, at: position)
      index = ActivityIndex(activities)
    case .removed(let activity):
      guard let position = index.position(of: activity.id, in: activities) else { return }
      activities.remove(at: position)
      index = ActivityIndex(activities)
    }
  }

  /// Records entries and makes their changes.
  public mutating func record(_ entries: [LogEntry]) {
    var index = ActivityIndex(activities)
    for entry in entries { apply(entry, index: &index) }
    log += entries
  }
}

/// Where each id stands in a list of activities, for plans large enough that a search per entry costs.
struct ActivityIndex {
  private var positions: [Int: Int]

  init(_ activities: [Activity]) {
    positions = Dictionary(
      activities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func position(of id: Int, in activities: [Activity]) -> Int? {
    guard let position = positions[id], position < activities.count, activities[position].id == id else {
      return activities.firstIndex { $0.id == id }
    }
    return position
  }
}
