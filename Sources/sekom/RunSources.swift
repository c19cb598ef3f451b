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
  /// Each script, and for a regular file, its version and text as read ahead; nil when scripts are read as
  /// they run (the embedded plan).
  var scripts: [(path: String, ahead: ReadAhead?)]?
  /// Standard input redirected from a file, read ahead; nil when it is not what runs or not a file.
  var standardInput: Result<ParsedSource, SourceFile.Failure>?

  struct ReadAhead {
    var version: FileAccess.Version
    var parsed: Result<ParsedSource, SourceFile.Failure>
  }

  init(_ options: RunOptions) {
    commandLine = options.statements.enumerated().map { index, statement in
      let name = options.statements.count == 1 ? "<command line>" : "<command line \(index + 1)>"
      return ParsedSource(SourceText(name: name, text: statement))
    }
    guard options.plan != nil else { return }
    scripts = options.scripts.map { path in (path, Self.readAhead(path)) }
    if options.statements.isEmpty && options.scripts.isEmpty
      && FileAccess.regularFileVersion(descriptor: 0) != nil
    {
      let input = Console.readStandardInput(limit: Session.maximumSourceBytes)
      standardInput = SourceFile.text(from: input, name: "<stdin>").map(ParsedSource.init)
    }
  }

  /// A regular file's text, parsed, with the version it was read at; nil for anything else, or a file that
  /// changed while it was read.
  private static func readAhead(_ path: String) -> ReadAhead? {
    guard let version = FileAccess.regularFileVersion(path) else { return nil }
    let parsed = SourceFile.read(path).map(ParsedSource.init)
    guard FileAccess.regularFileVersion(path) == version else { return nil }
    return ReadAhead(version: version, parsed: parsed)
  }

  /// The script's text as read ahead, when the path still names the same file unchanged; nil when it is
  /// to be read now.
  static func unchanged(_ path: String, _ ahead: ReadAhead?) -> Result<ParsedSource, SourceFile.Failure>? {
    guard let ahead, FileAccess.regularFileVersion(path) == ahead.version else { return nil }
    return ahead.parsed
  }

  /// The columns of a plan file to read when loading it: what the statements read for every activity.
  /// Every column for the embedded plan, the REPL, standard input from a pipe, a timeline, and a script
  /// not read ahead, since what it asks for is not known; `ColumnsRead.toLoad` gives every column for a
  /// dot-command, which may look at anything.
  func columnsToLoad(format: OutputFormat?) -> Set<PlanColumn> {
    guard let scripts, format != .timeline else { return ColumnsRead.all.everyRow }
    var sources = commandLine.map(\.items)
    for (_, ahead) in scripts {
      // A script that cannot be read runs nothing; its error is reported where it runs.
      switch ahead?.parsed {
      case .success(let script): sources.append(script.items)
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
