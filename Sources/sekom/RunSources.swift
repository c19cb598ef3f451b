import PlanModel
import Platform
import QueryLanguage

/// What a run of `sekom` runs: the `-c` statements, then the script files, else standard input or the
/// REPL. The `-c` statements are parsed before the plan is loaded; with a plan file, so are the scripts
/// that are regular files and standard input redirected from one, so that their statements say which of
/// a large file's columns to read now (`ColumnsRead.toLoad`) and the rest are read only if something asks
/// for them. Every text is parsed once, and an error met reading ahead is reported where the source runs.
///
/// Pipes, terminals and devices are not read ahead (they would block, or be consumed before their turn),
/// and a script that changed before its turn (an earlier statement wrote it) is read again then.
struct RunSources {
  var commandLine: [ParsedSource]
  var scripts: [Script]
  /// Standard input redirected from a file, read ahead; nil when it is not what runs or not read ahead.
  var standardInput: Result<ParsedSource, SourceFile.Failure>?
  /// Whether scripts and standard input were looked at ahead: only with a plan file.
  let readsAhead: Bool

  struct Script {
    var path: String
    typealias ReadAhead = (version: FileAccess.Version, parsed: Result<ParsedSource, SourceFile.Failure>)
    /// For a regular file read ahead, its version and its text parsed, or why it could not be read.
    var ahead: ReadAhead?

    /// The text as read ahead, when the path still names the same file unchanged; nil when it is to be
    /// read now.
    var unchanged: Result<ParsedSource, SourceFile.Failure>? {
      guard let ahead, FileAccess.regularFileVersion(path) == ahead.version else { return nil }
      return ahead.parsed
    }
  }

  init(_ options: RunOptions) {
    commandLine = options.statements.enumerated().map { index, statement in
      let name = options.statements.count == 1 ? "<command line>" : "<command line \(index + 1)>"
      return ParsedSource(SourceText(name: name, text: statement))
    }
    let readsAhead = options.plan != nil
    self.readsAhead = readsAhead
    scripts = options.scripts.map { Script(path: $0, ahead: readsAhead ? Self.readAhead($0) : nil) }
    if readsAhead && options.statements.isEmpty && options.scripts.isEmpty
      && FileAccess.regularFileVersion(descriptor: 0) != nil
    {
      standardInput = Self.readStandardInput()
    }
  }

  /// Standard input, read whole and parsed.
  static func readStandardInput() -> Result<ParsedSource, SourceFile.Failure> {
    let input = Console.readStandardInput(limit: Session.maximumSourceBytes)
    return SourceFile.text(from: input, name: "<stdin>").map(ParsedSource.init)
  }

  /// A regular file's text, parsed, with the version it was read at; nil for anything else, or a file that
  /// changed while it was read.
  private static func readAhead(_ path: String) -> Script.ReadAhead? {
    guard let version = FileAccess.regularFileVersion(path) else { return nil }
    let parsed = SourceFile.read(path).map(ParsedSource.init)
    guard FileAccess.regularFileVersion(path) == version else { return nil }
    return (version, parsed)
  }

  /// The columns of a plan file to read when loading it: what the statements read for every activity.
  /// Every column for the embedded plan, the REPL, standard input from a pipe, a timeline, and a script
  /// not read ahead, since what it asks for is not known; `ColumnsRead.toLoad` gives every column for a
  /// dot-command, which may look at anything.
  func columnsToLoad(format: OutputFormat?) -> Set<PlanColumn> {
    guard readsAhead, format != .timeline else { return ColumnsRead.all.everyRow }
    var sources = commandLine.map(\.items)
    for script in scripts {
      // A script that cannot be read runs nothing; its error is reported where it runs.
      switch script.ahead?.parsed {
      case .success(let parsed): sources.append(parsed.items)
      case .failure: continue
      case nil: return ColumnsRead.all.everyRow
      }
    }
    if commandLine.isEmpty && scripts.isEmpty {
      switch standardInput {
      case .success(let input): sources.append(input.items)
      case .failure: return []
      case nil: return ColumnsRead.all.everyRow
      }
    }
    return ColumnsRead.toLoad(for: sources)
  }
}
