/// Reads a plan from the bytes of a JSON file.
///
/// The shape, which `PlanFile.json` also writes:
///
///     {
///       "titel": "Verksamhetsplan 2021",
///       "år": 2021,
///       "fastställd": "2021-03-22",
///       "årsmöte": "2021-05-28",
///       "inriktningar": ["Förebild och föregångare", "Pådrivare och opinionsbildare"],
///       "rättelser": [
///         {"id": 6, "fält": "vem", "original": "Styrels", "rättat": "Styrelse", "skäl": "last letter lost"}
///       ],
///       "aktiviteter": [
///         {
///           "id": 1,
///           "inriktning": "Förebild och föregångare",
///           "vad": "Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”",
///           "hur": "Ordförandeskap och deltagande i Arbetsgrupp 3 …",
///           "vem": ["Ordförande", "Kansli"],
///           "när": "Start 2018, beräknas klar våren 2021",
///           "status": "Pågår",
///           "prio": 1
///         }
///       ]
///     }
///
/// Every key but `aktiviteter` is optional. `fastställd` and `årsmöte` are ISO dates or null; `rättelser`
/// lists corrections made to the source text. In an activity, `id` is optional (a missing id is the
/// activity's position, 1…); `vem` is an array of actor names, or one string with names separated by `;`;
/// `prio` is a whole number or null; the other keys are strings and required. `nar` is accepted for
/// `när`, and key names are compared ignoring case. The keys `kategori`, `start` and `slut`, which sekom's
/// own JSON output carries, are accepted and ignored. Any other key is refused, with a suggestion when it
/// looks like a typo. A top-level array is read as the activities of a plan without metadata.
enum JSONReader {
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, into draft: inout PlanDraft) throws(PlanFileError) {
    if let error = ByteText.checkText(bytes, path: draft.path) { throw error }
    let tokens = JSONTokenizer(bytes: bytes, path: draft.path, start: ByteText.byteOrderMarkLength(bytes))
    let reader = JSONPlanReader(tokens: tokens, draft: draft)
    try reader.readDocument()
    draft = reader.draft
  }
}

/// The recursive-descent reader for the plan shape; recursion follows the shape, at most four levels,
/// except in `skip`, which the tokenizer's depth limit bounds.
final class JSONPlanReader {
  let tokens: JSONTokenizer
  // Written for every value: `unchecked` spares the run-time exclusivity check on each access, which costs
  // more than the work. No access overlaps another: closures given to `members` and `elements` touch the
  // draft, those methods do not.
  @exclusivity(unchecked) var draft: PlanDraft
  /// Keys that are not written exactly as in `exactKeys` are looked up by their bytes, so that a million
  /// activities do not make eight million Strings; `keyKinds` holds what each distinct key means.
  @exclusivity(unchecked) private var keys = StringInterner()
  @exclusivity(unchecked) private var keyKinds: [ActivityKey?] = []

  private enum ActivityKey: Equatable {
    case column(PlanColumn)
    /// `kommentar`, the latest follow-up note: optional, and not a column of CSV files.
    case comment
    case ignored
  }

  private static let ignoredKeys = ["kategori", "start", "slut"]
  private static let metadataKeys = [
    "titel", "år", "fastställd", "årsmöte", "styrelsemöten", "inriktningar", "rättelser", "aktiviteter",
    "logg",
  ]
  private static let correctionKeys = ["id", "fält", "original", "rättat", "skäl"]

  init(tokens: JSONTokenizer, draft: PlanDraft) {
    self.tokens = tokens
    self.draft = draft
  }

  func readDocument() throws(PlanFileError) {
    let first = try tokens.next()
    switch first.kind {
    case .end:
      throw PlanFileError(
        path: draft.path,
        message: "the file is empty: a JSON plan file holds an object with the key \"aktiviteter\", or an "
          + "array of activities")
    case .beginArray: try readActivities()
    case .beginObject: try readPlan(opening: first)
    default:
      throw tokens.error(
        at: first,
        "a JSON plan is an object with the key \"aktiviteter\", or an array of activities; found "
          + tokens.describe(first))
    }
    let last = try tokens.next()
    guard last.kind == .end else {
      throw tokens.error(
        at: last, "\(tokens.describe(last)) after the end of the plan; a file holds one plan")
    }
  }

