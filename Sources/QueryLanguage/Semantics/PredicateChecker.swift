import PlanModel

/// Checks one predicate: that its field has its operator and that its values are of the field's type.
/// The values are read here, once, into what the evaluator compares with.
struct PredicateChecker {
  let checker: Checker
  let field: Field
  let predicate: Predicate

  typealias Operand = CheckedPredicate.Operand

  func check(into findings: inout CheckFindings) throws(QueryError) -> Operand {
    let op = predicate.op
    if op == .isEmpty || op == .isNotEmpty { return .none }
    switch field.type {
    case .integer: return try numbers(op)
    case .text:
      if field == .direction && op.isOrdering { return try directionPlace(op) }
      return try texts(op, into: &findings)
    case .actors: return try actors(op, into: &findings)
    case .time:
      if op.isTime { return .periods([try period(try resolvedValues()[0])]) }
      if op.isOrdering {
        throw QueryError(
          .type, "'\(op.rawValue)' does not compare times; use before, after or overlaps with 'när'",
          at: predicate.opRange)
      }
      return try texts(op, into: &findings)
    case .date: return try dates(op)
    case .category: return try categories(op)
    }
  }

  // MARK: Text

  private func texts(_ op: Operator, into findings: inout CheckFindings) throws(QueryError) -> Operand {
    let values = try resolvedValues()
    if op.isTime {
      throw QueryError(
        .type, "'\(op.rawValue)' compares times; use it on 'när', 'start' or 'slut', not on '\(field.name)'",
        at: predicate.opRange)
    }
    let operand: Operand =
      op == .matches
      ? .pattern(try regularExpression(values[0], into: &findings)) : .texts(values.map(\.text))
    if field == .direction && [.equal, .notEqual, .in].contains(op) {
      let directions = Dictionary(
        checker.plan.metadata.directions.map { (SwedishCollation.fold($0), $0) },
        uniquingKeysWith: { a, _ in a })
      for value in values {
        checker.warnIfAbsent(value, among: directions, what: "inriktning", into: &findings)
      }
    }
    return operand
  }

  /// `<`, `<=`, `>`, `>=` on `inriktning` compare places in the plan's list of inriktningar, as `order by
  /// inriktning` sorts, so the value must be one of them.
  private func directionPlace(_ op: Operator) throws(QueryError) -> Operand {
    let value = try resolvedValues()[0]
    let directions = checker.plan.metadata.directions
    let folded = SwedishCollation.fold(value.text)
    guard let target = directions.firstIndex(where: { SwedishCollation.fold($0) == folded }) else {
      var message =
        "\(value.describe) is not one of the plan's inriktningar, which '\(op.rawValue)' compares in plan order"
      let starting = directions.filter { TextSearch.hasPrefix(SwedishCollation.fold($0), folded) }
      if let near = Spelling.nearest(value.text, in: directions)
        ?? (starting.count == 1 ? starting.first : nil)
      {
        message += "; did you mean '\(near)'?"
      } else if directions.isEmpty {
        message += ", and this plan has none"
      } else {
        message += " (\(directions.map { "'\($0)'" }.joined(separator: ", ")))"
      }
      throw QueryError(.name, message, at: value.range)
    }
    return .directionPlace(target)
  }

  private func regularExpression(_ value: Checker.Value, into findings: inout CheckFindings)
    throws(QueryError)
    -> TextPattern
  {
    do {
      let pattern = try TextPattern(value.text, budget: findings.patternBudget)
      findings.patterns.append((pattern, value.range))
      return pattern
    } catch {
      throw QueryError(
        .type, "\(value.describe) is not a valid regular expression: \(error.message)",
        at: place(of: error, in: value))
    }
  }

  /// Where a pattern's mistake is in the source: exactly, when the value is written out as the pattern
  /// is (a bare word, or quoted without doubled quotes inside); else the whole value.
  private func place(of error: PatternError, in value: Checker.Value) -> SourceRange {
    guard !value.recomposed, let content = value.content, content.end - content.start == value.text.utf8.count
    else {
      return value.range
    }
    let start = content.start + error.offset
    return SourceRange(start: start, end: start + max(1, error.length))
  }

  // MARK: Actors

  private func actors(_ op: Operator, into findings: inout CheckFindings) throws(QueryError) -> Operand {
    let values = try resolvedValues()
    if op.isTime || op.isOrdering {
      throw QueryError(
        .type, "'\(op.rawValue)' does not apply to 'vem', a list of actors; use =, contains, in or matches",
        at: predicate.opRange)
    }
    if op == .matches { return .pattern(try regularExpression(values[0], into: &findings)) }
    if [.equal, .notEqual, .in].contains(op) {
      let actors = checker.plansActors(&findings)
      for value in values where actors[SwedishCollation.fold(Actors.named(value.text))] == nil {
        checker.warnIfAbsent(value, among: actors, what: "actor", into: &findings)
      }
    }
    return .texts(values.map(\.text))
  }

  // MARK: Numbers

