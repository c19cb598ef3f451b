import LineEditor
import PlanModel
import Platform
import QueryLanguage

/// Tab completion that knows where the cursor is: keywords and the source at the start, field names where
/// a field goes (those of `changes` in a statement on the log), operators and `changed` after a field, the
/// plan's own values after an operator, the change words after a `where` condition, the fields `set` and
/// `add activity` give and their values, dot-commands after `.` with their set words, and file names after
/// `.read`, `.plan` and `.output`.
struct Completer {
  let session: Session

  /// Candidates for the word before the cursor. `pending` holds the lines of the statement typed before
  /// this one, which give the context.
  func complete(pending: [String], line: String) -> Completion {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    if pending.isEmpty && trimmed.hasPrefix(".") { return dotCommand(line) }
    let context = (pending + [line]).joined(separator: "\n")
    let source = SourceText(name: "", text: context)
    var tokens = Lexer.tokens(of: source).dropLast()
    let lineStart = context.utf8.count - line.utf8.count
    // The word being typed, if the cursor is at the end of one.
    var prefix = ""
    var prefixStart = context.utf8.count
    // The quote that closes the string being typed, if the cursor is inside one.
    var closingQuote: String?
    if let last = tokens.last, last.range.end == source.bytes.count {
      switch last.kind {
      case .word, .integer, .date, .month:
        prefix = source.slice(last.range)
        prefixStart = last.range.start
        tokens.removeLast()
      case .unclosedString:
        prefix = source.slice(last.content)
        prefixStart = last.content.start
        closingQuote = Lexer.closingQuote(of: last, in: source)
        tokens.removeLast()
      case .parameter, .error:
        // `$ve` is a parameter being named; a `$` alone is one about to be.
        if last.kind == .parameter || source.slice(last.range) == "$" {
          prefix = source.slice(last.range)
          prefixStart = last.range.start
          tokens.removeLast()
        }
      default:
        break
      }
    }
    let characters = { (offset: Int) in
      String(decoding: source.bytes[lineStart..<max(lineStart, offset)], as: UTF8.self).count
    }
    if prefix.hasPrefix("$") {
      let names = session.parameters.keys.sorted(by: SwedishCollation.precedes).map { "$" + $0 }
      return Completion(wordStart: characters(prefixStart), candidates: names.filter { $0.hasPrefix(prefix) })
    }
    // Tab on an empty line lists what a line can start with, and puts in nothing.
    if pending.isEmpty && trimmed.isEmpty {
      let starts = phrases(Keyword.sources, in: .unknown) + session.commands.map { "." + $0.name }
      return Completion(wordStart: line.count, candidates: starts)
    }
    let offer = self.candidates(after: Array(tokens), in: source, inString: closingQuote != nil)
    let folded = SwedishCollation.fold(prefix)
    var unique: [String] = []
    for candidate in offer.words where SwedishCollation.fold(candidate).hasPrefix(folded) {
      if !unique.contains(candidate) { unique.append(candidate) }
    }
    if offer.areValues { unique = Self.written(values: unique, closingQuote: closingQuote) }
    return Completion(wordStart: characters(prefixStart), candidates: unique)
  }

  /// Words to offer, and whether they are the plan's values, which may need quotes.
  private struct Offer {
    var words: [String]
    var areValues = false
  }

  /// The matching plan values as candidates for the line editor, which writes a single candidate in whole
  /// and, of several, puts in their common start when it is longer than the word typed, else lists them.
  ///
  /// One value is written quoted and closed when it needs quotes, so Tab finishes it. Several are given as
  /// the plan writes them: the list is plain, and their common start goes in as a bare word, no quote left
  /// open. Only when a bare word cannot hold that start ("Samverka med …" shares a space) does the quote
  /// open with it: every candidate needs it, and the value can go on only inside it. Inside a string the
  /// quote is the user's, closed after a single value only.
  private static func written(values: [String], closingQuote: String?) -> [String] {
    if let closingQuote {
      // A quote inside is doubled, as the lexer reads it.
      let escaped = values.map { $0.replacing(closingQuote, with: closingQuote + closingQuote) }
      return escaped.count == 1 ? [escaped[0] + closingQuote] : escaped
    }
    let quoted = { (value: String) in
      Self.needsQuotes(value) ? "'\(value.replacing("'", with: "''"))'" : value
    }
    if values.count == 1 || Self.needsQuotes(LineEditor.commonPrefix(values)) { return values.map(quoted) }
    return values
  }

