import PlanModel

/// The fields a query can name, with the plan's own words as their names. The fields of `activities` are
/// the plan's columns and what is derived from them; those of `changes` are the parts of a log entry.
public enum Field: String, CaseIterable, Sendable {
  case id, direction, what, how, who, when, status, category, priority, start, end, comment
  case time, author, group, changedField, from, to

  /// The name in the language: the plan file's column name, or the name of a derived field.
  public var name: String {
    switch self {
    case .id: PlanColumn.id.name
    case .direction: PlanColumn.direction.name
    case .what: PlanColumn.what.name
    case .how: PlanColumn.how.name
    case .who: PlanColumn.who.name
    case .when: PlanColumn.when.name
    case .status: PlanColumn.status.name
    case .priority: PlanColumn.priority.name
    case .category: "kategori"
    case .start: "start"
    case .end: "slut"
    case .comment: ActivityField.comment.name
    case .time: "tid"
    case .author: "av"
    case .group: "grupp"
    case .changedField: "fält"
    case .from: "från"
    case .to: "till"
    }
  }

  public var type: FieldType {
    switch self {
    case .id, .priority, .group: .integer
    case .direction, .what, .how, .status, .comment, .author, .changedField, .from, .to: .text
    case .who: .actors
    case .when, .time: .time
    case .category: .category
    case .start, .end: .date
    }
  }

  /// Where a row holds the field. A row is an `Activity`; `changes` keeps a log entry in an activity's
  /// places (see `ChangeRows`), so each of its fields is read as the field of that place.
  public var slot: Field {
    switch self {
    case .time: .when
    case .author: .comment
    case .group: .priority
    case .changedField: .direction
    case .from: .how
    case .to: .status
    case .id, .direction, .what, .how, .who, .when, .status, .category, .priority, .start, .end, .comment:
      self
    }
  }

  /// The plan column a field of `activities` is read from; nil for `kommentar`, which no CSV file has,
  /// and for the fields of `changes`, which are read from the log.
  public var planColumn: PlanColumn? {
    switch self {
    case .id: .id
    case .direction: .direction
    case .what: .what
    case .how: .how
    case .who: .who
    case .when, .start, .end: .when
    case .status, .category: .status
    case .priority: .priority
    case .comment, .time, .author, .group, .changedField, .from, .to: nil
    }
  }

  /// What the field holds, for `.fields` and `.help`.
  public var summary: String {
    switch self {
    case .id: "the activity's number, 1… in plan order"
    case .direction: "the main direction (section); orders and compares (<, >) in the plan's order"
    case .what: "what is to be done"
    case .how: "how it is done"
    case .who: "who does it: a list of actors, aliases folded (Kansliet = Kansli)"
    case .when: "when, as written; before/after/overlaps compare the days it stands for"
    case .status: "the status as written"
    case .category: "the status's category: " + StatusCategory.allCases.map(\.name).joined(separator: ", ")
    case .priority: "priority, 1 (highest) to 3"
    case .start: "the first day of när's interval; empty when när names no time"
    case .end: "the last day of när's interval; empty when när names no time"
    case .comment: "the latest follow-up note (comment); empty when none"
    case .time: "when the change was made; before/after/overlaps compare its day"
    case .author: "who made the change (--by, $SEKOM_USER or the login name)"
    case .group: "the number of the statement that made it; .undo takes back one group"
    case .changedField: "the field changed, or aktivitet for an activity added or removed"
    case .from: "the value before the change"
    case .to: "the value after the change"
    }
  }

  /// The columns shown when a statement has no `select`; `kategori`, `start`, `slut` and `kommentar` are
  /// shown on request.
  public static let defaultColumns: [Field] = [.id, .direction, .what, .how, .who, .when, .status, .priority]

  /// The value as text, `vem` joined with ", " for reading.
  var plainText: (Activity) -> String { text(actorSeparator: ", ") }

