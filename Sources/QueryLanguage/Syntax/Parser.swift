import PlanModel

/// A recursive-descent parser: one function per grammar rule, the rule in the comment above it.
///
/// In files a statement ends at `;`, at a blank line, at the end of the input, or where a line starts with
/// a new statement or a dot-command; the parser sees those boundaries as the end of the input, so a
/// statement cut short reads as incomplete (which the REPL uses to ask for another line).
public struct Parser {
  public static let maximumDepth = 100
  /// The longest statement read, in bytes, so that a runaway input stops with a message.
  public static let maximumStatementBytes = 1 << 20

  private let source: SourceText
  private let tokens: [Token]
  private var index = 0
  /// Index of the first token of the statement being parsed; boundaries are looked for after it.
  private var statementStart = 0
  private var depth = 0

  public init(_ source: SourceText) {
    self.source = source
    self.tokens = Lexer.tokens(of: source)
  }

  /// Parses a whole source into its items. On an error the parser skips to the next statement and goes on,
  /// so that a file's errors can all be reported; `items` keeps the order.
  public static func parse(_ source: SourceText) -> [Result<ScriptItem, QueryError>] {
    var parser = Parser(source)
    var items: [Result<ScriptItem, QueryError>] = []
    while let item = parser.nextItem() { items.append(item) }
    return items
  }

  /// script := (dotCommand | statement [';'] | ';')*
  public mutating func nextItem() -> Result<ScriptItem, QueryError>? {
    while tokens[index].kind == .semicolon { index += 1 }
    let token = tokens[index]
    statementStart = index
    switch token.kind {
    case .end:
      return nil
    case .dotCommand:
      index += 1
      return dotCommand(token).map(ScriptItem.dotCommand)
    default:
      do throws(QueryError) {
        let parsed = try statement()
        guard current.kind == .end || current.kind == .semicolon else {
          throw QueryError(
            .syntax, "expected a clause or the end of the statement, found \(describe(current))",
            at: current.range)
        }
        if tokens[index].kind == .semicolon { index += 1 }
        guard parsed.range.end - parsed.range.start <= Parser.maximumStatementBytes else {
          throw QueryError(
            .limit, "the statement is longer than \(Parser.maximumStatementBytes >> 20) MiB",
            at: SourceRange(start: parsed.range.start, end: parsed.range.start + 1))
        }
        return .success(.statement(parsed))
      } catch {
        skipToNextStatement()
        return .failure(error)
      }
    }
  }

  // MARK: Statements