  private func readPlan(opening: JSONToken) throws(PlanFileError) {
    var seen = Set<String>()
    try members { keyToken throws(PlanFileError) in
      let key = try keyText(keyToken)
      guard let name = JSONPlanReader.metadataKeys.first(where: { SwedishCollation.fold(key) == $0 }) else {
        throw unknownKey(key, at: keyToken, in: "a plan", known: JSONPlanReader.metadataKeys)
      }
      guard seen.insert(name).inserted else {
        throw tokens.error(at: keyToken, field: name, "the key appears twice in the plan")
      }
      let value = try tokens.next()
      switch name {
      case "titel": draft.title = ByteText.string(try string(value, field: name))
      case "år":
        let year = try integer(value, field: name)
        guard PlanYear.range.contains(year) else {
          throw tokens.error(
            at: value, field: name,
            "\(year) is not a plan year (\(PlanYear.range.lowerBound)–\(PlanYear.range.upperBound))")
        }
        draft.year = year
      case "fastställd": draft.adopted = try day(value, field: name)
      case "årsmöte": draft.annualMeeting = try day(value, field: name)
      case "styrelsemöten":
        try elements(of: value, field: name) { element throws(PlanFileError) in
          guard let meeting = try day(element, field: name) else {
            throw wrongType(element, field: name, expected: "a date written as 2021-06-14")
          }
          draft.boardMeetings.append(meeting)
        }
        draft.boardMeetings.sort()
      case "logg":
        try elements(of: value, field: name) { element throws(PlanFileError) in
          draft.log.append(try logEntry(element))
        }
      case "inriktningar":
        var directions: [String] = []
        try elements(of: value, field: name) { element throws(PlanFileError) in
          directions.append(ByteText.string(try string(element, field: name)))
        }
        draft.declaredDirections = directions
      case "rättelser":
        try elements(of: value, field: name) { element throws(PlanFileError) in
          draft.corrections.append(try correction(element))
        }
      default:
        guard value.kind == .beginArray else { throw wrongType(value, field: name, expected: "an array") }
        try readActivities()
      }
    }
    guard seen.contains("aktiviteter") else {
      throw tokens.error(
        at: opening, field: "aktiviteter", "the plan has no activities; add \"aktiviteter\": []")
    }
  }

  /// The activities of an array whose `[` has been read.
  private func readActivities() throws(PlanFileError) {
    try elementsAfterOpening { element throws(PlanFileError) in
      guard element.kind == .beginObject else {
        throw tokens.error(at: element, "an activity is an object; found \(tokens.describe(element))")
      }
      try readActivity(opening: element)
    }
  }

  private func readActivity(opening: JSONToken) throws(PlanFileError) {
    let fields = try activityFields(opening: opening, number: draft.count + 1)
    try draft.add(
      id: fields.id, line: opening.line, direction: fields.direction, what: fields.what, how: fields.how,
      who: fields.who, when: fields.when, status: fields.status, priority: fields.priority,
      comment: fields.comment)
  }

  /// What an activity object holds; `when` is the index of its `när` text in the draft's table.
  struct ActivityFields {
    var id: Int?
    var direction = "", what = "", how = "", who: [String] = []
    var when = 0
    var status = StatusText(text: "")
    var priority: Int?
    var comment = ""
  }

  /// Reads an activity object whose `{` has been read; `number` is its place, for messages.
  func activityFields(opening: JSONToken, number: Int) throws(PlanFileError) -> ActivityFields {
    var seen: UInt16 = 0
    var id: Int?
    var direction = "", what = "", how = "", who: [String] = []
    var when = 0
    var status: StatusText?
    var priority: Int?
    var comment = ""
    try members { keyToken throws(PlanFileError) in
      let kind = try activityKey(at: keyToken)
      if kind == .comment {
        guard seen & 1 << 15 == 0 else {
          throw tokens.error(at: keyToken, field: "kommentar", "the key appears twice in this activity")
        }
        seen |= 1 << 15
        comment = ByteText.string(try string(try tokens.next(), field: "kommentar"))
        return
      }
      guard case .column(let column) = kind else { return try skip(try tokens.next()) }
      guard seen & 1 << column.rawValue == 0 else {
        throw tokens.error(at: keyToken, field: column.name, "the key appears twice in this activity")
      }
      seen |= 1 << column.rawValue
      let value = try tokens.next()
      let field = column.name
      switch column {
      case .id:
        id = try integer(value, field: field)
        guard id! > 0 else {
          throw tokens.error(at: value, field: field, "\(id!) is not a positive whole number")
        }
      case .direction:
        direction = draft.directions.value(of: try string(value, field: field))
      case .what: what = draft.whats.string(of: try string(value, field: field))
      case .how: how = draft.hows.string(of: try string(value, field: field))
      case .who: who = try actors(value)
      case .when: when = draft.whens.index(of: try string(value, field: field))
      case .status: status = draft.status(try string(value, field: field))
      case .priority:
        if value.kind != .null { priority = try integer(value, field: field, orNull: true) }
      }
    }
    if let missing = PlanColumn.allCases.first(where: { $0 != .id && seen & 1 << $0.rawValue == 0 }) {
      throw tokens.error(
        at: opening, field: missing.name,
        "activity \(number) lacks this key; an activity has the keys "
          + PlanColumn.names.joined(separator: ", ") + " (id may be left out)")
    }
    return ActivityFields(
      id: id, direction: direction, what: what, how: how, who: who, when: when, status: status!,
      priority: priority, comment: comment)
  }

