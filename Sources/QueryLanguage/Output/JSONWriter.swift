import PlanModel

/// JSON: an array of activities, each whole unless `select` names fields; `vem` as an array, `start` and
/// `slut` as ISO dates or null. Groups are objects holding the group's value and its activities; a group's
/// value, in groups and in `count by`, is written as that field is in an activity, so that it can be matched
/// against them: a number for `id` and `prio`, null for no `prio`, `start` or `slut`, "" for an empty text.
struct JSONWriter {
  var words = ReportWords()

  /// Every field, for an activity given whole.
  private static let wholeActivity: [Field] = [
    .id, .direction, .what, .how, .who, .when, .status, .category, .priority, .start, .end, .comment,
  ]

  func render(_ result: QueryResult) -> String {
    switch result {
    case .activities(let columns, let selected, let rows):
      let fields = selected ? columns : JSONWriter.wholeActivity
      return array(rows.map { object($0, fields: fields, indent: "  ") }, indent: "") + "\n"
    case .groups(let field, let columns, let selected, let groups):
      let fields = selected ? columns : JSONWriter.wholeActivity
      let items = groups.map { group in
        let activities = array(
          group.rows.map { object($0, fields: fields, indent: "      ") }, indent: "    ")
        return
          "  {\n    \(string(field.name)): \(groupValue(group.value, of: field)),\n    \"aktiviteter\": \(activities)\n  }"
      }
      return array(items, indent: "") + "\n"
    case .counts(let field, let entries):
      let items = entries.map {
        "  {\(string(field.name)): \(groupValue($0.value, of: field)), \(string(Cells.countHeader)): \($0.count)}"
      }
      return array(items, indent: "") + "\n"
    case .count(let n):
      return "\(n)\n"
    }
  }

  private func array(_ items: [String], indent: String) -> String {
    items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
  }

  private func object(_ activity: Activity, fields: [Field], indent: String) -> String {
    let members = fields.map { field in "\(indent)  \(string(field.name)): \(value(field, of: activity))" }
    return "\(indent){\n" + members.joined(separator: ",\n") + "\n\(indent)}"
  }

  private func value(_ field: Field, of activity: Activity) -> String {
    switch field.slot {
    case .id: String(activity.id)
    case .priority: activity.priority.map(String.init) ?? "null"
    case .who: "[" + activity.who.map(string).joined(separator: ", ") + "]"
    case .start: activity.when.interval.map { string($0.start.iso) } ?? "null"
    case .end: activity.when.interval.map { string($0.end.iso) } ?? "null"
    case .category: string(words.category(activity.status.category))
    default: string(field.plainText(activity))
    }
  }

  /// A group's value as `value(_:of:)` writes the field: the value is that field's text in an activity.
  func groupValue(_ text: String, of field: Field) -> String {
    let slot = field.slot
    if text.isEmpty && (slot == .priority || slot == .start || slot == .end) { return "null" }
    return slot == .id || slot == .priority ? text : string(Cells.groupValue(text, of: field, words: words))
  }

  func string(_ text: String) -> String { JSONText.quoted(text) }
}
