import PlanModel

/// A regular expression's parts, as `PatternParser` reads them. Literal letters are already folded as
/// `SwedishCollation.fold` folds the texts they are matched against.
indirect enum PatternNode: Equatable {
  case empty
  case scalar(Unicode.Scalar)
  case set(ScalarSet)
  /// `.`: any scalar but a line feed.
  case anyButLineFeed
  case assertion(PatternAssertion)
  case sequence([PatternNode])
  case choice([PatternNode])
  /// `max` nil: no upper bound.
  case repetition(PatternNode, min: Int, max: Int?)
}

/// What `^`, `$`, `\b` and `\B` test: a place between two scalars, not a scalar.
enum PatternAssertion: Equatable {
  case textStart, textEnd, wordBoundary, notWordBoundary
}

/// A mistake in a pattern, at a scalar of it, with its UTF-8 offset and length in the pattern's text.
struct PatternError: Error, Equatable {
  var message: String
  var offset: Int
  var length: Int
}

/// Reads a regular expression, the common syntax of POSIX ERE, Perl and Swift's `Regex` that a plan's
/// texts call for: literals and escapes, `.`, bracket expressions with ranges, `[:alpha:]`-style classes
/// and `\d \w \s` (and `\D \W \S`), groups `( )` and `(?: )`, `|`, `* + ? {n} {n,} {n,m}` (a lazy `?`
/// after them is accepted: whether a text matches does not depend on it), and `^ $ \b \B \A \z`.
///
/// Back-references and lookaround are refused: they cannot be matched in time linear in the text, which is
/// what `TextPattern` promises.
struct PatternParser {
  static let maximumDepth = 100
  static let maximumCount = 1000

  private let scalars: [Unicode.Scalar]
  /// The UTF-8 offset of each scalar in the pattern, and one past the last.
  private let offsets: [Int]
  private var index = 0
  private var depth = 0

  init(_ pattern: String) {
    scalars = Array(pattern.unicodeScalars)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    self.offsets = offsets
  }

  static func parse(_ pattern: String) throws(PatternError) -> PatternNode {
    var parser = PatternParser(pattern)
    let node = try parser.choice()
    if parser.index < parser.scalars.count {
      // `choice` stops only at the end or at a ')' that closes nothing.
      throw parser.error("unmatched ')'", at: parser.index)
    }
    return node
  }

  // MARK: Grammar

  /// choice := sequence ('|' sequence)*
  private mutating func choice() throws(PatternError) -> PatternNode {
    var options = [try sequence()]
    while peek() == "|" {
      index += 1
      options.append(try sequence())
    }
    return options.count == 1 ? options[0] : .choice(options)
  }

  /// sequence := repetition*
  private mutating func sequence() throws(PatternError) -> PatternNode {
    var items: [PatternNode] = []
    while let next = peek(), next != "|", next != ")" {
      let item = try repetition()
      if item != .empty { items.append(item) }
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .sequence(items)
    }
  }

  /// repetition := atom (quantifier '?'?)?
  private mutating func repetition() throws(PatternError) -> PatternNode {
    let start = index
    if try quantifier() != nil {
      throw error("nothing to repeat before '\(text(from: start, to: index))'", at: start, to: index)
    }
    let atom = try atom()
    let quantifierStart = index
    guard let (min, max) = try quantifier() else { return atom }
    if peek() == "?" {
      index += 1
    } else if peek() == "+" {
      throw error(
        "possessive repetition ('\(text(from: quantifierStart, to: index))+') is not supported",
        at: quantifierStart, to: index + 1)
    }
    let next = index
    if try quantifier() != nil {
      throw error(
        "'\(text(from: next, to: index))' repeats a repetition; put the repeated part in parentheses",
        at: next, to: index)
    }
    return .repetition(atom, min: min, max: max)
  }

  /// quantifier := '*' | '+' | '?' | '{' n '}' | '{' n ',' '}' | '{' n ',' m '}'
  ///
  /// A `{` that does not start a count is a literal, as in most engines.
  private mutating func quantifier() throws(PatternError) -> (Int, Int?)? {
    switch peek() {
    case "*":
      index += 1
      return (0, nil)
    case "+":
      index += 1
      return (1, nil)
    case "?":
      index += 1
      return (0, 1)
    case "{":
      let open = index
      var i = index + 1
      guard let min = number(at: &i) else { return nil }
      var max: Int? = min
      if i < scalars.count, scalars[i] == "," {
        i += 1
        max = number(at: &i)
      }
      guard i < scalars.count, scalars[i] == "}" else { return nil }
      index = i + 1
      if min > PatternParser.maximumCount || (max ?? 0) > PatternParser.maximumCount {
        throw error("a repetition count above \(PatternParser.maximumCount)", at: open, to: index)
      }
      if let max, max < min {
        throw error("in {\(min),\(max)} the smaller count comes first", at: open, to: index)
      }
      return (min, max)
    default:
      return nil
    }
  }

