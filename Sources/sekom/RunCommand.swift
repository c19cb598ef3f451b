import LineEditor
import PlanModel
import Platform
import QueryLanguage
import REPL

/// What `sekom` is asked to do: options that become a session, then `-c` statements, script files,
/// standard input, or the REPL.
struct RunOptions {
  var statements: [String] = []
  var plan: String?
  var year: Int?
  var format: OutputFormat?
  var today: Day?
  var title: String?
  var noHeader = false
  var parameters: [(name: String, value: String)] = []
  var keepGoing = false
  /// `--by`: who changes are recorded as.
  var author: String?
  /// `--dry-run`: change statements write nothing.
  var dryRun = false
  var noInit = false
  var scripts: [String] = []
  var language: ReportLanguage?
}

enum RunCommand {
  static var spec: CommandSpec<RunOptions> {
    CommandSpec<RunOptions>(
      // Written out rather than joined from `Subcommand.names` at every start; a test holds the two together.
      usage:
        "sekom [options] [FILE.sq …]\n       sekom check|diff|import|export … (see 'sekom check --help')",
      abstract: "sekom asks Sveriges Ekokommuner's activity plan questions in a small query language.",
      discussion: """
        Runs the statements of -c options, then of script files; with neither, reads statements from
        standard input, or opens the REPL when standard input is a terminal. The plan is the embedded 2021
        plan unless --plan names a file.

        Example: sekom -c 'activities where vem contains Kansli and prio = 1 order by när select id, vad'

        Exit status: 0 success; 1 an error in a query or script; 2 wrong usage; 3 a plan file, script or
        output file could not be read, was refused, or could not be written; 4 check --strict found
        a problem; 130 interrupted.
        """,
      options: [
        .value(
          "-c", name: "STATEMENT", help: "Run a statement; may be given more than once.", repeatable: true
        ) {
          options, value in options.statements.append(value)
        },
        .value("--plan", name: "FILE", help: "Read a plan file (.csv or .json) instead of the 2021 plan.") {
          options, value in options.plan = value
        },
        .planYear(\.year),
        .value(
          "--format", name: "FORMAT",
          help: "table, csv, tsv, json, markdown, html or timeline (default table)."
        ) { options, value throws(UsageError) in options.format = try Arguments.format(value) },
        .value("--today", name: "DATE", help: "The day 'today' stands for and reports are dated.") {
          options, value throws(UsageError) in options.today = try Arguments.day(value)
        },
        .value("--title", name: "TITLE", help: "The title of reports; else the script's header comment.") {
          options, value in options.title = value
        },
        .flag("--no-header", help: "Leave out header rows, for scripts.") { $0.noHeader = true },
        .language(\.language),
        .value("--param", name: "NAME=VALUE", help: "Give $NAME a value in the statements.", repeatable: true)
        {
          options, assignment throws(UsageError) in
          guard let equals = assignment.firstIndex(of: "=") else {
            throw UsageError("--param takes NAME=VALUE, as in --param vem=Kansli; got '\(assignment)'")
          }
          var name = String(assignment[..<equals])
          if name.hasPrefix("$") { name.removeFirst() }
          let value = String(assignment[assignment.index(after: equals)...])
          guard !name.isEmpty else {
            throw UsageError(
              "--param takes NAME=VALUE and the name is missing, as in --param vem=Kansli; got '\(assignment)'"
            )
          }
          guard Arguments.isParameterName(name) else {
            throw UsageError(
              "--param: '\(name)' is not a parameter name: a statement reads $NAME as letters, digits, _ and "
                + "single hyphens, as in $vem")
          }
          if let earlier = options.parameters.first(where: { $0.name == name }) {
            throw UsageError(
              "--param \(name) is given twice ('\(earlier.value)', then '\(value)'); give it once")
          }
          options.parameters.append((name, value))
        },
        .flag("--keep-going", help: "Run on after an error instead of stopping at the first.") {
          $0.keepGoing = true
        },
        .value("--by", name: "NAME", help: "Who changes to the plan file are recorded as (else $SEKOM_USER).")
        {
          options, value throws(UsageError) in
          guard !value.trimmingSpaces.isEmpty else { throw UsageError("--by takes a name, as in --by Anna") }
          options.author = value.trimmingSpaces
        },
        .flag("--dry-run", help: "Show what change statements would change, and write nothing.") {
          $0.dryRun = true
        },
        .flag("--no-init", help: "Do not run $XDG_CONFIG_HOME/sekom/init.sq before the first prompt.") {
          $0.noInit = true
        },
      ] + documentOptions,
      argumentsHelp: "FILE.sq …  script files of statements to run, after any -c statements",
      argument: { options, value in options.scripts.append(value) },
      validate: { options throws(UsageError) in
        // A mistyped command would be read as a script that does not exist; say what was likely meant.
        for script in options.scripts where FileAccess.identity(script) == nil {
          if let command = Spelling.nearest(script, in: Subcommand.names) {
            throw UsageError(
              "no command or file '\(script)'; did you mean '\(command)'? (sekom \(command) …)")
          }
        }
      })
  }

