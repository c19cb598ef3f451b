import PlanModel

/// A change statement, checked: the values to give, each read and checked as the plan loader checks it.
public enum CheckedChange {
  case set([(field: ActivityField, value: LogValue)])
  case comment(String)
  case remove
  /// The new activity's fields; its id is the plan file's next free one, found when it is written.
  case add([(field: ActivityField, value: LogValue)])
}

/// Checking change statements and `changed` conditions.
extension Checker {
  /// The fields `set` can change, by their names in the language.
  public static let settable: [ActivityField] = [.what, .how, .who, .when, .status, .priority, .direction]

  func checkChange(_ change: Change, of statement: Statement, into findings: inout CheckFindings)
    throws(QueryError) -> CheckedChange
  {
    let verb: String
    switch change {
    case .add: verb = "add activity"
    case .set, .comment, .remove: verb = source == .changes ? "" : "change"
    }
    if source == .changes {
      throw QueryError(
        .syntax, "the log of changes is not changed by hand; change the activities instead",
        at: change.range, notes: ["as in: activities where id = 19 set status = 'Pågår'"])
    }
    if let asOf = statement.asOf {
      throw QueryError(
        .syntax, "a change is made to the plan as it is now; leave out 'as of'", at: asOf.range)
    }
    let clauses: [(SourceRange?, String)] = [
      (statement.order?.first?.range, "order by"), (statement.select?.first?.range, "select"),
      (statement.group?.range, "group by"), (statement.count?.range, "count"),
      (statement.limit?.range, "limit"), (statement.timeline, "timeline"),
    ]
    if let (range, name) = clauses.first(where: { $0.0 != nil }) {
      throw QueryError(.syntax, "'\(name)' has no place in a \(verb) statement", at: range!)
    }
    switch change {
    case .set(let assignments, let range):
      try requireWhere(statement, at: range)
      return .set(try check(assignments, adding: false, into: &findings))
    case .comment(let note, let range):
      try requireWhere(statement, at: range)
      let text = try resolve(note).text.trimmingSpaces
      guard !text.isEmpty else { throw QueryError(.type, "a note has some text", at: note.range) }
      return .comment(text)
    case .remove(let range):
      try requireWhere(statement, at: range)
      return .remove
    case .add(let assignments, _):
      let values = try check(assignments, adding: true, into: &findings)
      for required in [ActivityField.direction, .what] where !values.contains(where: { $0.field == required })
      {
        throw QueryError(
          .syntax, "a new activity needs its \(required.name): add \(required.name) = '…'",
          at: statement.range)
      }
      return .add(values)
    }
  }

  /// A change without `where` would change every activity: refused, with how to say so on purpose.
  private func requireWhere(_ statement: Statement, at range: SourceRange) throws(QueryError) {
    guard statement.filter == nil else { return }
    throw QueryError(
      .syntax, "a change needs 'where' to say which activities it changes", at: range,
      notes: ["to change every activity on purpose, say so: activities where id > 0 …"])
  }

  private func check(_ assignments: [Assignment], adding: Bool, into findings: inout CheckFindings)
    throws(QueryError) -> [(field: ActivityField, value: LogValue)]
  {
    var values: [(field: ActivityField, value: LogValue)] = []
    for assignment in assignments {
      let field = try settableField(assignment.field)
      if values.contains(where: { $0.field == field }) {
        throw QueryError(.syntax, "'\(field.name)' is given twice", at: assignment.field.range)
      }
      values.append((field, try value(of: assignment, for: field, into: &findings)))
    }
    return values
  }