  /// statement := source clause* [change] | 'add' 'activity' assignment (',' assignment)*
  /// source := 'activities' | 'changes'
  /// clause := where | orderBy | select | groupBy | count | limit | 'timeline' | 'as' 'of' value
  /// change := 'set' assignment (',' assignment)* | 'comment' value | 'remove'
  mutating func statement() throws(QueryError) -> Statement {
    let sourceToken = current
    if sourceToken.is(.add) { return try addActivity() }
    guard sourceToken.is(.activities) || sourceToken.is(.changes) else {
      if sourceToken.kind == .word,
        let near = Spelling.nearest(text(sourceToken), in: Keyword.activities.spellings)
      {
        throw QueryError(
          .syntax, "unknown source '\(text(sourceToken))'; did you mean '\(near)'?", at: sourceToken.range)
      }
      throw QueryError(
        .syntax,
        "a statement starts with 'activities', 'changes' or 'add activity', found \(describe(sourceToken))",
        at: sourceToken.range,
        notes: habitHint(sourceToken).map { [$0] } ?? [])
    }
    index += 1
    var result = Statement(
      source: Name(text(sourceToken), range: sourceToken.range), range: sourceToken.range)
    var seen: [Keyword: SourceRange] = [:]
    func once(_ clause: Keyword, _ range: SourceRange) throws(QueryError) {
      if let first = seen[clause] {
        let name = clause.phrase(swedish: false)
        let at = source.location(of: first.start)
        throw QueryError(
          .syntax, "'\(name)' is given twice; a statement has each clause at most once", at: range,
          notes: ["the first '\(name)' is at \(at)"])
      }
      seen[clause] = range
    }
    while current.kind != .end && current.kind != .semicolon {
      let token = current
      if token.is(.where) {
        try once(.where, token.range)
        index += 1
        result.filter = try expression()
      } else if token.is(.order) {
        try once(.order, token.range)
        index += 1
        try expect(.by, after: token)
        result.order = try list { (parser: inout Parser) throws(QueryError) in try parser.orderKey() }
      } else if token.is(.select) {
        try once(.select, token.range)
        index += 1
        result.select = try list { (parser: inout Parser) throws(QueryError) in try parser.fieldName() }
      } else if token.is(.group) {
        try once(.group, token.range)
        index += 1
        try expect(.by, after: token)
        result.group = try fieldName()
      } else if token.is(.count) {
        try once(.count, token.range)
        index += 1
        var clause = CountClause(by: nil, range: token.range)
        if current.is(.by) {
          index += 1
          let field = try fieldName()
          clause.by = field
          clause.range = token.range.through(field.range)
        }
        result.count = clause
      } else if token.is(.timeline) {
        try once(.timeline, token.range)
        index += 1
        result.timeline = token.range
      } else if token.is(.limit) {
        try once(.limit, token.range)
        index += 1
        result.limit = try limit()
      } else if token.is(.as) {
        try once(.as, token.range)
        index += 1
        // `as of` in English, `per` alone in Swedish.
        if !Keyword.isSwedish(text(token).lowercased()) { try expect(.of, after: token) }
        result.asOf = try literal()
      } else if let change = Keyword.changeWords.first(where: token.is) {
        if let first = result.change {
          throw QueryError(
            .syntax, "a statement makes one change; '\(text(token))' follows another",
            at: token.range, notes: ["the first change is at \(source.location(of: first.range.start))"])
        }
        index += 1
        result.change = try self.change(change, at: token)
      } else {
        throw unexpectedClause(token)
      }
      result.range = result.range.through(tokens[index - 1].range)
    }
    return result
  }

  /// change := 'set' assignment (',' assignment)* | 'comment' value | 'remove' ('ta' 'bort' in Swedish)
  private mutating func change(_ keyword: Keyword, at token: Token) throws(QueryError) -> Change {
    switch keyword {
    case .set:
      let assignments = try list { (parser: inout Parser) throws(QueryError) in try parser.assignment() }
      return .set(assignments, range: token.range.through(tokens[index - 1].range))
    case .comment:
      let note = try literal()
      return .comment(note, range: token.range.through(note.range))
    default:
      if Keyword.isSwedish(text(token).lowercased()) { try expect(.bort, after: token) }
      return .remove(range: token.range.through(tokens[index - 1].range))
    }
  }

  /// addActivity := 'add' 'activity' assignment (',' assignment)* ('lägg' 'till' 'aktivitet' in Swedish)
  private mutating func addActivity() throws(QueryError) -> Statement {
    let addToken = current
    index += 1
    if Keyword.isSwedish(text(addToken).lowercased()) {
      guard current.kind == .word, SwedishCollation.fold(text(current)) == Keyword.addFiller else {
        throw error(expected: "'\(Keyword.addFiller)' after '\(text(addToken))'", found: current)
      }
      index += 1
    }
    try expect(.activity, after: tokens[index - 1])
    let assignments = try list { (parser: inout Parser) throws(QueryError) in try parser.assignment() }
    let range = addToken.range.through(tokens[index - 1].range)
    var statement = Statement(
      source: Name(
        Keyword.activities.spellings[Keyword.isSwedish(text(addToken).lowercased()) ? 1 : 0],
        range: addToken.range), range: range)
    statement.change = .add(assignments, range: range)
    return statement
  }