  /// Whether a value must be quoted to be read as one value: anything but letters, digits and hyphens.
  private static func needsQuotes(_ value: String) -> Bool {
    value.contains { !($0.isLetter || $0.isNumber || $0 == "-") }
  }

  // MARK: Statements

  /// The language of a statement, from its first word: the words offered are written in it, and in both
  /// when nothing says which yet.
  enum Language {
    case english, swedish, unknown

    init(of token: QueryLanguage.Token?, in source: SourceText) {
      guard let token, token.kind == .word else {
        self = .unknown
        return
      }
      let word = source.slice(token.range).lowercased()
      if Keyword.isSwedish(word) {
        self = .swedish
      } else {
        self = Keyword.allCases.contains { $0.name == word } ? .english : .unknown
      }
    }

    /// Keyword phrases are written in Swedish only in a Swedish statement.
    var isSwedish: Bool {
      switch self {
      case .swedish: true
      case .english, .unknown: false
      }
    }
  }

  private func candidates(after tokens: [QueryLanguage.Token], in source: SourceText, inString: Bool)
    -> Offer
  {
    // Only the statement being typed counts: start after the last `;`.
    let statements = tokens.split(omittingEmptySubsequences: false, whereSeparator: { $0.kind == .semicolon })
    let statement = Array(statements.last ?? [])
    guard let last = statement.last else {
      // A new statement after another: its source, in the language of the one before.
      let before = statements.dropLast().last { !$0.isEmpty }
      return Offer(words: phrases(Keyword.sources, in: Language(of: before?.first, in: source)))
    }
    let language = Language(of: statement.first, in: source)
    let swedish = language.isSwedish
    let text = { (token: QueryLanguage.Token) in source.slice(token.range) }
    let rows: RowSource = statement[0].is(.changes) ? .changes : .activities
    let fieldOf = { (token: QueryLanguage.Token) in token.kind == .word ? rows.field(named: text(token)) : nil
    }

    // `add activity` (`lägg till aktivitet`): the rest of its words, then its assignments.
    if statement[0].is(.add) {
      let words = Keyword.add.phrase(swedish: swedish).split(separator: " ")
      guard let activity = statement.firstIndex(where: { $0.is(.activity) }) else {
        let rest =
          statement.count < words.count ? [words.dropFirst(statement.count).joined(separator: " ")] : []
        return Offer(words: rest)
      }
      return assignments(Array(statement[(activity + 1)...]), inString: inString, language: language, text)
    }
    if let set = statement.lastIndex(where: { $0.is(.set) }) {
      return assignments(Array(statement[(set + 1)...]), inString: inString, language: language, text)
    }
    // A note and a removal end the statement: nothing to offer after them but Swedish `ta`'s `bort`.
    if last.is(.remove) && swedish { return Offer(words: [Keyword.bort.swedish]) }
    if statement.contains(where: { $0.is(.comment) || $0.is(.remove) }) { return Offer(words: []) }
    // `as of DAY`, `per DAY`: a day goes after it.
    if last.is(.as) && !Keyword.isSwedish(text(last).lowercased()) { return Offer(words: [Keyword.of.name]) }
    if last.is(.of) || (last.is(.as) && Keyword.isSwedish(text(last).lowercased())) {
      return Offer(words: timeValues(in: language), areValues: true)
    }

    if inString || isValuePosition(statement, text) {
      let field = fieldBefore(statement, fieldOf)
      // A time goes after before, after and overlaps, and where start or slut is compared.
      if isTimeOperator(statement, statement.count - 1) || field == .start || field == .end {
        return Offer(words: timeValues(in: language), areValues: true)
      }
      return Offer(words: values(for: field, in: language), areValues: true)
    }
    // `vad not`: the operators that `not` can go before. A field name written as a value does not count.
    if last.is(.not), statement.count >= 2, case let before = statement[statement.count - 2],
      let field = fieldOf(before),
      !isValuePosition(Array(statement.dropLast(2)), text)
    {
      return Offer(words: negatableOperators(for: field, swedish: swedish))
    }
    let list = listClause(statement, fieldOf)
    // After an order key's direction: another key or a new clause.
    if last.is(.asc) || last.is(.desc), list == .order {
      return Offer(words: [","] + clauseWords(statement, swedish: swedish))
    }
    let fieldNames = rows.fields.map(\.name)
    // A condition may start with `changed` (any field, or a note) in a statement on the activities.
    let changed = rows == .activities ? [Keyword.changed.phrase(swedish: swedish)] : []
    if last.is(.where) || last.is(.and) || last.is(.or) || last.is(.not) || last.kind == .leftParen {
      return Offer(words: fieldNames + changed)
    }
    if last.is(.select) || last.is(.by) || last.kind == .comma { return Offer(words: fieldNames) }
    // `FIELD changed` is a whole condition, or takes a time operator.
    if last.is(.changed) {
      let times = keywords([.before, .after, .overlaps], swedish: swedish)
      return Offer(words: times + clauseWords(statement, swedish: swedish))
    }
    if let field = fieldOf(last) {
      if statement.count >= 2, isFieldListPosition(statement[statement.count - 2]) {
        // An order key may take a direction; `select` and `order by` take more fields, the others one.
        let directions = list == .order ? keywords([.asc, .desc], in: language) : []
        let more = list == .order || list == .select ? [","] : []
        return Offer(words: directions + more + clauseWords(statement, swedish: swedish))
      }
      // The log records changes of the plan's own fields, not of the derived ones.
      let logged = rows == .activities && ActivityField(rawValue: field.name) != nil
      return Offer(words: operators(for: field, swedish: swedish) + (logged ? changed : []))
    }
    if last.is(.order) || last.is(.group) { return Offer(words: [swedish ? "efter" : "by"]) }
    if last.is(.count) {
      return Offer(words: [swedish ? "efter" : "by"] + clauseWords(statement, swedish: swedish))
    }
    return Offer(words: clauseWords(statement, swedish: swedish))
  }