  /// Runs, and leaves with the exit status while the session and its plan are still alive: freeing a
  /// large plan's activities one by one would only delay the exit.
  static func execute(_ options: RunOptions) -> Never {
    let sources = RunSources(options)
    guard
      let loaded = PlanLoading.load(
        path: options.plan, year: options.year, today: options.today,
        columns: sources.columnsToLoad(format: options.format))
    else {
      Console.exit(.fileError)
    }
    let session = Session(
      plan: loaded, planPath: options.plan, standardOutput: Console.output,
      standardError: Console.sessionError)
    session.format = options.format ?? .table
    session.header = !options.noHeader
    session.keepGoing = options.keepGoing
    session.planYear = options.year
    session.title = options.title
    session.dryRun = options.dryRun
    // Who a change is recorded as: --by, else $SEKOM_USER, else the login name.
    session.changeAuthor = { [author = options.author] in
      author ?? ProcessIO.environment("SEKOM_USER").map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 }
        ?? ProcessIO.loginName() ?? "unknown"
    }
    session.language = Arguments.language(options.language)
    if let today = options.today { session.today = today }
    for (name, value) in options.parameters { session.parameters[name] = value }
    // A dumb terminal (Emacs' shell) shows escapes as they are: no colour there, as with NO_COLOR.
    let colors = ProcessIO.environment("NO_COLOR") == nil && ProcessIO.environment("TERM") != "dumb"
    if Terminal.isTerminal(.standardOutput) {
      session.terminalWidth = { Terminal.width() }
      session.colorOutput = colors
    }
    session.colorErrors = colors && Terminal.isTerminal(.standardError)
    if Terminal.isTerminal(.standardError) { session.errorWidth = { Terminal.width(of: .standardError) } }
    let status = run(session, options, sources)
    withExtendedLifetime(session) { Console.exit(status) }
  }

  private static func run(_ session: Session, _ options: RunOptions, _ sources: RunSources) -> ExitStatus {
    var status = ExitStatus.success
    func record(_ result: ExitStatus) -> Bool {
      status = max(status, result)
      return result == .success || options.keepGoing
    }
    for source in sources.commandLine where !session.quitRequested {
      guard record(session.run(source)) else { return max(status, session.finish()) }
    }
    for script in sources.scripts where !session.quitRequested {
      let ran =
        script.unchanged.map { session.runFile(script.path, parsed: $0) } ?? session.runFile(script.path)
      guard record(ran) else { return max(status, session.finish()) }
    }
    if options.statements.isEmpty && options.scripts.isEmpty {
      if sources.standardInput == nil && Terminal.isTerminal(.standardInput) {
        status = interactive(session, options)
      } else {
        status = standardInput(session, sources.standardInput ?? RunSources.readStandardInput())
      }
    }
    return max(status, session.finish())
  }

  /// The REPL; the line editor only when both ends are a terminal and libedit is there, otherwise lines
  /// are read plainly.
  private static func interactive(_ session: Session, _ options: RunOptions) -> ExitStatus {
    var reader: LineReading = PlainLineReader()
    if Terminal.isTerminal(.standardOutput) {
      let library = ProcessIO.environment("SEKOM_LIBEDIT")
      if let editor = LineEditor(programName: "sekom", library: library) {
        reader = editor
        // Ctrl-C while a statement runs stops it; the REPL goes on.
        session.interruption = { LineEditor.takeInterrupt() }
      } else {
        Console.error(
          "sekom: warning: cannot load libedit (\(library ?? "libedit.so.2")); lines are read without editing "
            + "or history\n")
        reader = PlainLineReader(showsPrompt: true)
        session.interruption = { LineEditor.takeInterrupt() }
      }
    }
    let environment = ["HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"].reduce(into: [String: String]()) {
      $0[$1] = ProcessIO.environment($1)
    }
    let repl = Repl(
      session: session, reader: reader, paths: ReplPaths(environment: environment),
      runInitFile: !options.noInit, show: Console.output, warn: Console.error)
    return repl.run()
  }

  /// Standard input, read before a plan file was loaded or now.
  private static func standardInput(
    _ session: Session, _ input: Result<ParsedSource, SourceFile.Failure>
  ) -> ExitStatus {
    switch input {
    case .success(let parsed): return session.run(parsed)
    case .failure(let failure):
      Console.error(failure.message + "\n")
      return failure.status
    }
  }
}