  /// assignment := field '=' (value | '(' value (',' value)* ')')
  private mutating func assignment() throws(QueryError) -> Assignment {
    let field = try fieldName()
    guard current.kind == .equal else {
      throw error(expected: "'=' after '\(field.text)', as in \(field.text) = 'value'", found: current)
    }
    index += 1
    if current.kind == .leftParen {
      let open = current
      index += 1
      let values = try list { (parser: inout Parser) throws(QueryError) in try parser.literal() }
      guard current.kind == .rightParen else {
        let at = source.location(of: open.range.start)
        throw error(expected: "',' or ')'", found: current, notes: ["to close the '(' at \(at)"])
      }
      index += 1
      return Assignment(
        field: field, values: values, isList: true, range: field.range.through(tokens[index - 1].range))
    }
    let value = try literal()
    return Assignment(field: field, values: [value], isList: false, range: field.range.through(value.range))
  }

  /// limit := 'limit' INTEGER
  private mutating func limit() throws(QueryError) -> Limit {
    let token = current
    guard token.kind == .integer else {
      throw error(expected: "a whole number of activities after 'limit'", found: token)
    }
    guard let value = Int(text(token)) else {
      throw QueryError(.limit, "\(text(token)) is too large for 'limit'", at: token.range)
    }
    index += 1
    return Limit(value: value, range: token.range)
  }

  /// orderKey := field ['asc' | 'desc']
  private mutating func orderKey() throws(QueryError) -> OrderKey {
    let field = try fieldName()
    var key = OrderKey(field: field, descending: false, range: field.range)
    if current.is(.asc) || current.is(.desc) {
      key.descending = current.is(.desc)
      key.range = field.range.through(current.range)
      index += 1
    }
    return key
  }

  /// list(X) := X (',' X)*
  private mutating func list<T>(_ element: (inout Parser) throws(QueryError) -> T) throws(QueryError) -> [T] {
    var items = [try element(&self)]
    while current.kind == .comma {
      index += 1
      items.append(try element(&self))
    }
    return items
  }

  /// field := WORD
  private mutating func fieldName() throws(QueryError) -> Name {
    let token = current
    guard token.kind == .word else { throw error(expected: "a field name", found: token) }
    index += 1
    return Name(text(token), range: token.range)
  }

  // MARK: Expressions

  /// expression := andExpression ('or' andExpression)*
  mutating func expression() throws(QueryError) -> Expression {
    var operands = [try andExpression()]
    while current.is(.or) {
      index += 1
      operands.append(try andExpression())
    }
    return Parser.balanced(operands[...], Expression.or)
  }

  /// andExpression := notExpression ('and' notExpression)*
  private mutating func andExpression() throws(QueryError) -> Expression {
    var operands = [try notExpression()]
    while current.is(.and) {
      index += 1
      operands.append(try notExpression())
    }
    return Parser.balanced(operands[...], Expression.and)
  }

  /// A chain of one operator as a balanced tree rather than a list nested as deep as it is long: a
  /// condition of thousands of `or`s would otherwise make every walk over the tree (checking, running,
  /// printing, freeing it) recurse that deep and overflow the stack. `and` and `or` are associative, and
  /// the operands keep their order, so nothing else changes.
  static func balanced(
    _ operands: ArraySlice<Expression>, _ join: (Expression, Expression) -> Expression
  ) -> Expression {
    guard operands.count > 1 else { return operands.first! }
    let middle = operands.startIndex + operands.count / 2
    return join(balanced(operands[..<middle], join), balanced(operands[middle...], join))
  }

  /// notExpression := 'not' notExpression | '(' expression ')' | predicate
  private mutating func notExpression() throws(QueryError) -> Expression {
    let token = current
    depth += 1
    defer { depth -= 1 }
    guard depth <= Parser.maximumDepth else {
      throw QueryError(
        .limit, "the expression is nested too deeply (more than \(Parser.maximumDepth) levels)",
        at: token.range)
    }
    if token.is(.not) {
      index += 1
      let operand = try notExpression()
      return .not(operand, range: token.range.through(operand.range))
    }
    if token.is(.changed) { return .changed(try changedCondition(field: nil)) }
    if token.kind == .leftParen {
      index += 1
      let inner = try expression()
      guard current.kind == .rightParen else {
        let at = source.location(of: token.range.start)
        throw error(expected: "')'", found: current, notes: ["to close the '(' at \(at)"])
      }
      index += 1
      return inner
    }
    return try predicate()
  }

