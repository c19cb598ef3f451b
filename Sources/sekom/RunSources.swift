import PlanModel
import Platform
import QueryLanguage

/// What a run of `sekom` runs: the `-c` statements, then the script files, else standard input or the
/// REPL. The `-c` statements are parsed before the plan is loaded; with a plan file, so are the scripts
/// and standard input that is not a terminal, so that their statements say which of a large file's
/// columns to read now (`ColumnsRead.toLoad`) and the rest are read only if something asks for them.
/// Every text is parsed once, and an error met reading ahead is reported where the source runs.
struct RunSources {
  var commandLine: [ParsedSource]
  /// Each script with its text parsed, or why it could not be read; nil when scripts are read as they run.
  var scripts: [(path: String, parsed: Result<ParsedSource, SourceFile.Failure>)]?
  /// Standard input parsed, or why it could not be read; nil when it is not what runs, is a terminal
  /// (the REPL), or is read as it runs.
  var standardInput: Result<ParsedSource, SourceFile.Failure>?

  init(_ options: RunOptions) {
    commandLine = options.statements.enumerated().map { index, statement in
      let name = options.statements.count == 1 ? "<command line>" : "<command line \(index + 1)>"
      return ParsedSource(SourceText(name: name, text: statement))
    }
    guard options.plan != nil else { return }
    scripts = options.scripts.map { path in (path, SourceFile.read(path).map(ParsedSource.init)) }
    if options.statements.isEmpty && options.scripts.isEmpty && !Terminal.isTerminal(.standardInput) {
      let input = Console.readStandardInput(limit: Session.maximumSourceBytes)
      standardInput = SourceFile.text(from: input, name: "<stdin>").map(ParsedSource.init)
    }
  }

  /// The columns of a plan file to read when loading it: what the statements read for every activity, up
  /// to the first script that could not be read (nothing after an error runs, unless --keep-going, and
  /// then what runs reads its columns when it runs). Every column for the embedded plan, the REPL and a
  /// timeline; `ColumnsRead.toLoad` gives every column for a dot-command, which may look at anything.
  func columnsToLoad(format: OutputFormat?) -> Set<PlanColumn> {
    guard let scripts, format != .timeline else { return ColumnsRead.all.everyRow }
    var sources = commandLine.map(\.items)
    for (_, parsed) in scripts {
      guard case .success(let script) = parsed else { break }
      sources.append(script.items)
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