  /// The assignments of `set` and `add activity`, from the first one: the fields they can give (each
  /// once), `=` after one, its values (a list in parentheses for `vem`), then `,` for the next.
  private func assignments(
    _ tokens: [QueryLanguage.Token], inString: Bool, language: Language, _ text: (Token) -> String
  ) -> Offer {
    var parts: [[QueryLanguage.Token]] = [[]]
    var depth = 0
    for token in tokens {
      switch token.kind {
      case .leftParen: depth += 1
      case .rightParen: depth -= 1
      case .comma where depth == 0:
        parts.append([])
        continue
      default: break
      }
      parts[parts.count - 1].append(token)
    }
    let current = parts.removeLast()
    func named(_ token: QueryLanguage.Token?) -> Field? {
      guard let token, token.kind == .word else { return nil }
      return RowSource.activities.field(named: text(token))
    }
    guard let first = current.first else {
      let given = parts.compactMap { named($0.first) }
      return Offer(words: Checker.settable.map(\.name).filter { name in !given.contains { $0.name == name } })
    }
    guard current.count >= 2, current[1].kind == .equal else {
      return Offer(words: current.count == 1 && !inString ? ["="] : [])
    }
    let value = current.dropFirst(2)
    let inList = value.first?.kind == .leftParen && value.last?.kind != .rightParen
    if inString || value.isEmpty || (inList && [.leftParen, .comma].contains(value.last?.kind)) {
      return Offer(words: assignedValues(for: named(first), in: language), areValues: true)
    }
    return Offer(words: inList ? [",", ")"] : [","])
  }