  /// The field an assignment names; derived and fixed fields are refused with what to set instead.
  private func settableField(_ name: Name) throws(QueryError) -> ActivityField {
    let field = source.field(named: name.text)
    switch field {
    case .id:
      throw QueryError(
        .name, "'id' is fixed: sekom numbers the activities; choose the activity with where id = N",
        at: name.range)
    case .category:
      throw QueryError(
        .name, "'kategori' is read from status; set status instead, as in status = 'Pågår'", at: name.range)
    case .start, .end:
      throw QueryError(
        .name, "'\(name.text)' is read from när; set när instead, as in när = 'hösten 2021'", at: name.range)
    case .comment:
      throw QueryError(
        .name, "a note is added with comment, as in: activities where id = 19 comment 'Klart'",
        at: name.range)
    case .what: return .what
    case .how: return .how
    case .who: return .who
    case .when: return .when
    case .status: return .status
    case .priority: return .priority
    case .direction: return .direction
    case nil, .time, .author, .group, .changedField, .from, .to:
      let names = Checker.settable.map(\.name)
      var message = "'\(name.text)' is not a field set can change"
      if let near = Spelling.nearest(name.text, in: names) { message += "; did you mean '\(near)'?" }
      throw QueryError(
        .name, message, at: name.range, notes: ["set changes " + names.joined(separator: ", ")])
    }
  }

  /// An assignment's value read as its field holds it, checked as the plan loader checks a file.
  private func value(of assignment: Assignment, for field: ActivityField, into findings: inout CheckFindings)
    throws(QueryError) -> LogValue
  {
    var values: [Value] = []
    for literal in assignment.values { values.append(try resolve(literal)) }
    if field != .who && assignment.isList {
      throw QueryError(.type, "'\(field.name)' takes one value, not a list", at: assignment.range)
    }
    let value = values[0]
    switch field {
    case .who:
      let names = values.flatMap { Actors.parseList($0.text) }
      return .actors(names)
    case .priority:
      // A parameter's value, or a quoted number, is a text: read as a number, as conditions read it.
      let number: Int? =
        if case .integer(let number) = value.kind { number } else { Int(value.text.trimmingSpaces) }
      guard let number, (1...3).contains(number) else {
        throw QueryError(
          .type, "prio is a whole number from 1 to 3, and \(value.describe) is not", at: value.range)
      }
      return .priority(number)
    case .direction:
      let declared = plan.metadata.directions
      let folded = SwedishCollation.fold(value.text)
      guard let direction = declared.first(where: { SwedishCollation.fold($0) == folded }) else {
        var message = "\(value.describe) is not one of the plan's inriktningar"
        let starting = declared.filter { SwedishCollation.fold($0).hasPrefix(folded) }
        if let near = Spelling.nearest(value.text, in: declared) ?? (starting.count == 1 ? starting[0] : nil)
        {
          message += "; did you mean '\(near)'?"
        }
        throw QueryError(
          .type, message, at: value.range,
          notes: ["the plan's inriktningar: " + declared.joined(separator: "; ")])
      }
      return .text(direction)
    case .when:
      let text = value.text.trimmingSpaces
      if !text.isEmpty && SwedishTime.interval(of: text, in: plan.timeContext) == nil {
        findings.warnings.append(
          QueryError(
            .warning,
            "\(value.describe) names no time sekom can read: the activity will have no start or slut",
            at: value.range))
      }
      return .text(text)
    case .what, .how, .status, .comment:
      return .text(value.text.trimmingSpaces)
    }
  }

  /// `[FIELD] changed [before|after|overlaps TIME]`.
  func check(_ changed: ChangedCondition) throws(QueryError) -> CheckedChangeTest {
    guard source == .activities else {
      throw QueryError(
        .syntax, "'changed' asks an activity's log; in changes, ask tid and fält instead", at: changed.range)
    }
    var field: ActivityField?
    if let name = changed.field {
      let named = source.field(named: name.text)
      guard let logged = named.flatMap({ ActivityField(rawValue: $0.name) }) else {
        let names = ActivityField.allCases.map(\.name)
        var message = "the log records no changes of '\(name.text)'"
        if let near = Spelling.nearest(name.text, in: names) { message += "; did you mean '\(near)'?" }
        throw QueryError(
          .name, message, at: name.range, notes: ["it records " + names.joined(separator: ", ")])
      }
      field = logged
    }
    var period: DayInterval?
    if let literal = changed.value { period = try self.period(try resolve(literal)) }
    return CheckedChangeTest(field: field, op: changed.op, period: period)
  }
}
