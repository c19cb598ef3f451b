/// Whether a plan's log replays to the plan as it stands. Going back from the plan as it is, each entry's
/// new value must be what the plan holds where the entry stands; where it is not, the plan was changed
/// outside sekom after that entry (a hand edit), which shows as a change with no log entry.
extension Plan {
  public struct LogDiscrepancy: Sendable, Equatable {
    /// What the log says that the plan does not hold, for saying it in another language.
    public enum Kind: String, Sendable, CaseIterable {
      case fieldOfMissingActivity, fieldChanged, addedButMissing, removedButThere
    }

    public var activityID: Int
    public var message: String
    public var kind: Kind = .fieldChanged
    /// The texts the message is made of, in its order: the field (for a field), the value the plan holds
    /// (for a changed field), the entry's time, and the value the log gave (for a changed field).
    public var texts: [String] = []
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
                "the log changes \(field.name) of activity \(id) at \(when), but the plan has no activity \(id) then",
              kind: .fieldOfMissingActivity, texts: [field.name, when]))
          continue
        }
        let held = field.value(in: plan.activities[position])
        if held != to {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "\(field.name) is \(quoted(held)) where the log's last change (\(when)) made it \(quoted(to)): changed outside sekom",
              kind: .fieldChanged, texts: [field.name, held.text, when, to.text]))
        }
      case .added:
        if position == nil {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "the log adds activity \(id) at \(when), but the plan does not have it: removed outside sekom",
              kind: .addedButMissing, texts: [when]))
        }
      case .removed:
        if position != nil {
          found.append(
            LogDiscrepancy(
              activityID: id,
              message:
                "the log removes activity \(id) at \(when), but the plan has it: added again outside sekom",
              kind: .removedButThere, texts: [when]))
        }
      }
      plan.apply(entry.reversed(time: entry.time, author: "", group: 0), index: &index)
    }
    return found
  }

  private func quoted(_ value: LogValue) -> String { "'" + value.text + "'" }
}