  /// The values a field can be set to, as a condition offers them; but `när` only as periods and texts
  /// that name days, as others get a warning, and `prio` as 1–3, whichever of them the plan has now.
  private func assignedValues(for field: Field?, in language: Language) -> [String] {
    switch field {
    case .when:
      let plan = session.plan
      let periods = SwedishTime.periodNames(in: plan.timeContext)
      return periods + Self.dated(values(for: .when, in: language), in: plan, besides: periods)
    case .priority: return (1...3).map(String.init)
    default: return values(for: field, in: language)
    }
  }

  /// After an operator that takes a value, or inside `in (…)`.
  private func isValuePosition(_ tokens: [QueryLanguage.Token], _ text: (Token) -> String) -> Bool {
    guard let last = tokens.last else { return false }
    switch last.kind {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    case .leftParen, .comma:
      // Inside an `in` list: a field, `in`, `(`, values and commas.
      var index = tokens.count - 1
      while index > 0
        && (tokens[index].kind == .comma || tokens[index].kind == .leftParen
          || [.word, .string, .integer].contains(tokens[index].kind))
        && !tokens[index].is(.in)
      {
        if tokens[index].kind == .leftParen { return tokens[index - 1].is(.in) }
        index -= 1
      }
      return false
    case .word:
      return last.is(.contains) || last.is(.with) || last.is(.matches)
        || isTimeOperator(tokens, tokens.count - 1)
    default: return false
    }
  }

  /// Whether the token at `index` is `before`, `after` or `overlaps` as an operator. "efter" is also the
  /// `by` of `sortera efter`, `gruppera efter` and `antal efter`, where a field follows, not a time.
  private func isTimeOperator(_ tokens: [QueryLanguage.Token], _ index: Int) -> Bool {
    guard tokens.indices.contains(index) else { return false }
    let token = tokens[index]
    if token.is(.before) || token.is(.overlaps) { return true }
    guard token.is(.after) else { return false }
    return
      !(index > 0
      && (tokens[index - 1].is(.order) || tokens[index - 1].is(.group) || tokens[index - 1].is(.count)))
  }

  private func isFieldListPosition(_ token: QueryLanguage.Token) -> Bool {
    token.is(.select) || token.is(.by) || token.kind == .comma
  }

  /// The clause whose field list the statement ends in: `select`, `order`, `group` or `count`, or nil.
  private func listClause(_ statement: [QueryLanguage.Token], _ fieldOf: (Token) -> Field?) -> Keyword? {
    var index = statement.count - 1
    while index >= 0 {
      let token = statement[index]
      if token.is(.select) { return .select }
      if token.is(.by) && index > 0 {
        for clause: Keyword in [.order, .group, .count] where statement[index - 1].is(clause) {
          return clause
        }
      }
      guard token.kind == .word || token.kind == .comma else { return nil }
      guard token.kind == .comma || token.is(.asc) || token.is(.desc) || fieldOf(token) != nil
      else { return nil }
      index -= 1
    }
    return nil
  }

  /// The field a value is being written for: the nearest field name before the cursor.
  private func fieldBefore(_ tokens: [QueryLanguage.Token], _ fieldOf: (Token) -> Field?) -> Field? {
    for token in tokens.reversed() {
      if let field = fieldOf(token) { return field }
    }
    return nil
  }

  /// The operators a field of each type takes, as the checker (`PredicateCompiler`) accepts them; `is
  /// empty` and `is not empty` go with every field.
  static func operators(for type: FieldType) -> [Operator] {
    let equality: [Operator] = [.equal, .notEqual]
    let ordering: [Operator] = [.less, .lessEqual, .greater, .greaterEqual]
    let text: [Operator] = [.contains, .startsWith, .matches]
    let time: [Operator] = [.before, .after, .overlaps]
    switch type {
    case .integer: return equality + ordering + [.in]
    case .text: return equality + ordering + text + [.in]
    case .actors: return equality + text + [.in]
    // `när` is text to =, contains and the like, but its order is by days, which only the time words ask.
    case .time: return equality + text + [.in] + time
    case .date: return equality + ordering + [.in] + time
    case .category: return equality + [.in]
    }
  }