  /// changed := [field] 'changed' [('before' | 'after' | 'overlaps') value]
  private mutating func changedCondition(field: Name?) throws(QueryError) -> ChangedCondition {
    let token = current
    index += 1
    var condition = ChangedCondition(
      field: field, op: nil, value: nil, range: (field?.range ?? token.range).through(token.range))
    let next = current
    let op: Operator? =
      next.is(.before) ? .before : next.is(.after) ? .after : next.is(.overlaps) ? .overlaps : nil
    if let op {
      index += 1
      let value = try literal()
      condition.op = op
      condition.value = value
      condition.range = condition.range.through(value.range)
    }
    return condition
  }

  /// predicate := field ( compare value
  ///                    | ['not'] ('contains' | 'starts' 'with' | 'matches') value
  ///                    | ['not'] 'in' '(' value (',' value)* ')'
  ///                    | ['not'] ('before' | 'after' | 'overlaps') value
  ///                    | 'is' ['not'] 'empty' )
  private mutating func predicate() throws(QueryError) -> Expression {
    let fieldToken = current
    guard fieldToken.kind == .word else {
      throw error(expected: "a field name or '(' to start a condition", found: fieldToken)
    }
    if isKeywordInsteadOfField(fieldToken) { throw keywordInsteadOfCondition(fieldToken) }
    index += 1
    let field = Name(text(fieldToken), range: fieldToken.range)
    if current.is(.changed) { return .changed(try changedCondition(field: field)) }
    let opToken = current
    var negated = false
    if opToken.is(.not) && !opToken.is(.is) {
      negated = true
      index += 1
    }
    let (op, opRange) = try operatorAfter(field: field, negation: negated ? opToken : nil)
    var operands: [Literal] = []
    switch op {
    case .isEmpty, .isNotEmpty:
      break
    case .in:
      let open = current
      guard open.kind == .leftParen else {
        throw error(expected: "'(' to start the list after 'in'", found: open)
      }
      index += 1
      operands = try list { (parser: inout Parser) throws(QueryError) in try parser.literal() }
      guard current.kind == .rightParen else {
        let at = source.location(of: open.range.start)
        throw error(expected: "',' or ')'", found: current, notes: ["to close the '(' at \(at)"])
      }
      index += 1
    default:
      operands = [try literal()]
    }
    let end = tokens[index - 1].range
    return .predicate(
      Predicate(
        field: field, op: op, negated: negated, operands: operands, opRange: opRange,
        range: field.range.through(end)))
  }

  /// The operator after a field, and after `not` when `not` was written (`negation`).
  private mutating func operatorAfter(field: Name, negation: Token?) throws(QueryError) -> (
    Operator, SourceRange
  ) {
    let token = current
    if let op = symbolicOperator(token.kind) {
      if let negation { throw negatedSymbol(op, negation: negation, operator: token) }
      index += 1
      return (op, token.range)
    }
    index += 1
    if token.is(.contains) { return (.contains, token.range) }
    if token.is(.matches) { return (.matches, token.range) }
    if token.is(.in) { return (.in, token.range) }
    if token.is(.starts) {
      try expect(.with, after: token)
      return (.startsWith, token.range.through(tokens[index - 1].range))
    }
    if token.is(.before) { return (.before, token.range) }
    if token.is(.after) { return (.after, token.range) }
    if token.is(.overlaps) { return (.overlaps, token.range) }
    if token.is(.is) {
      if let negation {
        // `not is empty` is `is not empty`, `not is not empty` is `is empty`.
        let swedish = Keyword.isSwedish(text(token).lowercased())
        let doubled = current.is(.not)
        let meant = swedish ? (doubled ? "är tom" : "är inte tom") : (doubled ? "is empty" : "is not empty")
        throw QueryError(
          .syntax, "'\(text(negation))' does not go before '\(text(token))'; write '\(meant)'",
          at: negation.range.through(token.range))
      }
      var op = Operator.isEmpty
      if current.is(.not) {
        op = .isNotEmpty
        index += 1
      }
      try expect(.empty, after: tokens[index - 1])
      return (op, token.range.through(tokens[index - 1].range))
    }
    index -= 1
    let expected =
      if let negation {
        "'contains', 'starts with', 'matches', 'in', 'before', 'after' or 'overlaps' after '\(text(negation))'"
      } else {
        "an operator after '\(field.text)' (=, !=, <, contains, in, is empty, before, …)"
      }
    let error = error(expected: expected, found: token)
    guard let near = nearestOperator(to: token) else { throw error }
    throw QueryError(
      error.kind, error.message + "; did you mean '\(near)'?", at: error.range, notes: error.notes)
  }

