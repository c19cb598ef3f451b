/// What changed between two versions of a plan, so that the board sees what moved since the last meeting.
/// Activities are matched by id.
public enum PlanDiff {
  public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case added, removed, changed
    }

    public var kind: Kind
    public var activityID: Int
    /// The activity's `vad`, to recognise it by.
    public var what: String
    /// For a change: the plan column, in the plan's words (status, när, prio, vem, …).
    public var field: String?
    public var old: String?
    public var new: String?

    public init(
      kind: Kind, activityID: Int, what: String, field: String? = nil, old: String? = nil, new: String? = nil
    ) {
      self.kind = kind
      self.activityID = activityID
      self.what = what
      self.field = field
      self.old = old
      self.new = new
    }
  }

  /// The columns compared, in the order changes are listed.
  private static let columns: [(name: String, value: @Sendable (Activity) -> String)] = [
    ("status", { $0.status.text }),
    ("när", { $0.when.text }),
    ("prio", { $0.priority.map(String.init) ?? "" }),
    ("vem", { $0.who.joined(separator: ", ") }),
    ("vad", { $0.what }),
    ("hur", { $0.how }),
    ("inriktning", { $0.direction }),
    ("kommentar", { $0.comment }),
  ]

  /// Changes in id order: for each id, removed or added, or each changed column.
  public static func changes(from old: Plan, to new: Plan) -> [Change] {
    let oldByID = Dictionary(old.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newByID = Dictionary(new.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var changes: [Change] = []
    for id in Set(oldByID.keys).union(newByID.keys).sorted() {
      switch (oldByID[id], newByID[id]) {
      case (let before?, nil):
        changes.append(Change(kind: .removed, activityID: id, what: before.what))
      case (nil, let after?):
        changes.append(Change(kind: .added, activityID: id, what: after.what))
      case (let before?, let after?):
        for column in columns where column.value(before) != column.value(after) {
          changes.append(
            Change(
              kind: .changed, activityID: id, what: after.what, field: column.name, old: column.value(before),
              new: column.value(after)))
        }
      case (nil, nil):
        break
      }
    }
    return changes
  }
}