  /// The operators `not` can go before: those without an opposite of their own.
  static func negatable(_ op: Operator) -> Bool {
    ![.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op)
  }

  private func operators(for field: Field, swedish: Bool) -> [String] {
    Self.operators(for: field.type).map { spelling($0, swedish: swedish) }
      + (swedish ? ["är tom", "är inte tom", "inte"] : ["is empty", "is not empty", "not"])
  }

  private func negatableOperators(for field: Field, swedish: Bool) -> [String] {
    Self.operators(for: field.type).filter(Self.negatable).map { spelling($0, swedish: swedish) }
  }

  /// An operator as the keyword table spells it; the symbols are the same in both languages.
  private func spelling(_ op: Operator, swedish: Bool) -> String {
    let words: [Keyword]
    switch op {
    case .contains: words = [.contains]
    case .startsWith: words = [.starts, .with]
    case .matches: words = [.matches]
    case .in: words = [.in]
    case .isEmpty: words = [.is, .empty]
    case .isNotEmpty: words = [.is, .not, .empty]
    case .before: words = [.before]
    case .after: words = [.after]
    case .overlaps: words = [.overlaps]
    default: return op.rawValue
    }
    return keywords(words, swedish: swedish).joined(separator: " ")
  }

  /// What can come after a whole condition or clause, from the keyword table: a connective inside a
  /// `where`, and the clauses the statement can still take. Each clause comes at most once, and `count`
  /// goes with neither `select` nor `group by` (nor, counting all, with `limit`), as the checker says,
  /// nor with `timeline`, which it leaves unused.
  private func clauseWords(_ statement: [QueryLanguage.Token], swedish: Bool) -> [String] {
    var given: [Keyword] = []
    var countsAll = false
    for (index, token) in statement.enumerated() {
      for clause in Keyword.clauses where token.kind == .word && token.is(clause) {
        given.append(clause)
        if clause == .count {
          countsAll = !(statement.indices.contains(index + 1) && statement[index + 1].is(.by))
        }
      }
    }
    var excluded = given
    // A count prints numbers, which a timeline would not draw.
    if given.contains(.count) { excluded += [.select, .group, .timeline] + (countsAll ? [.limit] : []) }
    if given.contains(.select) || given.contains(.group) || given.contains(.timeline) {
      excluded.append(.count)
    }
    let connectives =
      given.last == .where
      ? Keyword.allCases.filter { $0.role == .connective }.map { $0.phrase(swedish: swedish) } : []
    let clauses = Keyword.clauses.filter { !excluded.contains($0) }.flatMap { clause in
      // `count` counts all; `count by` is offered whole, as it counts each group.
      let phrase = clause.phrase(swedish: swedish)
      return clause == .count ? [phrase, phrase + " " + Keyword.by.phrase(swedish: swedish)] : [phrase]
    }
    // A change goes after a whole `where` condition, and with no other clause.
    let isActivities = statement.first.map { $0.is(.activities) } ?? false
    let changes =
      isActivities && given == [.where] ? Keyword.changeWords.map { $0.phrase(swedish: swedish) } : []
    return connectives + clauses + changes
  }

  private func keywords(_ list: [Keyword], swedish: Bool) -> [String] {
    list.map { swedish && $0.spellings.count > 1 ? $0.spellings[1] : $0.name }
  }

  /// Whole phrases (`add activity`, `lägg till aktivitet`) in a statement's language, as `keywords`.
  private func phrases(_ list: [Keyword], in language: Language) -> [String] {
    let english = list.map { $0.phrase(swedish: false) }
    let swedish = list.map { $0.phrase(swedish: true) }
    switch language {
    case .english: return english
    case .swedish: return swedish
    case .unknown: return english + swedish
    }
  }

  /// Keywords in a statement's language; in both, English first, when it has none yet.
  private func keywords(_ list: [Keyword], in language: Language) -> [String] {
    switch language {
    case .english: keywords(list, swedish: false)
    case .swedish: keywords(list, swedish: true)
    case .unknown: keywords(list, swedish: false) + keywords(list, swedish: true)
    }
  }