  /// The operator a word is one typo from (`contians`), written whole (`starts with`); operators of fewer
  /// than four letters are left out, since most short words are one typo from them.
  private func nearestOperator(to token: Token) -> String? {
    guard token.kind == .word else { return nil }
    var phrases: [String: String] = [:]
    for keyword in Keyword.operatorStarts where keyword != .not {
      for swedish in [false, true] where (swedish ? keyword.swedish : keyword.name).count >= 4 {
        phrases[swedish ? keyword.swedish : keyword.name] = keyword.phrase(swedish: swedish)
      }
    }
    return Spelling.nearest(text(token), in: phrases.keys.sorted()).flatMap { phrases[$0] }
  }

  /// Whether a keyword stands where a condition's field should: `and count`, `where order by id`. No field
  /// is named like a keyword; a keyword one typo from a field and followed by an operator (`där > 2021`
  /// for `när`) is taken as that typo, for the checker's "did you mean".
  private func isKeywordInsteadOfField(_ token: Token) -> Bool {
    guard !token.keywords.isEmpty, Field(named: text(token)) == nil else { return false }
    guard Spelling.nearest(text(token), in: Field.allNames) != nil else { return true }
    let next = tokens[index + 1]
    return symbolicOperator(next.kind) == nil && !Keyword.operatorStarts.contains(where: next.is)
  }

  private func keywordInsteadOfCondition(_ token: Token) -> QueryError {
    let previous = tokens[index - 1]
    var notes: [String] = []
    if Keyword.clauses.contains(where: token.is) {
      if previous.is(.and) || previous.is(.or) {
        notes = ["to end the condition and start '\(text(token))', leave out the '\(text(previous))'"]
      } else if previous.is(.where) {
        notes = ["'\(text(previous))' takes a condition, such as prio = 1; leave it out to have none"]
      }
    }
    return QueryError(
      .syntax, "expected a condition after \(describe(previous)), found the keyword '\(text(token))'",
      at: token.range, notes: notes)
  }

  /// `not` before `=`, `<` and the like: those have their own opposites, and a second way to write them
  /// would only differ from them on missing values, which is a trap, not a feature.
  private func negatedSymbol(_ op: Operator, negation: Token, operator token: Token) -> QueryError {
    let opposite: Operator =
      switch op {
      case .equal: .notEqual
      case .notEqual: .equal
      case .less: .greaterEqual
      case .lessEqual: .greater
      case .greater: .lessEqual
      case .greaterEqual: .less
      // Only the symbols come here: `not contains` and the like are valid conditions.
      case .contains, .startsWith, .matches, .in, .isEmpty, .isNotEmpty, .before, .after, .overlaps: .less
      }
    return QueryError(
      .syntax,
      "'\(text(negation))' does not go before '\(text(token))'; write '\(opposite.rawValue)', or put "
        + "'\(text(negation))' before the whole condition",
      at: negation.range.through(token.range))
  }

  private func symbolicOperator(_ kind: Token.Kind) -> Operator? {
    switch kind {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .less
    case .lessEqual: .lessEqual
    case .greater: .greater
    case .greaterEqual: .greaterEqual
    default: nil
    }
  }