  /// atom := '(' group ')' | '[' set ']' | '.' | '^' | '$' | '\' escape | literal
  private mutating func atom() throws(PatternError) -> PatternNode {
    let start = index
    let scalar = scalars[index]
    index += 1
    switch scalar {
    case "(": return try group(openedAt: start)
    case "[": return .set(try bracket(openedAt: start))
    case ".": return .anyButLineFeed
    case "^": return .assertion(.textStart)
    case "$": return .assertion(.textEnd)
    case "\\":
      switch try escape(startingAt: start, inBracket: false) {
      case .scalar(let scalar): return literal(String(scalar))
      case .set(let set): return .set(set)
      case .assertion(let assertion): return .assertion(assertion)
      }
    default:
      // Combining marks belong to the letter before them: a and a ring fold to å, as in the text.
      var letter = String(scalar)
      while let mark = peek(), mark.properties.generalCategory == .nonspacingMark {
        letter.unicodeScalars.append(mark)
        index += 1
      }
      return literal(letter)
    }
  }

  /// group := ('?:' | '?<' name '>' | "?P<" name '>' | '?i)')? choice
  private mutating func group(openedAt open: Int) throws(PatternError) -> PatternNode {
    if peek() == "?" {
      let next = peek(1)
      if next == ":" {
        index += 2
      } else if next == "i", peek(2) == ")" {
        // Matching ignores case already.
        index += 3
        return .empty
      } else if next == "=" || next == "!" || (next == "<" && (peek(2) == "=" || peek(2) == "!")) {
        throw error("lookahead and lookbehind are not supported", at: open, to: index + (next == "<" ? 3 : 2))
      } else if next == "<" || (next == "P" && peek(2) == "<") {
        index += next == "P" ? 3 : 2
        while let c = peek(), c != ">" { index += 1 }
        guard peek() == ">" else { throw error("the group's name is never closed with '>'", at: open) }
        index += 1
      } else {
        throw error("unknown kind of group '(?\(next.map(String.init) ?? "")'", at: open, to: index + 2)
      }
    }
    depth += 1
    defer { depth -= 1 }
    if depth > PatternParser.maximumDepth {
      throw error("groups nest more than \(PatternParser.maximumDepth) deep", at: open)
    }
    let inner = try choice()
    guard peek() == ")" else { throw error("'(' is never closed", at: open) }
    index += 1
    return inner
  }

  /// set := '^'? ']'? item* ']';  item := '[:' class ':]' | char ('-' char)? | '\' escape
  private mutating func bracket(openedAt open: Int) throws(PatternError) -> ScalarSet {
    var set = ScalarSet()
    if peek() == "^" {
      set.negated = true
      index += 1
    }
    var first = true
    while true {
      guard let scalar = peek() else { throw error("'[' is never closed", at: open) }
      if scalar == "]" && !first {
        index += 1
        return set
      }
      first = false
      let itemStart = index
      if scalar == "[", peek(1) == ":" {
        set.items.append(.named(try posixClass()))
        continue
      }
      let low: Unicode.Scalar
      index += 1
      if scalar == "\\" {
        switch try escape(startingAt: itemStart, inBracket: true) {
        case .scalar(let escaped): low = escaped
        case .set(let inner):
          set.items.append(contentsOf: inner.items)
          continue
        case .assertion: throw error("'\\b' means a word boundary, not a letter", at: itemStart, to: index)
        }
      } else {
        low = scalar
      }
      guard peek() == "-", let after = peek(1), after != "]" else {
        set.items.append(.scalars(folded(low)...folded(low)))
        continue
      }
      index += 1
      let highStart = index
      var high = after
      index += 1
      if after == "\\" {
        guard case .scalar(let escaped) = try escape(startingAt: highStart, inBracket: true) else {
          throw error("a range must end in a letter", at: highStart, to: index)
        }
        high = escaped
      }
      guard low <= high else {
        throw error("the range '\(low)-\(high)' is backwards", at: itemStart, to: index)
      }
      set.items.append(.scalars(low...high))
    }
  }

