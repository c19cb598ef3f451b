import PlanModel

/// How cells are shown: numbers aligned, empty group values named, categories in the report's language,
/// the count column's header. A field's value as text is otherwise `Field.text(actorSeparator:)`.
enum Cells {
  /// Numbers line up on the right in tables.
  static func isNumeric(_ field: Field) -> Bool { field.slot == .id || field.slot == .priority }

  /// A field's value as written in every format, `vem` joined by `actorSeparator`; a category named in
  /// the report's language.
  static func text(_ field: Field, words: ReportWords, actorSeparator: String = ", ") -> (Activity) -> String
  {
    guard field == .category else { return field.text(actorSeparator: actorSeparator) }
    return { words.category($0.status.category) }
  }

  /// A group's value as the machine formats write it: the value itself, a category in the report's
  /// language.
  static func groupValue(_ value: String, of field: Field, words: ReportWords) -> String {
    guard field == .category, let category = StatusCategory(name: value) else { return value }
    return words.category(category)
  }

  /// A group's value where people read it: tables, markdown, HTML, the timeline. Machine formats write the
  /// empty value itself.
  static func groupLabel(_ value: String, of field: Field, words: ReportWords) -> String {
    value.isEmpty ? words.emptyValue : groupValue(value, of: field, words: words)
  }

  /// The header of the count column in `count by`.
  static let countHeader = "antal"
}
