/// The exit statuses of a session, documented in the README; the command line adds its own (`CommandStatus`
/// in the executable: 2 for wrong usage, 4 for `check --strict`'s findings).
public enum ExitStatus: Int32, Sendable, Comparable {
  case success = 0
  /// An error in a query or script: lexical, syntax, name or type, found before the statement ran.
  case queryError = 1
  /// A plan file, script or other file could not be read, was refused, or could not be written.
  case fileError = 3
  /// Stopped by Ctrl-C (128 + SIGINT), as shells report it.
  case interrupted = 130

  public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }

  /// The status for an error of a kind.
  public init(for error: QueryError) {
    switch error.kind {
    case .file: self = .fileError
    case .interrupted: self = .interrupted
    case .lexical, .syntax, .incomplete, .name, .type, .limit, .warning: self = .queryError
    }
  }
}
