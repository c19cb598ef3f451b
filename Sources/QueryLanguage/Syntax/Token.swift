/// A token: its kind and where it stands. Its text is a slice of the source, read on demand.
public struct Token: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A bare word: a keyword, a field name or a value such as Kansli.
    case word
    case integer
    /// An ISO date, 2021-05-11.
    case date
    /// An ISO month, 2021-05.
    case month
    /// A quoted string; `Lexer.value(of:in:)` gives its value.
    case string
    /// `$name`.
    case parameter
    case leftParen, rightParen, comma, semicolon
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// A whole line starting with `.`, such as `.format csv`.
    case dotCommand
    case end
    /// A quote with no closing quote before the end of the input.
    case unclosedString
    /// Text the lexer cannot read; the message says why. The lexer never throws.
    case error(String)
  }

  public var kind: Kind
  public var range: SourceRange
  /// A string's contents, inside its quotes; for other tokens the same as `range`.
  public var content: SourceRange
  /// The keywords a word token can be, from its folded text.
  public var keywords: KeywordSet
  /// Whether the token is the first on its line.
  public var startsLine: Bool
  /// Whether a blank line stands between this token and the one before it.
  public var followsBlankLine: Bool

  public func `is`(_ keyword: Keyword) -> Bool { kind == .word && keywords.contains(keyword) }
}
