/// Writes plans as the CSV and JSON files `CSVReader` and `JSONReader` read, so that a plan can be exported,
/// edited in a spreadsheet or an editor and read back unchanged.
enum PlanFileWriter {
  static func csv(_ plan: Plan) -> String {
    var out = PlanColumn.names.joined(separator: ",") + "\n"
    for activity in plan.activities {
      out += String(activity.id)
      for text in [
        activity.direction, activity.what, activity.how, activity.who.joined(separator: "; "),
        activity.when.text,
        activity.status.text,
      ] {
        out += ","
        out += csvField(text)
      }
      out += ","
      if let priority = activity.priority { out += String(priority) }
      out += "\n"
    }
    return out
  }

  /// A field as RFC 4180 wants it: in quotes, with quotes doubled, when it holds a comma, a quote or a line
  /// break.
  static func csvField(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
      return text
    }
    var out = "\""
    for character in text.unicodeScalars {
      if character == "\"" { out += "\"" }
      out.unicodeScalars.append(character)
    }
    return out + "\""
  }

  static func json(_ plan: Plan) -> String {
    let metadata = plan.metadata
    var members = [
      "  \"titel\": \(string(metadata.title))",
      "  \"år\": \(metadata.year)",
    ]
    if let adopted = metadata.adopted { members.append("  \"fastställd\": \(string(adopted.iso))") }
    if let meeting = metadata.annualMeeting { members.append("  \"årsmöte\": \(string(meeting.iso))") }
    members.append("  \"inriktningar\": " + array(metadata.directions.map { "    " + string($0) }))
    if !metadata.corrections.isEmpty {
      let corrections = metadata.corrections.map { c in
        "    {\"id\": \(c.activityID), \"fält\": \(string(c.field)), \"original\": \(string(c.original)), "
          + "\"rättat\": \(string(c.corrected)), \"skäl\": \(string(c.reason))}"
      }
      members.append("  \"rättelser\": " + array(corrections))
    }
    members.append("  \"aktiviteter\": " + array(plan.activities.map(activity)))
    return "{\n" + members.joined(separator: ",\n") + "\n}\n"
  }

  private static func activity(_ activity: Activity) -> String {
    let members = [
      "\"id\": \(activity.id)",
      "\"inriktning\": \(string(activity.direction))",
      "\"vad\": \(string(activity.what))",
      "\"hur\": \(string(activity.how))",
      "\"vem\": [" + activity.who.map(string).joined(separator: ", ") + "]",
      "\"när\": \(string(activity.when.text))",
      "\"status\": \(string(activity.status.text))",
      "\"prio\": " + (activity.priority.map(String.init) ?? "null"),
    ]
    return "    {\n" + members.map { "      " + $0 }.joined(separator: ",\n") + "\n    }"
  }

  /// Items already indented, one a line, inside brackets indented for a member of the top object.
  private static func array(_ items: [String]) -> String {
    items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
  }

  static func string(_ text: String) -> String { JSONText.quoted(text) }
}
