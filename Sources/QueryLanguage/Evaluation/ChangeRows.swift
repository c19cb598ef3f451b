import PlanModel

/// The rows of the `changes` source: one a log entry, oldest first.
///
/// The evaluator's row is an `Activity`; a change is held in one with its parts in fixed places, which the
/// fields of `changes` read (`Field.slot`): `id` the activity's id, `vad` its vad, `när` the time (its text
/// the ISO time, its interval the day), `kommentar` who made it (`av`), `prio` the group (`grupp`),
/// `inriktning` the field (`fält`), `hur` the old value (`från`) and `status` the new one (`till`). So every
/// clause and output format works on changes as on activities, with no second evaluator.
enum ChangeRows {
  /// The names `fält` takes, in the order `order by fält` sorts them: the activity's fields as plan files
  /// write them, then `aktivitet` for additions and removals.
  static let fieldNames = ActivityField.allCases.map(\.name) + ["aktivitet"]

  static func plan(of plan: Plan) -> Plan {
    var what: [Int: String] = [:]
    for activity in plan.activities { what[activity.id] = activity.what }
    for entry in plan.log {
      switch entry.change {
      case .added(let activity), .removed(let activity):
        if what[activity.id] == nil { what[activity.id] = activity.what }
      case .field: break
      }
    }
    var metadata = plan.metadata
    metadata.directions = fieldNames
    let rows = plan.log.map { entry in
      Activity(
        id: entry.activityID, direction: entry.fieldName, what: what[entry.activityID] ?? "",
        how: entry.from?.text ?? "", who: [],
        when: WhenText(text: entry.time.iso, interval: DayInterval(day: entry.time.day)),
        status: StatusText(text: entry.to?.text ?? ""), priority: entry.group, comment: entry.author)
    }
    var changes = Plan(metadata: metadata, activities: rows)
    changes.yearWasAssumed = plan.yearWasAssumed
    return changes
  }
}
