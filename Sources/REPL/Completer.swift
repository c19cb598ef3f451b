import LineEditor
import PlanModel
import Platform
import QueryLanguage

/// Tab completion that knows where the cursor is: keywords and the source at the start, field names where
/// a field goes, operators after a field, the plan's own values after an operator, dot-commands after `.`,
/// and file names after `.read`, `.plan` and `.output`.
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
      default:
        break
      }
    }
    let offer = self.candidates(after: Array(tokens), in: source, inString: closingQuote != nil)
    let folded = SwedishCollation.fold(prefix)
    var unique: [String] = []
    for candidate in offer.words where SwedishCollation.fold(candidate).hasPrefix(folded) {
      if !unique.contains(candidate) { unique.append(candidate) }
    }
    if offer.areValues { unique = Self.written(values: unique, closingQuote: closingQuote) }
    let wordStart = String(decoding: source.bytes[lineStart..<max(lineStart, prefixStart)], as: UTF8.self)
      .count
    return Completion(wordStart: wordStart, candidates: unique)
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

  private func candidates(after tokens: [QueryLanguage.Token], in source: SourceText, inString: Bool)
    -> Offer
  {
    // Only the statement being typed counts: start after the last `;`.
    let statement = Array(
      tokens.split(omittingEmptySubsequences: false, whereSeparator: { $0.kind == .semicolon }).last ?? [])
    guard let last = statement.last else {
      return Offer(
        words: keywords(Keyword.sources, swedish: false) + keywords(Keyword.sources, swedish: true))
    }
    let swedish = statement.first.map { Keyword.isSwedish(source.slice($0.range).lowercased()) } ?? false
    let text = { (token: QueryLanguage.Token) in source.slice(token.range) }

    if inString || isValuePosition(statement, text) {
      return Offer(words: values(for: fieldBefore(statement, text)), areValues: true)
    }
    // `vad not`: the operators that `not` can go before. A field name written as a value does not count.
    if last.is(.not), statement.count >= 2, case let before = statement[statement.count - 2],
      before.kind == .word, let field = Field(named: text(before)),
      !isValuePosition(Array(statement.dropLast(2)), text)
    {
      return Offer(words: negatableOperators(for: field, swedish: swedish))
    }
    if last.is(.where) || last.is(.and) || last.is(.or) || last.is(.not) || last.kind == .leftParen
      || last.is(.select) || last.is(.by) || last.kind == .comma
    {
      return Offer(words: Field.allCases.map(\.name))
    }
    if last.kind == .word, let field = Field(named: text(last)) {
      if statement.count >= 2, isFieldListPosition(statement[statement.count - 2]) {
        return Offer(words: clauseWords(swedish: swedish) + [","])
      }
      return Offer(words: operators(for: field, swedish: swedish))
    }
    if last.is(.order) || last.is(.group) { return Offer(words: [swedish ? "efter" : "by"]) }
    if last.is(.count) { return Offer(words: [swedish ? "efter" : "by"] + clauseWords(swedish: swedish)) }
    return Offer(words: clauseWords(swedish: swedish))
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
      return last.is(.contains) || last.is(.with) || last.is(.matches) || last.is(.before) || last.is(.after)
        || last.is(.overlaps)
    default: return false
    }
  }

  private func isFieldListPosition(_ token: QueryLanguage.Token) -> Bool {
    token.is(.select) || token.is(.by) || token.kind == .comma
  }

  /// The field a value is being written for: the nearest field name before the cursor.
  private func fieldBefore(_ tokens: [QueryLanguage.Token], _ text: (Token) -> String) -> Field? {
    for token in tokens.reversed() where token.kind == .word {
      if let field = Field(named: text(token)) { return field }
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

  /// What can come after a whole condition or clause: a connective or a new clause, from the keyword table.
  private func clauseWords(swedish: Bool) -> [String] {
    Keyword.allCases.filter { $0.role == .connective || Keyword.clauses.contains($0) }
      .map { $0.phrase(swedish: swedish) }
  }

  private func keywords(_ list: [Keyword], swedish: Bool) -> [String] {
    list.map { swedish && $0.spellings.count > 1 ? $0.spellings[1] : $0.name }
  }

  /// The plan's own values for a field, as the plan writes them, in Swedish order.
  private func values(for field: Field?) -> [String] {
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
      values = StatusCategory.allCases.map(\.name)
    case .priority:
      values = Array(Set(plan.activities.compactMap(\.priority))).sorted().map(String.init)
    case .id, .how, .start, .end:
      values = []
    }
    // A value holding a control character cannot be typed at the prompt, and listed it would reach the
    // terminal raw: it is not offered.
    return values.filter { !$0.isEmpty && !$0.unicodeScalars.contains(where: ControlPictures.isControl) }
      .sorted(by: SwedishCollation.precedes)
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
    switch command {
    case "read", "plan", "output":
      return fileNames(argument, start: argumentStart)
    case "format":
      return Completion(
        wordStart: argumentStart,
        candidates: OutputFormat.allCases.map(\.rawValue).filter { $0.hasPrefix(argument) })
    case "header":
      return Completion(
        wordStart: argumentStart, candidates: ["on", "off"].filter { $0.hasPrefix(argument) })
    default:
      return Completion(wordStart: argumentStart, candidates: [])
    }
  }

  private func fileNames(_ typed: String, start: Int) -> Completion {
    let slash = typed.lastIndex(of: "/")
    let folder = slash.map { String(typed[...$0]) } ?? ""
    let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    // A name holding a control character is left out, as plan values are.
    let names = FileAccess.entries(of: folder, includeHidden: namePrefix.hasPrefix("."))
      .filter { $0.hasPrefix(namePrefix) && !$0.unicodeScalars.contains(where: ControlPictures.isControl) }
    return Completion(wordStart: start + folder.count, candidates: names)
  }
}
