/// Reading the follow-up log of a JSON plan, `logg`: an array of entries such as
///
///     {"tid": "2021-06-14T10:02:11+02:00", "av": "Anna", "grupp": 3, "id": 19, "fält": "status",
///      "från": "Planeras", "till": "Genomfört 11 maj"}
///
/// `från` and `till` are strings, except for `vem` (an array of names), `prio` (a number or null) and
/// `aktivitet` (a whole activity object: `från` null for an addition, `till` null for a removal). An entry
/// made by `.undo` has `"ångrar": N`, the group it takes back.
extension JSONPlanReader {
  private static let logKeys = ["tid", "av", "grupp", "id", "fält", "från", "till", "ångrar"]
  /// The keys folded once: folding each key against each of them took most of the time of reading a
  /// long log.
  private static let foldedLogKeys = logKeys.map(SwedishCollation.fold)

  func logEntry(_ value: JSONToken) throws(PlanFileError) -> LogEntry {
    guard value.kind == .beginObject else { throw wrongType(value, field: "logg", expected: "an object") }
    var time: LogTime?
    var author = ""
    var group: Int?
    var id: Int?
    var undoes: Int?
    var fieldName: String?
    var from: JSONToken?
    var to: JSONToken?
    var fromValue: LogValue?
    var toValue: LogValue?
    // The values of `från` and `till` are read as the field says; the field may come after them, so they
    // are read when met if the field is known, and otherwise the entry is refused with the order to use.
    try members { keyToken throws(PlanFileError) in
      let key = try keyText(keyToken)
      let folded = SwedishCollation.fold(key)
      guard let index = JSONPlanReader.foldedLogKeys.firstIndex(of: folded) else {
        throw unknownKey(key, at: keyToken, in: "a log entry", known: JSONPlanReader.logKeys)
      }
      let name = JSONPlanReader.logKeys[index]
      let item = try tokens.next()
      switch name {
      case "tid":
        let text = ByteText.string(try string(item, field: "tid"))
        guard let parsed = LogTime(iso: text) else {
          throw tokens.error(
            at: item, field: "tid",
            "\(ByteText.quoted(text)) is not a time written as 2021-06-14T10:02:11+02:00")
        }
        time = parsed
      case "av": author = ByteText.string(try string(item, field: "av"))
      case "grupp": group = try integer(item, field: "grupp")
      case "id": id = try integer(item, field: "id")
      case "ångrar": undoes = try integer(item, field: "ångrar")
      case "fält": fieldName = SwedishCollation.fold(ByteText.string(try string(item, field: "fält")))
      case "från", "till":
        guard let fieldName else {
          throw tokens.error(
            at: keyToken, field: name, "a log entry gives \"fält\" before \"från\" and \"till\"")
        }
        let parsed = try logValue(item, field: fieldName, key: name)
        if name == "från" { (from, fromValue) = (item, parsed) } else { (to, toValue) = (item, parsed) }
      default: break
      }
    }
    guard let time, let group, let id, let fieldName else {
      throw tokens.error(
        at: value, field: "logg", "a log entry has the keys tid, av, grupp, id, fält, från and till")
    }
    let change: LogEntry.Change
    if fieldName == "aktivitet" {
      switch (fromValue, toValue) {
      case (nil, .activity(let activity)?): change = .added(activity)
      case (.activity(let activity)?, nil): change = .removed(activity)
      default:
        throw tokens.error(
          at: from ?? to ?? value, field: "logg",
          "an entry for \"aktivitet\" has the activity in \"till\" (added) or in \"från\" (removed), and null in the other"
        )
      }
    } else {
      guard let field = ActivityField(rawValue: fieldName) ?? (fieldName == "nar" ? .when : nil) else {
        throw tokens.error(
          at: value, field: "fält",
          "\(ByteText.quoted(fieldName)) is not a field the log records; it records "
            + ActivityField.allCases.map(\.name).joined(separator: ", ") + " and aktivitet")
      }
      change = .field(field, from: fromValue ?? field.emptyValue, to: toValue ?? field.emptyValue)
    }
    return LogEntry(time: time, author: author, group: group, activityID: id, change: change, undoes: undoes)
  }

  /// A `från` or `till` value, read as the field it belongs to.
  private func logValue(_ item: JSONToken, field: String, key: String) throws(PlanFileError) -> LogValue? {
    switch field {
    case "aktivitet":
      if item.kind == .null { return nil }
      guard item.kind == .beginObject else {
        throw wrongType(item, field: key, expected: "an activity object or null")
      }
      let fields = try activityFields(opening: item, number: 0)
      return .activity(
        Activity(
          id: fields.id ?? 0, direction: fields.direction, what: fields.what, how: fields.how,
          who: fields.who,
          when: WhenText(text: draft.whens.strings[fields.when], interval: nil), status: fields.status,
          priority: fields.priority, comment: fields.comment))
    case "vem": return .actors(try actors(item))
    case "prio": return .priority(item.kind == .null ? nil : try integer(item, field: key, orNull: true))
    default:
      if item.kind == .null { return .text("") }
      return .text(ByteText.string(try string(item, field: key)))
    }
  }
}

extension ActivityField {
  /// What a field holds when the log gives no value.
  var emptyValue: LogValue {
    switch self {
    case .who: .actors([])
    case .priority: .priority(nil)
    case .direction, .what, .how, .when, .status, .comment: .text("")
    }
  }
}

extension LogEntry {
  /// The entry with the `när` texts of the activities it holds read in the plan's context.
  func readingWhen(in context: TimeContext) -> LogEntry {
    var entry = self
    switch change {
    case .field: return self
    case .added(var activity):
      activity.when.interval = SwedishTime.interval(of: activity.when.text, in: context)
      entry.change = .added(activity)
    case .removed(var activity):
      activity.when.interval = SwedishTime.interval(of: activity.when.text, in: context)
      entry.change = .removed(activity)
    }
    return entry
  }
}
