/// Cuts a source into tokens. It never throws: what it cannot read becomes an `.error` token, so the parser
/// reports it with its position like any other mistake.
public struct Lexer {
  private let bytes: [UInt8]
  private var offset = 0
  /// Where scanning stops: the end of the source, or of a dot-command line split into words.
  private let end: Int
  private var atLineStart = true
  private var newlinesSinceToken = 0

  public init(_ source: SourceText) {
    bytes = source.bytes
    end = bytes.count
  }

  private init(_ source: SourceText, from start: Int, to end: Int) {
    bytes = source.bytes
    offset = start
    self.end = end
  }

  /// Whether `$name` reads as one parameter in a statement, so that every name `--param` and `.param`
  /// take can be used and none is taken that cannot.
  public static func isParameterName(_ name: String) -> Bool {
    let source = SourceText(name: "$name", text: "$" + name)
    let tokens = tokens(of: source)
    return tokens.count == 2 && tokens[0].kind == .parameter && tokens[0].range.end == source.bytes.count
  }

  /// All tokens, ending with `.end`.
  public static func tokens(of source: SourceText) -> [Token] {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  public mutating func next() -> Token {
    skipSpaceAndComments()
    let startsLine = atLineStart
    let followsBlankLine = newlinesSinceToken >= 2
    atLineStart = false
    newlinesSinceToken = 0
    let start = offset
    func token(_ kind: Token.Kind, keywords: KeywordSet = [], content: SourceRange? = nil) -> Token {
      let range = SourceRange(start: start, end: offset)
      return Token(
        kind: kind, range: range, content: content ?? range, keywords: keywords, startsLine: startsLine,
        followsBlankLine: followsBlankLine)
    }
    guard offset < end else { return token(.end) }
    let byte = bytes[offset]
    if byte == UInt8(ascii: ".") && startsLine {
      while offset < end && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
      return token(.dotCommand)
    }
    if let quote = openingQuote(at: offset) {
      let (kind, content) = scanString(closing: quote)
      return token(kind, content: content)
    }
    if isWordCharacter(at: offset) {
      scanWord()
      return token(classifyWord(start..<offset), keywords: keywords(in: start..<offset))
    }
    offset += 1
    switch byte {
    case UInt8(ascii: "("): return token(.leftParen)
    case UInt8(ascii: ")"): return token(.rightParen)
    case UInt8(ascii: ","): return token(.comma)
    case UInt8(ascii: ";"): return token(.semicolon)
    case UInt8(ascii: "="):
      if peek(UInt8(ascii: "=")) { offset += 1 }
      return token(.equal)
    case UInt8(ascii: "!"):
      if peek(UInt8(ascii: "=")) {
        offset += 1
        return token(.notEqual)
      }
      return token(.error("unexpected '!'; did you mean '!='?"))
    case UInt8(ascii: "<"):
      if peek(UInt8(ascii: "=")) {
        offset += 1
        return token(.lessEqual)
      }
      if peek(UInt8(ascii: ">")) {
        offset += 1
        return token(.notEqual)
      }
      return token(.less)
    case UInt8(ascii: ">"):
      if peek(UInt8(ascii: "=")) {
        offset += 1
        return token(.greaterEqual)
      }
      return token(.greater)
    case UInt8(ascii: "$"):
      guard offset < end, isWordCharacter(at: offset) else {
        return token(.error("'$' must be followed by a parameter name, as in $vem"))
      }
      scanWord()
      return token(.parameter)
    default:
      // Step over the whole character so that the range covers it and the message can show it.
      while offset < end && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      let character = String(decoding: bytes[start..<offset], as: UTF8.self)
      return token(.error("unexpected character '\(character)'"))
    }
  }

  private func peek(_ byte: UInt8) -> Bool { offset < end && bytes[offset] == byte }

  /// Skips spaces, line ends and comments (`--` or `#` to the end of the line), noting line starts and
  /// blank lines, which end statements in files.
  private mutating func skipSpaceAndComments() {
    while offset < end {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\n") {
        atLineStart = true
        newlinesSinceToken += 1
        offset += 1
      } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
        offset += 1
      } else if byte == 0xC2 && offset + 1 < end && bytes[offset + 1] == 0xA0 {
        offset += 2  // no-break space, as pasted from a word processor
      } else if byte == UInt8(ascii: "#")
        || (byte == UInt8(ascii: "-") && offset + 1 < end && bytes[offset + 1] == UInt8(ascii: "-"))
      {
        while offset < end && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
        // A comment line is not a blank line.
        newlinesSinceToken = 0
      } else {
        return
      }
    }
  }

  /// Letters (any non-ASCII character is taken as one: å, ä, ö, é), digits and `_`. A typographic double
  /// quote or a no-break space ends a word; the typographic single quotes do not, since ’ is also the
  /// apostrophe, and open a string only where a token starts.
  private func isWordCharacter(at position: Int) -> Bool {
    switch bytes[position] {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      true
    case 0x80...:
      !isNoBreakSpace(at: position) && !isTypographicDoubleQuote(at: position)
    default:
      false
    }
  }

  private func isNoBreakSpace(at position: Int) -> Bool {
    position + 1 < end && bytes[position] == 0xC2 && bytes[position + 1] == 0xA0
  }

  /// A word runs over word characters and single hyphens between them: Facebook-gruppen, 2021-05-11. A
  /// double hyphen starts a comment instead.
  private mutating func scanWord() {
    while offset < end {
      if isWordCharacter(at: offset) {
        offset += 1
      } else if bytes[offset] == UInt8(ascii: "-") && offset + 1 < end
        && bytes[offset + 1] != UInt8(ascii: "-") && isWordCharacter(at: offset + 1)
      {
        offset += 1
      } else {
        return
      }
    }
  }

  private func classifyWord(_ range: Range<Int>) -> Token.Kind {
    let word = bytes[range]
    let isDigit = { (b: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
    if word.allSatisfy(isDigit) { return .integer }
    let shape = word.map { isDigit($0) ? UInt8(ascii: "9") : $0 }
    if shape.elementsEqual("9999-99-99".utf8) { return .date }
    if shape.elementsEqual("9999-99".utf8) { return .month }
    return .word
  }

  private func keywords(in range: Range<Int>) -> KeywordSet {
    guard range.count <= Keyword.longestSpelling else { return [] }
    var text = String(decoding: bytes[range], as: UTF8.self)
    if text.utf8.contains(where: { $0 >= 0x80 || (0x41...0x5A).contains($0) }) { text = text.lowercased() }
    return Keyword.bySpelling[text] ?? []
  }

  /// The closing quote for a quote that opens at this offset.
  private func openingQuote(at position: Int) -> [UInt8]? { Lexer.closingQuote(in: bytes, at: position) }

  /// Whether a typographic double quote, “ or ”, stands at this offset.
  private func isTypographicDoubleQuote(at position: Int) -> Bool {
    Lexer.closingQuote(in: bytes, at: position) == Lexer.typographicDouble
  }

  static let typographicSingle: [UInt8] = [0xE2, 0x80, 0x99]
  static let typographicDouble: [UInt8] = [0xE2, 0x80, 0x9D]

  /// The closing quote for a quote that opens at this offset: ' and " close themselves. Swedish writes
  /// the typographic ’…’ and ”…” with the same mark on both sides; ‘ closes with ’ and “ with ”, as
  /// English writes them.
  static func closingQuote(in bytes: [UInt8], at position: Int) -> [UInt8]? {
    guard position < bytes.count else { return nil }
    switch bytes[position] {
    case UInt8(ascii: "'"): return [UInt8(ascii: "'")]
    case UInt8(ascii: "\""): return [UInt8(ascii: "\"")]
    case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x80:
      switch bytes[position + 2] {
      case 0x98, 0x99: return typographicSingle  // ‘ ’
      case 0x9C, 0x9D: return typographicDouble  // “ ”
      default: return nil
      }
    default: return nil
    }
  }

  /// A quoted string and the range of its contents; a doubled closing quote stands for one ('it''s',
  /// ”a ”” b”).
  private mutating func scanString(closing: [UInt8]) -> (Token.Kind, SourceRange) {
    offset += closing.count
    let start = offset
    while offset < end {
      if bytes[offset..<end].starts(with: closing) {
        let content = SourceRange(start: start, end: offset)
        offset += closing.count
        if bytes[offset..<end].starts(with: closing) {
          offset += closing.count
          continue
        }
        return (.string, content)
      }
      offset += 1
    }
    return (.unclosedString, SourceRange(start: start, end: offset))
  }
}

extension Lexer {
  /// A string token's value: its contents with each doubled closing quote made one, as the lexer read
  /// them. Other tokens are their text.
  public static func value(of token: Token, in source: SourceText) -> String {
    let text = source.slice(token.content)
    guard token.kind == .string || token.kind == .unclosedString,
      let closing = closingQuote(of: token, in: source)
    else { return text }
    return text.replacing(closing + closing, with: closing)
  }

  /// The quote that closes a string token, whether or not it is closed.
  public static func closingQuote(of token: Token, in source: SourceText) -> String? {
    closingQuote(in: source.bytes, at: token.range.start).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The words of a dot-command line after its `.`: spaces and tabs part them, and a word that starts
  /// with a quote runs to its closing quote, as strings do in statements ('…', "…", ’…’, ”…”). A word
  /// after the name that starts with `#` or `--` starts a comment, which ends the line.
  public static func words(ofDotCommand token: Token, in source: SourceText) -> [Token] {
    var lexer = Lexer(source, from: token.range.start + 1, to: token.range.end)
    var words: [Token] = []
    while let word = lexer.nextCommandWord(isName: words.isEmpty) { words.append(word) }
    return words
  }

  private mutating func nextCommandWord(isName: Bool) -> Token? {
    let isSpace = { (byte: UInt8) in
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
    while offset < end && isSpace(bytes[offset]) { offset += 1 }
    guard offset < end else { return nil }
    let start = offset
    var kind = Token.Kind.word
    var content: SourceRange?
    if let quote = openingQuote(at: offset) {
      (kind, content) = scanString(closing: quote)
    } else if !isName && (bytes[offset] == UInt8(ascii: "#") || bytes[offset..<end].starts(with: "--".utf8)) {
      offset = end
      return nil
    } else {
      while offset < end && !isSpace(bytes[offset]) { offset += 1 }
    }
    let range = SourceRange(start: start, end: offset)
    return Token(
      kind: kind, range: range, content: content ?? range, keywords: [], startsLine: false,
      followsBlankLine: false)
  }
}

extension Lexer {
  /// In a string that is never closed, the first other quote that ends a word: the ' of `’Lobbying' count`
  /// or the “ of `”Lobbying“`, which was meant to close it. A quote with a letter after it is an
  /// apostrophe.
  static func mismatchedClosingQuote(in bytes: [UInt8], string: Range<Int>) -> Int? {
    let closing = closingQuote(in: bytes, at: string.lowerBound)!
    var position = string.lowerBound + closing.count
    while position < string.upperBound {
      if closingQuote(in: bytes, at: position) != nil, !bytes[position...].starts(with: closing) {
        let after = position + (bytes[position] < 0x80 ? 1 : 3)
        let endsWord =
          after >= bytes.count
          || (bytes[after] < 0x80
            && !(bytes[after] == UInt8(ascii: "_") || isASCIILetterOrDigit(bytes[after])))
          || closingQuote(in: bytes, at: after) != nil
        if endsWord { return position }
      }
      position += 1
    }
    return nil
  }

  private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// The byte offset where a comment starts in a text, if it has one outside strings.
  public static func commentStart(in text: String) -> Int? {
    let source = SourceText(name: "", text: text)
    var lexer = Lexer(source)
    var gapStart = 0
    while true {
      let token = lexer.next()
      let gap = source.bytes[gapStart..<token.range.start]
      if let hash = gap.firstIndex(of: UInt8(ascii: "#")) { return hash }
      if let dash = gap.indices.first(where: {
        gap[$0] == UInt8(ascii: "-") && $0 + 1 < gap.endIndex && gap[$0 + 1] == UInt8(ascii: "-")
      }) {
        return dash
      }
      if token.kind == .end { return nil }
      gapStart = token.range.end
    }
  }
}