  /// The keys as sekom writes them, compared byte for byte before any other lookup.
  private static let exactKeys: [([UInt8], ActivityKey)] =
    PlanColumn.allCases.map { (Array($0.name.utf8), .column($0)) }
    + [(Array("kommentar".utf8), .comment)] + ignoredKeys.map { (Array($0.utf8), .ignored) }

  /// What an activity key means: one of `exactKeys`, or else looked up once per distinct key.
  private func activityKey(at token: JSONToken) throws(PlanFileError) -> ActivityKey {
    let bytes = try tokens.content(of: token)
    for (key, kind) in JSONPlanReader.exactKeys where key.count == bytes.count {
      var i = 0
      while i < key.count && key[i] == bytes[i] { i += 1 }
      if i == key.count { return kind }
    }
    let index = keys.index(of: bytes)
    if index == keyKinds.count {
      let key = keys.strings[index]
      let folded = SwedishCollation.fold(key)
      keyKinds.append(
        PlanColumn(name: key).map(ActivityKey.column)
          ?? (folded == "kommentar" ? .comment : JSONPlanReader.ignoredKeys.contains(folded) ? .ignored : nil)
      )
    }
    guard let kind = keyKinds[index] else {
      throw unknownKey(keys.strings[index], at: token, in: "an activity", known: PlanColumn.names)
    }
    return kind
  }

  /// `vem`: an array of names, or one string of names separated by `;`, or null for none.
  func actors(_ value: JSONToken) throws(PlanFileError) -> [String] {
    switch value.kind {
    case .null: return []
    case .string: return draft.whoList(try tokens.content(of: value))
    case .beginArray:
      var names: [String] = []
      try elements(of: value, field: "vem") { element throws(PlanFileError) in
        let list = draft.whoList(try string(element, field: "vem"))
        if names.isEmpty { names = list } else { names += list }
      }
      return names
    default: throw wrongType(value, field: "vem", expected: "an array of names")
    }
  }

  private func correction(_ value: JSONToken) throws(PlanFileError) -> Correction {
    guard value.kind == .beginObject else {
      throw wrongType(value, field: "rättelser", expected: "an object")
    }
    var fields: [String: String] = [:]
    var id: Int?
    try members { keyToken throws(PlanFileError) in
      let key = try keyText(keyToken)
      guard let name = JSONPlanReader.correctionKeys.first(where: { SwedishCollation.fold(key) == $0 }) else {
        throw unknownKey(key, at: keyToken, in: "a correction", known: JSONPlanReader.correctionKeys)
      }
      let item = try tokens.next()
      if name == "id" {
        id = try integer(item, field: name)
      } else {
        fields[name] = ByteText.string(try string(item, field: name))
      }
    }
    guard let id, let field = fields["fält"], let original = fields["original"],
      let corrected = fields["rättat"]
    else {
      throw tokens.error(
        at: value, field: "rättelser", "a correction has the keys id, fält, original, rättat and skäl")
    }
    return Correction(
      activityID: id, field: field, original: original, corrected: corrected, reason: fields["skäl"] ?? "")
  }

  // MARK: Values

