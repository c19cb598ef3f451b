import PlanModel

/// A field's value as text, the same in every format but for how `vem`'s list is joined.
enum Cells {
  /// `vem` joined with ", " for reading.
  static func plainText(_ field: Field) -> (Activity) -> String {
    text(field, actorSeparator: ", ")
  }

  static func text(_ field: Field, actorSeparator: String) -> (Activity) -> String {
    switch field {
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

  /// Numbers line up on the right in tables.
  static func isNumeric(_ field: Field) -> Bool { field == .id || field == .priority }

  /// A group's value where people read it: tables, markdown, HTML, the timeline. Machine formats write the
  /// empty value itself.
  static func groupLabel(_ value: String) -> String { value.isEmpty ? "(none)" : value }

  /// The header of the count column in `count by`.
  static let countHeader = "antal"
}