  /// What a time can be written as, for `before`, `after`, `overlaps` and comparisons of `start` and
  /// `slut`: the word for today, the plan year's periods and the plan's own `när` texts that name days.
  /// Texts that name none ("Vid behov", "Vilande") would fail as times and are not offered.
  private func timeValues(in language: Language) -> [String] {
    let plan = session.plan
    let today: [String]
    switch language {
    case .swedish: today = [TimeWord.today[1]]
    case .english, .unknown: today = TimeWord.today
    }
    // The board's meetings, when the plan knows one on that side of today, as the checker reads them: the
    // first spellings, English and Swedish, as with today.
    let spelled = { (words: [String]) in language.isSwedish ? [words[1]] : Array(words.prefix(2)) }
    let metadata = plan.metadata
    let meetings =
      (metadata.lastMeeting(onOrBefore: session.today) != nil ? spelled(TimeWord.lastMeeting) : [])
      + (metadata.nextMeeting(after: session.today) != nil ? spelled(TimeWord.nextMeeting) : [])
    let values = today + meetings + SwedishTime.periodNames(in: plan.timeContext)
    return values + Self.dated(Array(Set(plan.activities.map(\.when.text))), in: plan, besides: values)
  }

  /// The plan's `när` texts that name days, read as a query reads a time value (not always how the plan
  /// reads its own row), in Swedish order, leaving out those already offered: "Hösten 2021" in the plan
  /// is the period offered as "hösten 2021".
  private static func dated(_ texts: [String], in plan: Plan, besides offered: [String]) -> [String] {
    let folded = Set(offered.map(SwedishCollation.fold))
    return typable(Array(Set(texts))).filter {
      SwedishTime.interval(of: $0, in: plan.timeContext) != nil && !folded.contains(SwedishCollation.fold($0))
    }
    .sorted(by: SwedishCollation.precedes)
  }

  /// Values that can be typed at the prompt. One holding a control character cannot, and listed it would
  /// reach the terminal raw: it is not offered.
  private static func typable(_ values: [String]) -> [String] {
    values.filter { !$0.isEmpty && !$0.unicodeScalars.contains(where: ControlPictures.isControl) }
  }

  /// The plan's own values for a field, as the plan writes them, in Swedish order.
  private func values(for field: Field?, in language: Language) -> [String] {
    guard let field else { return [] }
    let plan = session.plan
    var values: [String]
    switch field {
    case .who:
      values = Array(Set(plan.activities.flatMap(\.who)))
    case .status:
      values = Array(Set(plan.activities.map(\.status.text)))
    case .direction:
      values = plan.metadata.directions
    case .when:
      values = Array(Set(plan.activities.map(\.when.text)))
    case .what:
      values = Array(Set(plan.activities.map(\.what)))
    case .category:
      // In the statement's language; both while it has no Swedish word, as both are understood.
      let english = StatusCategory.allCases.map(\.name)
      let swedish = StatusCategory.allCases.map(\.swedishName)
      switch language {
      case .swedish: values = swedish
      case .english, .unknown: values = english + swedish
      }
    case .priority:
      values = Array(Set(plan.activities.compactMap(\.priority))).sorted().map(String.init)
    case .changedField:
      values = ActivityField.allCases.map(\.name) + ["aktivitet"]
    case .author:
      values = Array(Set(plan.log.map(\.author)))
    case .id, .how, .start, .end, .comment, .time, .group, .from, .to:
      values = []
    }
    return Self.typable(values).sorted(by: SwedishCollation.precedes)
  }

  // MARK: Dot-commands

