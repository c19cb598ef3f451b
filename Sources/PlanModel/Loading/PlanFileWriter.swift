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
    if !metadata.boardMeetings.isEmpty {
      members.append(
        "  \"styrelsemöten\": [" + metadata.boardMeetings.map { string($0.iso) }.joined(separator: ", ") + "]"
      )
    }
    members.append("  \"inriktningar\": " + array(metadata.directions.map { "    " + string($0) }))
    if !metadata.corrections.isEmpty {
      let corrections = metadata.corrections.map { c in
        "    {\"id\": \(c.activityID), \"fält\": \(string(c.field)), \"original\": \(string(c.original)), "
          + "\"rättat\": \(string(c.corrected)), \"skäl\": \(string(c.reason))}"
      }
      members.append("  \"rättelser\": " + array(corrections))
    }
    members.append("  \"aktiviteter\": " + array(plan.activities.map { activity($0) }))
    if !plan.log.isEmpty { members.append("  \"logg\": " + array(plan.log.map(logEntry))) }
    return "{\n" + members.joined(separator: ",\n") + "\n}\n"
  }

  private static func activity(_ activity: Activity, indent: String = "    ") -> String {
    var members = [
      "\"id\": \(activity.id)",
      "\"inriktning\": \(string(activity.direction))",
      "\"vad\": \(string(activity.what))",
      "\"hur\": \(string(activity.how))",
      "\"vem\": [" + activity.who.map(string).joined(separator: ", ") + "]",
      "\"när\": \(string(activity.when.text))",
      "\"status\": \(string(activity.status.text))",
      "\"prio\": " + (activity.priority.map(String.init) ?? "null"),
    ]
    if !activity.comment.isEmpty { members.append("\"kommentar\": \(string(activity.comment))") }
    return indent + "{\n" + members.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
  }

  /// A log entry on one line, or, for an addition or removal, with the activity below it.
  private static func logEntry(_ entry: LogEntry) -> String {
    var members = [
      "\"tid\": \(string(entry.time.iso))", "\"av\": \(string(entry.author))", "\"grupp\": \(entry.group)",
    ]
    if let undoes = entry.undoes { members.append("\"ångrar\": \(undoes)") }
    members += ["\"id\": \(entry.activityID)", "\"fält\": \(string(entry.fieldName))"]
    members.append("\"från\": " + logValue(entry.from))
    members.append("\"till\": " + logValue(entry.to))
    return "    {" + members.joined(separator: ", ") + "}"
  }

  private static func logValue(_ value: LogValue?) -> String {
    switch value {
    case nil: "null"
    case .text(let text): string(text)
    case .actors(let names): "[" + names.map(string).joined(separator: ", ") + "]"
    case .priority(let priority): priority.map(String.init) ?? "null"
    case .activity(let activity): "\n" + self.activity(activity, indent: "      ") + "\n    "
    }
  }

  /// Items already indented, one a line, inside brackets indented for a member of the top object.
  private static func array(_ items: [String]) -> String {
    items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
  }

  static func string(_ text: String) -> String { JSONText.quoted(text) }
}