  /// Calls `body` with each key of an object whose `{` has been read; `body` reads the value.
  func members(_ body: (JSONToken) throws(PlanFileError) -> Void) throws(PlanFileError) {
    var token = try tokens.next()
    if token.kind == .endObject { return }
    while true {
      guard token.kind == .string else {
        throw tokens.error(at: token, "expected a key in quotes; found \(tokens.describe(token))")
      }
      let colon = try tokens.next()
      guard colon.kind == .colon else {
        throw tokens.error(at: colon, "expected ':' after a key; found \(tokens.describe(colon))")
      }
      try body(token)
      token = try tokens.next()
      if token.kind == .endObject { return }
      guard token.kind == .comma else {
        throw tokens.error(at: token, "expected ',' or '}' after a value; found \(tokens.describe(token))")
      }
      token = try tokens.next()
    }
  }

  /// Calls `body` with the first token of each element of the array `opening` begins (it must be `[`, read
  /// already); `body` reads the rest of the element.
  func elements(
    of opening: JSONToken, field: String, _ body: (JSONToken) throws(PlanFileError) -> Void
  ) throws(PlanFileError) {
    guard opening.kind == .beginArray else { throw wrongType(opening, field: field, expected: "an array") }
    try elementsAfterOpening(body)
  }

  func elementsAfterOpening(_ body: (JSONToken) throws(PlanFileError) -> Void) throws(PlanFileError) {
    var token = try tokens.next()
    if token.kind == .endArray { return }
    while true {
      try body(token)
      token = try tokens.next()
      if token.kind == .endArray { return }
      guard token.kind == .comma else {
        throw tokens.error(at: token, "expected ',' or ']' after a value; found \(tokens.describe(token))")
      }
      token = try tokens.next()
      if token.kind == .endArray { throw tokens.error(at: token, "a ',' before ']'; remove it") }
    }
  }

  /// Reads past a value whose first token is given; recursion is bounded by the tokenizer's depth limit.
  func skip(_ first: JSONToken) throws(PlanFileError) {
    switch first.kind {
    case .beginObject: try members { _ throws(PlanFileError) in try skip(try tokens.next()) }
    case .beginArray:
      try elements(of: first, field: "") { element throws(PlanFileError) in try skip(element) }
    case .string, .number, .trueLiteral, .falseLiteral, .null: return
    default: throw tokens.error(at: first, "expected a JSON value; found \(tokens.describe(first))")
    }
  }

  func keyText(_ token: JSONToken) throws(PlanFileError) -> String {
    ByteText.string(try tokens.content(of: token))
  }

  func string(_ token: JSONToken, field: String) throws(PlanFileError) -> UnsafeBufferPointer<UInt8> {
    guard token.kind == .string else { throw wrongType(token, field: field, expected: "a string") }
    let content = try tokens.content(of: token)
    return UnsafeBufferPointer(rebasing: content[ByteText.trimmed(content, 0, content.count)])
  }

  func integer(_ token: JSONToken, field: String, orNull: Bool = false) throws(PlanFileError) -> Int {
    let expected = orNull ? "a whole number or null" : "a whole number"
    guard token.kind == .number else { throw wrongType(token, field: field, expected: expected) }
    let text = UnsafeBufferPointer(rebasing: tokens.bytes[token.start..<token.end])
    guard let value = ByteText.integer(text) else {
      throw tokens.error(at: token, field: field, "\(ByteText.string(text)) is not \(expected)")
    }
    return value
  }

  func day(_ token: JSONToken, field: String) throws(PlanFileError) -> Day? {
    if token.kind == .null { return nil }
    let text = ByteText.string(try string(token, field: field))
    guard let day = Day(iso: Substring(text)) else {
      throw tokens.error(
        at: token, field: field, "\(ByteText.quoted(text)) is not a date written as 2021-05-28")
    }
    return day
  }

  func wrongType(_ token: JSONToken, field: String, expected: String) -> PlanFileError {
    tokens.error(at: token, field: field, "expected \(expected); found \(tokens.describe(token))")
  }

  func unknownKey(_ key: String, at token: JSONToken, in place: String, known: [String])
    -> PlanFileError
  {
    let candidates =
      place == "an activity" ? known + ["nar", "kommentar"] + JSONPlanReader.ignoredKeys : known
    let hint =
      Spelling.nearest(key, in: candidates).map { "did you mean '\($0 == "nar" ? "när" : $0)'?" }
      ?? "the keys are \(known.joined(separator: ", "))"
    return tokens.error(at: token, field: key, "no such key in \(place); \(hint)")
  }
}
