import PlanModel

/// How cells are shown in the formats people read: numbers aligned, empty group values named, the count
/// column's header. A field's value as text is `Field.text(actorSeparator:)`.
enum Cells {
  /// Numbers line up on the right in tables.
  static func isNumeric(_ field: Field) -> Bool { field.slot == .id || field.slot == .priority }

  /// A group's value where people read it: tables, markdown, HTML, the timeline. Machine formats write the
  /// empty value itself.
  static func groupLabel(_ value: String) -> String { value.isEmpty ? "(none)" : value }

  /// The header of the count column in `count by`.
  static let countHeader = "antal"
}
