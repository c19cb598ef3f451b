import PlanModel

/// The fields a query can name, with the plan's own words as their names.
public enum Field: String, CaseIterable, Sendable {
  case id, direction, what, how, who, when, status, category, priority, start, end

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
    }
  }

  public var type: FieldType {
    switch self {
    case .id, .priority: .integer
    case .direction, .what, .how, .status: .text
    case .who: .actors
    case .when: .time
    case .category: .category
    case .start, .end: .date
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
    }
  }

  /// The columns shown when a statement has no `select`; `kategori`, `start` and `slut` are derived and
  /// shown on request.
  public static let defaultColumns: [Field] = [.id, .direction, .what, .how, .who, .when, .status, .priority]

  /// All names a field is known by, for completion and suggestions.
  public static var allNames: [String] { allCases.map(\.name) + ["nar"] }

  /// The field a name stands for: any case; `nar` for `när`.
  public init?(named text: String) {
    let key = PlanColumn.lookupKey(text)
    guard let field = Field.allCases.first(where: { $0.name == key }) else { return nil }
    self = field
  }

  /// The field's value as text, `vem` joined with ", " for reading.
  var plainText: (Activity) -> String { text(actorSeparator: ", ") }

  /// The field's value as text, the same in every format but for how `vem`'s list is joined.
  func text(actorSeparator: String) -> (Activity) -> String {
    switch self {
    case .id: { String($0.id) }
    case .direction: { $0.direction }
    case .what: { $0.what }
    case .how: { $0.how }
    case .who: { $0.who.joined(separator: actorSeparator) }
    case .when: { $0.when.text }
    case .status: { $0.status.text }
    case .category: { $0.status.category.name }
    case .priority: { $0.priority.map(String.init) ?? "" }
    case .start: { $0.when.interval?.start.iso ?? "" }
    case .end: { $0.when.interval?.end.iso ?? "" }
    }
  }
}