  /// The line is split into words by the lexer, as the command will be, so a file name in quotes
  /// (`.read ’min f`) completes inside them.
  private func dotCommand(_ line: String) -> Completion {
    let source = SourceText(name: "", text: line)
    let lineToken = Lexer.tokens(of: source)[0]
    let words = lineToken.kind == .dotCommand ? Lexer.words(ofDotCommand: lineToken, in: source) : []
    // The word being typed: the last one, when the cursor is at its end.
    let typing = words.last.flatMap { $0.range.end == source.bytes.count ? $0 : nil }
    let characters = { (offset: Int) in String(decoding: source.bytes[..<offset], as: UTF8.self).count }
    if words.isEmpty || (words.count == 1 && typing != nil) {
      let typed = typing.map { source.slice($0.range) } ?? ""
      let matching = session.commands.map(\.name).filter { $0.hasPrefix(typed.lowercased()) }.map { "." + $0 }
      return Completion(wordStart: characters(lineToken.range.start), candidates: matching)
    }
    let command = source.slice(words[0].range).lowercased()
    let argument = typing.map { Lexer.value(of: $0, in: source) } ?? ""
    let argumentStart = characters(typing?.content.start ?? source.bytes.count)
    let quoted = typing.map { $0.content.start != $0.range.start } ?? false
    switch command {
    case "read":
      return fileNames(argument, start: argumentStart, quoted: quoted, extensions: ["sq"])
    case "plan":
      return fileNames(argument, start: argumentStart, quoted: quoted, extensions: ["csv", "json"])
    case "output":
      return fileNames(argument, start: argumentStart, quoted: quoted, extensions: nil)
    case "format":
      return Completion(
        wordStart: argumentStart,
        candidates: OutputFormat.allCases.map(\.rawValue).filter { $0.hasPrefix(argument) })
    default:
      // A command of a few set words (`.header on|off`, `.lang sv|en`) takes them as its usage gives them.
      let usage = session.commands.first { $0.name == command }?.usage.split(separator: " ") ?? []
      let choices =
        usage.count == 2 && words.count - (typing == nil ? 0 : 1) == 1
        ? usage[1].split(separator: "|").map(String.init) : []
      return Completion(
        wordStart: argumentStart,
        candidates: choices.count > 1 ? choices.filter { $0.hasPrefix(argument.lowercased()) } : [])
    }
  }

  /// Files and folders for a dot-command's argument: folders always, files only with one of `extensions`
  /// (any file when nil). `~/` is the home folder, as the command reads it, and stays as typed. A name the
  /// command would split (a space, a quote) goes in quoted, the quote closed after a file and left open
  /// after a folder so that Tab can go on inside it.
  private func fileNames(_ typed: String, start: Int, quoted: Bool, extensions: [String]?) -> Completion {
    if typed == "~" { return Completion(wordStart: start, candidates: ["~/"]) }
    let slash = typed.lastIndex(of: "/")
    let folder = slash.map { String(typed[...$0]) } ?? ""
    let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    // A name holding a control character is left out, as plan values are.
    let names = FileAccess.entries(
      of: HomePath.expanding(folder), includeHidden: namePrefix.hasPrefix(".")
    )
    .filter { $0.hasPrefix(namePrefix) && !$0.unicodeScalars.contains(where: ControlPictures.isControl) }
    .filter { name in
      guard let extensions, !name.hasSuffix("/") else { return true }
      return extensions.contains { name.lowercased().hasSuffix("." + $0) }
    }
    let paths = names.map { folder + $0 }
    let common = LineEditor.commonPrefix(paths)
    guard !quoted, !paths.isEmpty,
      names.count == 1 ? Self.needsQuotes(path: paths[0]) : Self.needsQuotes(path: common)
    else {
      return Completion(wordStart: start + folder.count, candidates: names)
    }
    let open = paths.map { "'" + $0.replacing("'", with: "''") }
    let written = paths.count == 1 && !paths[0].hasSuffix("/") ? [open[0] + "'"] : open
    return Completion(wordStart: start, candidates: written)
  }

  /// Whether a path must be quoted to be read as one argument of a dot-command.
  private static func needsQuotes(path: String) -> Bool {
    path.hasPrefix("#") || path.hasPrefix("--")
      || path.contains { $0.isWhitespace || "'\"‘’“”".contains($0) }
  }
}