  /// '[:' name ':]', with `index` at the first '['.
  private mutating func posixClass() throws(PatternError) -> ScalarClass {
    let start = index
    index += 2
    var name = ""
    while let c = peek(), c != ":" {
      name.unicodeScalars.append(c)
      index += 1
    }
    guard peek() == ":", peek(1) == "]" else { throw error("'[:' is never closed with ':]'", at: start) }
    index += 2
    guard let named = ScalarClass(posixName: name) else {
      throw error(
        "unknown class '[:\(name):]' (classes: \(ScalarClass.posixNames))", at: start, to: index
      )
    }
    return named
  }

  enum Escaped {
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    case assertion(PatternAssertion)
  }

  /// What follows a backslash, with `index` after the backslash at `start`.
  private mutating func escape(startingAt start: Int, inBracket: Bool) throws(PatternError) -> Escaped {
    guard let scalar = peek() else { throw error("'\\' at the end of the pattern", at: start) }
    index += 1
    switch scalar {
    case "d", "D": return .set(ScalarSet(.digit, negated: scalar == "D"))
    case "w", "W": return .set(ScalarSet(.word, negated: scalar == "W"))
    case "s", "S": return .set(ScalarSet(.space, negated: scalar == "S"))
    case "b" where !inBracket: return .assertion(.wordBoundary)
    case "B" where !inBracket: return .assertion(.notWordBoundary)
    case "A" where !inBracket: return .assertion(.textStart)
    case "z" where !inBracket, "Z" where !inBracket: return .assertion(.textEnd)
    case "t": return .scalar("\t")
    case "n": return .scalar("\n")
    case "r": return .scalar("\r")
    case "f": return .scalar("\u{0C}")
    case "v": return .scalar("\u{0B}")
    case "x", "u": return .scalar(try hexScalar(escapeAt: start, short: scalar == "x" ? 2 : 4))
    case "1"..."9":
      throw error("back-references such as '\\\(scalar)' are not supported", at: start, to: index)
    case "p", "P":
      throw error("Unicode properties ('\\\(scalar){…}') are not supported", at: start, to: index)
    default:
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
        throw error("unknown escape '\\\(scalar)'", at: start, to: index)
      }
      return .scalar(scalar)
    }
  }

  /// `\xHH`, `\uHHHH`, or either with braces: `\x{E5}`, `\u{E5}`.
  private mutating func hexScalar(escapeAt start: Int, short: Int) throws(PatternError) -> Unicode.Scalar {
    var digits = ""
    if peek() == "{" {
      index += 1
      while let c = peek(), c != "}", digits.unicodeScalars.count < 8 {
        digits.unicodeScalars.append(c)
        index += 1
      }
      guard peek() == "}" else { throw error("'{' is never closed with '}'", at: start, to: index) }
      index += 1
    } else {
      for _ in 0..<short {
        guard let c = peek() else { break }
        digits.unicodeScalars.append(c)
        index += 1
      }
    }
    guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
      throw error("'\(text(from: start, to: index))' is not a character code", at: start, to: index)
    }
    return scalar
  }

  // MARK: Helpers

  /// A literal, folded as the text it is matched against: case, and accents Swedish ignores.
  private func literal(_ letter: String) -> PatternNode {
    let folded = SwedishCollation.fold(letter).unicodeScalars
    if folded.count == 1 { return .scalar(folded.first!) }
    return .sequence(folded.map { .scalar($0) })
  }

  /// A bracket's single letter folded the same way, when it folds to one scalar.
  private func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let folded = SwedishCollation.fold(String(scalar)).unicodeScalars
    return folded.count == 1 ? folded.first! : scalar
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    index + ahead < scalars.count ? scalars[index + ahead] : nil
  }

  /// Decimal digits at `i`, moving past them; nil when there are none.
  private func number(at i: inout Int) -> Int? {
    let start = i
    var value = 0
    while i < scalars.count, ("0"..."9").contains(scalars[i]) {
      value = min(value * 10 + Int(scalars[i].value - 0x30), Int(Int32.max))
      i += 1
    }
    return i > start ? value : nil
  }

  private func text(from start: Int, to end: Int) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[start..<min(end, scalars.count)])
    return text
  }

  private func error(_ message: String, at start: Int, to end: Int? = nil) -> PatternError {
    let last = min(max(end ?? start + 1, start + 1), scalars.count)
    let from = min(start, scalars.count)
    return PatternError(
      message: message, offset: offsets[from], length: offsets[max(last, from)] - offsets[from])
  }
}
