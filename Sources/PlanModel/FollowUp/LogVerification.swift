/// Whether a plan's log replays to the plan as it stands. Going back from the plan as it is, each entry's
/// new value must be what the plan holds where the entry stands; where it is not, the plan was changed
/// outside sekom after that entry (a hand edit), which shows as a change with no log entry.
extension Plan {
  public struct LogDiscrepancy: Sendable, Equatable {
    public var activityID: Int
    public var message: String
  }

  /// The places where the plan differs from what its log says, newest first; empty when it replays.
  public func logDiscrepancies() -> [LogDiscrepancy] {
    var plan = self
    var index = ActivityIndex(plan.activities)
    var found: [LogDiscrepancy] = []
    for entry in log.reversed() {
      let id = entry.activityID
      let position = index.position(of: id, in: plan.activities)
      let when = entry.time.iso
      switch entry.change {
      case .field(let field, _, let to):
        guard let position else {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "the log changes \(field.name) of activity \(id) at \(when), but the plan has no activity \(id) then"
            ))
          continue
        }
        let held = field.value(in: plan.activities[position])
        if held != to {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "\(field.name) is \(quoted(held)) where the log's last change (\(when)) made it \(quoted(to)): changed outside sekom"
            ))
        }
      case .added:
        if position == nil {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "the log adds activity \(id) at \(when), but the plan does not have it: removed outside sekom"
            ))
        }
      case .removed:
        if position != nil {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "the log removes activity \(id) at \(when), but the plan has it: added again outside sekom"))
        }
      }
      plan.apply(entry.reversed(time: entry.time, author: "", group: 0), index: &index)
    }
    return found
  }

  private func quoted(_ value: LogValue) -> String { "'" + value.text + "'" }
}
