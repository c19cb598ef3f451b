/// A class of scalars by their Unicode properties: what `\d`, `\w`, `\s` and the POSIX classes such as
/// `[:alpha:]` stand for, by Unicode's recommendation for them (Unicode Technical Standard #18, annex C).
enum ScalarClass: Equatable, CaseIterable {
  case digit, word, space, alpha, alnum, punct, upper, lower, blank, cntrl, graph, print, xdigit

  init?(posixName: String) {
    switch posixName {
    case "digit": self = .digit
    case "word": self = .word
    case "space": self = .space
    case "alpha": self = .alpha
    case "alnum": self = .alnum
    case "punct": self = .punct
    case "upper": self = .upper
    case "lower": self = .lower
    case "blank": self = .blank
    case "cntrl": self = .cntrl
    case "graph": self = .graph
    case "print": self = .print
    case "xdigit": self = .xdigit
    default: return nil
    }
  }

  /// The names `init(posixName:)` knows, for the message that lists them.
  static let posixNames =
    "alpha, digit, alnum, upper, lower, space, blank, punct, print, graph, cntrl, xdigit, word"

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch self {
    case .digit: return properties.numericType == .decimal
    case .space: return properties.isWhitespace
    case .alpha: return properties.isAlphabetic
    case .alnum: return properties.isAlphabetic || properties.numericType == .decimal
    case .word: return ScalarClass.isWord(scalar)
    case .punct:
      if scalar.isASCII {
        // POSIX counts ASCII symbols ($ + < = > ^ ` | ~) as punctuation too.
        return scalar.value > 0x20 && scalar.value < 0x7F && !properties.isAlphabetic
          && properties.numericType != .decimal
      }
      switch properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        return true
      default: return false
      }
    case .upper, .lower:
      // Matching ignores case, so each stands for the letters of either case, as POSIX says of REG_ICASE.
      return properties.isCased
    case .blank:
      return scalar == "\t" || properties.generalCategory == .spaceSeparator
    case .cntrl:
      return properties.generalCategory == .control
    case .graph:
      return ScalarClass.isGraphic(scalar)
    case .print:
      // Graphic scalars and blanks, but not the control scalar tab.
      return ScalarClass.isGraphic(scalar) || properties.generalCategory == .spaceSeparator
    case .xdigit:
      switch scalar {
      case "0"..."9", "a"..."f", "A"..."F": return true
      default: return false
      }
    }
  }

  /// What is seen when printed: not white space, a control, a surrogate or unassigned.
  static func isGraphic(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    if properties.isWhitespace { return false }
    switch properties.generalCategory {
    case .control, .surrogate, .unassigned: return false
    default: return true
    }
  }

  /// Letters, digits, marks and `_`: what `\w` and `\b` count as part of a word. å, ä and ö are letters.
  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let v = scalar.value
      return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x5F
    }
    let properties = scalar.properties
    if properties.isAlphabetic || properties.numericType == .decimal { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
    default: return false
    }
  }
}

/// A bracket expression or a class escape: the scalars it holds. It is tested against text folded to
/// lower case, so a scalar belongs when it or its upper-case form is held: `[A-Z]` finds "kansli".
struct ScalarSet: Equatable {
  enum Item: Equatable {
    case scalars(ClosedRange<Unicode.Scalar>)
    case named(ScalarClass)
    case notNamed(ScalarClass)
  }

  var items: [Item] = []
  var negated = false

  init() {}

  /// `\d`, `\W` and their kind, as a set of one item.
  init(_ named: ScalarClass, negated: Bool) {
    items = [negated ? .notNamed(named) : .named(named)]
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    if holds(scalar) { return !negated }
    let upper = scalar.properties.uppercaseMapping.unicodeScalars
    if upper.count == 1, let other = upper.first, other != scalar, holds(other) { return !negated }
    return negated
  }

  private func holds(_ scalar: Unicode.Scalar) -> Bool {
    items.contains { item in
      switch item {
      case .scalars(let range): range.contains(scalar)
      case .named(let named): named.contains(scalar)
      case .notNamed(let named): !named.contains(scalar)
      }
    }
  }
}

/// A set compiled for matching: the answer for each ASCII scalar looked up in two words, the rest
/// worked out from the set's items.
struct CompiledScalarSet {
  private let set: ScalarSet
  private let low: UInt64
  private let high: UInt64

  init(_ set: ScalarSet) {
    self.set = set
    var low: UInt64 = 0
    var high: UInt64 = 0
    for value in 0..<128 where set.contains(Unicode.Scalar(UInt8(value))) {
      if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
    }
    self.low = low
    self.high = high
  }

  @inline(__always)
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 64 { return low & (1 << UInt64(v)) != 0 }
    if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
    return set.contains(scalar)
  }
}