  /// value := STRING | INTEGER | DATE | MONTH | WORD | PARAMETER
  private mutating func literal() throws(QueryError) -> Literal {
    let token = current
    let raw = text(token)
    let kind: Literal.Kind
    var value = raw
    switch token.kind {
    case .string:
      value = Lexer.value(of: token, in: source)
      kind = .string(value)
    case .word: kind = .word(raw)
    case .parameter:
      value = String(raw.dropFirst())
      kind = .parameter(value)
    case .integer:
      guard let value = Int(raw) else {
        throw QueryError(.limit, "\(raw) is too large a number", at: token.range)
      }
      kind = .integer(value)
    case .date:
      guard let day = Day(iso: Substring(raw)) else {
        throw QueryError(.lexical, "\(raw) is not a valid date", at: token.range)
      }
      kind = .date(day)
    case .month:
      let parts = raw.split(separator: "-")
      guard let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
        throw QueryError(.lexical, "\(raw) is not a valid month", at: token.range)
      }
      kind = .month(year: year, month: month)
    default:
      throw error(expected: "a value", found: token)
    }
    index += 1
    return Literal(kind: kind, text: value, range: token.range, content: token.content)
  }

  // MARK: Dot-commands

  /// dotCommand := '.' NAME argument* (to the end of the line; quotes group words)
  private func dotCommand(_ token: Token) -> Result<DotCommandLine, QueryError> {
    var words: [Name] = []
    for word in Lexer.words(ofDotCommand: token, in: source) {
      guard word.kind != .unclosedString else {
        let quote = SourceRange(start: word.range.start, end: word.content.start)
        return .failure(QueryError(.lexical, "this quote is not closed", at: quote))
      }
      words.append(Name(Lexer.value(of: word, in: source), range: word.range))
    }
    guard let name = words.first, !name.text.isEmpty else {
      return .failure(QueryError(.syntax, "expected a command name after '.', as in .help", at: token.range))
    }
    let nameRange = SourceRange(start: token.range.start, end: name.range.end)
    return .success(
      DotCommandLine(
        name: Name(name.text, range: nameRange), arguments: Array(words.dropFirst()), range: token.range))
  }

  // MARK: Tokens

  /// The current token; a statement boundary after the statement's first token reads as the end.
  private var current: Token {
    let token = tokens[index]
    guard index > statementStart else { return token }
    let boundary =
      token.kind == .dotCommand || token.followsBlankLine
      || (token.startsLine && Keyword.sources.contains(where: token.is))
    guard boundary else { return token }
    return Token(
      kind: .end, range: token.range, content: token.range, keywords: [], startsLine: true,
      followsBlankLine: true)
  }

  private func text(_ token: Token) -> String { source.slice(token.range) }

  private mutating func expect(_ keyword: Keyword, after previous: Token) throws(QueryError) {
    guard current.is(keyword) else {
      let swedish = Keyword.isSwedish(text(previous).lowercased())
      throw error(expected: "'\(keyword.phrase(swedish: swedish))' after '\(text(previous))'", found: current)
    }
    index += 1
  }

  private func unexpectedClause(_ token: Token) -> QueryError {
    let clauses = Keyword.clauses.map(\.name) + Keyword.clauses.map(\.swedish)
    if token.kind == .word, let near = Spelling.nearest(text(token), in: clauses) {
      return QueryError(.syntax, "unknown clause '\(text(token))'; did you mean '\(near)'?", at: token.range)
    }
    // `när överlappar vecka 20`: a value of two words, the second taken for a clause.
    var notes: [String] = []
    if index >= 2, [.word, .integer].contains(token.kind),
      [.word, .integer].contains(tokens[index - 1].kind),
      isOperator(tokens[index - 2])
    {
      let phrase = source.slice(SourceRange(start: tokens[index - 1].range.start, end: token.range.end))
      notes = ["a value of several words is written in quotes: '\(phrase)'"]
    }
    let phrases = Keyword.clauses.map { $0.phrase(swedish: false) }.joined(separator: ", ")
    return error(expected: "a clause (\(phrases)) or the end of the statement", found: token, notes: notes)
  }

  /// Whether a token is a comparison or a keyword operator, after which a value comes.
  private func isOperator(_ token: Token) -> Bool {
    if symbolicOperator(token.kind) != nil { return true }
    return Keyword.allCases.contains { $0.takesValue && token.is($0) }
  }

  private func error(expected: String, found token: Token, notes: [String] = []) -> QueryError {
    switch token.kind {
    case .end:
      // Point just after the last token, where the missing part would go.
      let last = index > 0 ? tokens[index - 1].range.end : 0
      return QueryError(
        .incomplete, "expected \(expected), but the statement ends here",
        at: SourceRange(start: last, end: last + 1), notes: notes)
    case .unclosedString:
      let bytes = source.bytes
      let quote = SourceRange(start: token.range.start, end: token.content.start)
      if let other = Lexer.mismatchedClosingQuote(in: bytes, string: token.range.start..<token.range.end) {
        // Not incomplete: the REPL would wait for a closing quote the user believes was typed.
        let closing = Lexer.closingQuote(of: token, in: source)!
        let stray = String(decoding: bytes[other..<other + (bytes[other] < 0x80 ? 1 : 3)], as: UTF8.self)
        return QueryError(
          .lexical,
          "this string is never closed: a string that opens with \(source.slice(quote)) closes with "
            + "\(closing), not with the \(stray) at \(source.location(of: other))", at: quote, notes: notes)
      }
      return QueryError(.incomplete, "this string is never closed", at: quote, notes: notes)
    case .error(let message):
      return QueryError(.lexical, message, at: token.range, notes: notes)
    default:
      return QueryError(
        .syntax, "expected \(expected), found \(describe(token))", at: token.range, notes: notes)
    }
  }

  /// What a user of psql, sqlite3 or SQL meant by a statement that does not start with a source:
  /// `help`, `quit`, `exit` or `?` for a dot-command, `select … from activities …` for sekom's order.
  private func habitHint(_ token: Token) -> String? {
    let word = text(token).lowercased()
    if let command = Parser.dotCommandHabits[word] {
      return "to \(command == "help" ? "get help" : "leave"), enter the dot-command '.\(command)'"
    }
    guard token.is(.select) else { return nil }
    // `select LIST from activities REST` is `activities REST select LIST` in sekom.
    var end = index + 1
    while tokens[end].kind != .end && tokens[end].kind != .semicolon && !tokens[end].followsBlankLine {
      end += 1
    }
    guard
      let from = tokens[(index + 1)..<end].firstIndex(where: {
        $0.kind == .word && text($0).lowercased() == "from"
      }),
      from > index + 1, from + 1 < end, tokens[from + 1].is(.activities)
    else {
      return "sekom names the source first and selects last: activities where … select FIELD, …"
    }
    let list = source.slice(
      SourceRange(start: tokens[index + 1].range.start, end: tokens[from - 1].range.end))
    var form = "\(text(tokens[from + 1]))"
    if from + 2 < end {
      form +=
        " " + source.slice(SourceRange(start: tokens[from + 2].range.start, end: tokens[end - 1].range.end))
    }
    return "sekom names the source first and selects last: \(form) select \(list)"
  }

  /// Words other tools take as commands, and the dot-command each means here.
  static let dotCommandHabits = ["help": "help", "?": "help", "quit": "quit", "exit": "exit"]

  private func describe(_ token: Token) -> String {
    switch token.kind {
    case .end: "the end of the statement"
    case .string: "the string \(text(token))"
    case .dotCommand: "a dot-command"
    default: "'\(text(token))'"
    }
  }

  /// After an error, skip to where the next statement can start.
  private mutating func skipToNextStatement() {
    if index == statementStart && tokens[index].kind != .end { index += 1 }
    while true {
      let token = tokens[index]
      if token.kind == .end { return }
      if token.kind == .semicolon {
        index += 1
        return
      }
      if index > statementStart
        && (token.kind == .dotCommand || token.followsBlankLine
          || (token.startsLine && token.is(.activities)))
      {
        return
      }
      index += 1
    }
  }
}