  private func numbers(_ op: Operator) throws(QueryError) -> Operand {
    let numbers = try resolvedValues().map { (value: Checker.Value) throws(QueryError) -> Int in
      switch value.kind {
      case .integer(let number): return number
      // Parameters arrive as text, and '1' in quotes is still a number.
      case .string: if let number = Int(value.text) { return number }
      case .date, .month, .word, .parameter: break
      }
      throw QueryError(
        .type, "'\(field.name)' is a number, and \(value.describe) is not a whole number", at: value.range)
    }
    switch op {
    case .equal, .notEqual, .in, .less, .lessEqual, .greater, .greaterEqual, .isEmpty, .isNotEmpty:
      return .numbers(numbers)
    case .contains, .startsWith, .matches, .before, .after, .overlaps:
      throw QueryError(
        .type, "'\(op.rawValue)' works on text, and '\(field.name)' is a number; use =, <, >, in …",
        at: predicate.opRange)
    }
  }

  // MARK: Time

  /// A value read as days: a date, a month, a year, `today`, or a Swedish period such as "hösten 2021" or
  /// "årsmötet" (the plan's annual meeting).
  func period(_ value: Checker.Value) throws(QueryError) -> DayInterval {
    try checker.period(value)
  }

  /// `start` and `slut`: the days of every value; a time operator uses the first.
  private func dates(_ op: Operator) throws(QueryError) -> Operand {
    if op.isTime { return .periods([try period(try resolvedValues()[0])]) }
    var periods: [DayInterval] = []
    for value in try resolvedValues() { periods.append(try period(value)) }
    switch op {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in, .isEmpty, .isNotEmpty, .before,
      .after, .overlaps:
      return .periods(periods)
    case .contains, .startsWith, .matches:
      throw QueryError(
        .type, "'\(op.rawValue)' works on text, and '\(field.name)' is a date; use =, <, >, before, after …",
        at: predicate.opRange)
    }
  }

  // MARK: Categories

  private func categories(_ op: Operator) throws(QueryError) -> Operand {
    // The operator first: `kategori contains pa` is a wrong operator, not an unknown category.
    guard [.equal, .notEqual, .in].contains(op) else {
      throw QueryError(
        .type, "'\(op.rawValue)' does not apply to 'kategori'; use =, != or in with a category name",
        at: predicate.opRange)
    }
    var categories: [StatusCategory] = []
    for value in try resolvedValues() {
      let normalized = value.text.replacing("_", with: " ").replacing("-", with: " ")
      if let category = StatusCategory(name: normalized) {
        categories.append(category)
        continue
      }
      let names = StatusCategory.allCases.flatMap { [$0.name, $0.swedishName] }
      var message = "unknown category \(value.describe)"
      if let near = Spelling.nearest(normalized, in: names) {
        message += "; did you mean '\(near)'?"
      } else {
        message += " (categories: \(StatusCategory.allCases.map(\.name).joined(separator: ", ")))"
      }
      throw QueryError(.name, message, at: value.range)
    }
    return .categories(categories)
  }

  private func resolvedValues() throws(QueryError) -> [Checker.Value] {
    var values: [Checker.Value] = []
    for literal in predicate.operands { values.append(try checker.resolve(literal)) }
    return values
  }
}

extension Checker {
  /// A value read as days: a date, a month, a year, `today`, the board's last or next meeting, or a
  /// Swedish period such as "hösten 2021" or "årsmötet" (the plan's annual meeting).
  func period(_ value: Checker.Value) throws(QueryError) -> DayInterval {
    let checker = self
    let found: DayInterval?
    let folded = SwedishCollation.fold(value.text)
    let meetingWanted =
      TimeWord.lastMeeting.map(SwedishCollation.fold).contains(folded)
      ? true : TimeWord.nextMeeting.map(SwedishCollation.fold).contains(folded) ? false : nil
    if let last = meetingWanted {
      let metadata = plan.metadata
      let meeting =
        last ? metadata.lastMeeting(onOrBefore: today) : metadata.nextMeeting(after: today)
      guard let meeting else {
        throw QueryError(
          .type,
          "\(value.describe) is not a time in this plan: it lists no board meeting "
            + (last ? "on or before" : "after") + " \(today.iso)",
          at: value.range,
          notes: ["a JSON plan lists its board meetings as \"styrelsemöten\": [\"2021-06-14\", …]"])
      }
      return DayInterval(day: meeting)
    }
    if case .string = value.kind, value.parameter == nil {
      // A quoted 'today' is a text, not the day.
    } else if TimeWord.today.contains(SwedishCollation.fold(value.text)) {
      return DayInterval(day: checker.today)
    }
    switch value.kind {
    case .date(let day): found = DayInterval(day: day)
    case .month(let year, let month): found = DayInterval.month(month, of: year)
    case .integer(let year): found = PlanYear.range.contains(year) ? DayInterval.year(year) : nil
    case .string, .word, .parameter:
      found = SwedishTime.interval(of: value.text, in: checker.plan.timeContext)
    }
    guard let found else {
      if checker.plan.metadata.annualMeeting == nil && SwedishTime.namesAnnualMeeting(value.text) {
        throw QueryError(
          .type, "\(value.describe) is not a time in this plan: it has no annual meeting date",
          at: value.range,
          notes: ["a CSV plan file carries no metadata; a JSON plan gives the day as \"årsmöte\""])
      }
      throw QueryError(
        .type,
        "\(value.describe) is not a time; write a date (2021-05-11), a month (2021-05), a year (2021), "
          + "today, or a period such as \"hösten 2021\"", at: value.range)
    }
    return found
  }
}
