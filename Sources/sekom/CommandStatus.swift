import QueryLanguage

/// How the process ends: a session's `ExitStatus`, or one of the statuses only the command line gives.
enum CommandStatus {
  case session(ExitStatus)
  /// Wrong usage of the command line.
  case usage
  /// `sekom check --strict` found something.
  case findings

  /// The process's exit status, as the README lists them.
  var code: Int32 {
    switch self {
    case .session(let status): status.rawValue
    case .usage: 2
    case .findings: 4
    }
  }
}