  /// The field's value as text, the same in every format but for how `vem`'s list is joined.
  func text(actorSeparator: String) -> (Activity) -> String {
    if let place = storedText { return { place.text(of: $0) } }
    switch slot {
    case .id: return { String($0.id) }
    case .who: return { $0.who.joined(separator: actorSeparator) }
    case .category: return { $0.status.category.name }
    case .priority, .group: return { $0.priority.map(String.init) ?? "" }
    case .start: return { $0.when.interval?.start.iso ?? "" }
    case .end: return { $0.when.interval?.end.iso ?? "" }
    case .direction, .what, .how, .when, .status, .comment, .time, .author, .changedField, .from, .to:
      preconditionFailure("\(name) is stored text")
    }
  }

  /// Where a row keeps the field's text as it is written; nil for a text made from the row (numbers,
  /// lists, days, categories). A writer of many rows copies these texts' bytes without a String of its own.
  var storedText: StoredText? {
    switch slot {
    case .direction: .direction
    case .what: .what
    case .how: .how
    case .when: .when
    case .status: .status
    case .comment: .comment
    case .id, .who, .category, .priority, .start, .end, .time, .author, .group, .changedField, .from, .to: nil
    }
  }

  /// A text a row keeps as it is written.
  enum StoredText {
    case direction, what, how, when, status, comment

    func text(of activity: Activity) -> String {
      switch self {
      case .direction: activity.direction
      case .what: activity.what
      case .how: activity.how
      case .when: activity.when.text
      case .status: activity.status.text
      case .comment: activity.comment
      }
    }

    /// Lends the text's UTF-8 bytes to `body`, in place.
    @inline(__always)
    func withBytes(of activity: borrowing Activity, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
      switch self {
      case .direction: activity.direction.withUTF8Lent(body)
      case .what: activity.what.withUTF8Lent(body)
      case .how: activity.how.withUTF8Lent(body)
      case .when: activity.when.text.withUTF8Lent(body)
      case .status: activity.status.text.withUTF8Lent(body)
      case .comment: activity.comment.withUTF8Lent(body)
      }
    }
  }
}

/// What a statement reads: the plan's activities, or its follow-up log.
public enum RowSource: Sendable, Equatable {
  case activities, changes

  /// The source a statement's first word names.
  public init?(_ keyword: Keyword) {
    switch keyword {
    case .activities, .add: self = .activities
    case .changes: self = .changes
    default: return nil
    }
  }

  /// The fields a statement on the source can name, in the order `.fields` lists them.
  public var fields: [Field] {
    switch self {
    case .activities:
      [.id, .direction, .what, .how, .who, .when, .status, .category, .priority, .start, .end, .comment]
    case .changes: [.time, .author, .group, .id, .what, .changedField, .from, .to]
    }
  }

  /// The columns shown when a statement has no `select`.
  public var defaultColumns: [Field] {
    switch self {
    case .activities: Field.defaultColumns
    case .changes: fields
    }
  }

  /// All names its fields are known by, for completion and suggestions.
  public var fieldNames: [String] { fields.map(\.name) + (self == .activities ? ["nar"] : []) }

  /// The field a name stands for in this source: any case; `nar` for `när`.
  public func field(named text: String) -> Field? {
    let key = PlanColumn.lookupKey(text)
    return fields.first { $0.name == key }
  }

  /// The word for its rows in result footers: activity, change.
  public var rowNoun: (singular: String, plural: String) {
    switch self {
    case .activities: ("activity", "activities")
    case .changes: ("change", "changes")
    }
  }
}

extension Field {
  /// All names a field of `activities` is known by, for completion and suggestions.
  public static var allNames: [String] { RowSource.activities.fieldNames }

  /// The field of `activities` a name stands for: any case; `nar` for `när`.
  public init?(named text: String) {
    guard let field = RowSource.activities.field(named: text) else { return nil }
    self = field
  }
}
