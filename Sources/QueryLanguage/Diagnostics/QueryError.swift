/// The one error a query can raise: what went wrong and where, in any stage from lexing to evaluation.
///
/// The wording is made where the error is raised; turning it into `FILE:LINE:COL: error: …` with the line
/// and a caret is `DiagnosticRenderer`'s job.
public struct QueryError: Error, Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A character or literal the lexer cannot read.
    case lexical
    /// Tokens in an order the grammar does not allow.
    case syntax
    /// The input ended where more was needed: the REPL reads another line instead of reporting it.
    case incomplete
    /// An unknown field, parameter, category or dot-command.
    case name
    /// A value of the wrong kind for its field or operator.
    case type
    /// A limit on size or nesting was passed.
    case limit
    /// A file that cannot be read or written, or a plan file that is refused.
    case file
    /// Ctrl-C stopped the statement while it ran.
    case interrupted
    /// Not an error: something that looks like a mistake, shown as `warning:` while the statement runs.
    case warning
  }

  public var kind: Kind
  public var message: String
  public var range: SourceRange
  /// Further lines shown under the caret, such as where an unclosed parenthesis was opened.
  public var notes: [String]

  public init(_ kind: Kind, _ message: String, at range: SourceRange, notes: [String] = []) {
    self.kind = kind
    self.message = message
    self.range = range
    self.notes = notes
  }
}
