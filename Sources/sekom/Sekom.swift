import ArgumentParser
import LineEditor
import PlanModel
import QueryLanguage
import REPL

/// The command line: options become a session, and the session runs `-c` statements, script files,
/// standard input, or the interactive prompt.
struct Sekom: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sekom",
    abstract: "Ask Sveriges Ekokommuner's activity plan questions in a small query language.",
    discussion: """
      Runs the statements of -c options, then of script files; with neither, reads statements from
      standard input, or prompts for them when standard input is a terminal. The plan is the embedded
      2021 plan unless --plan names a file.

      Example: sekom -c 'activities where vem contains Kansli and prio = 1 order by när select id, vad'

      Exit status: 0 success; 1 an error in a query or script; 2 wrong usage; 3 a plan file, script or
      output file could not be read, was refused, or could not be written; 130 interrupted.
      """,
    version: "0.1.0")

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp("Run a statement; may be given more than once.", valueName: "statement"))
  var statements: [String] = []

  @Option(
    help: ArgumentHelp(
      "Load a plan file (.csv or .json) instead of the embedded 2021 plan.", valueName: "file"))
  var plan: String?

  @Option(help: ArgumentHelp("The plan year for a plan file that does not give one.", valueName: "year"))
  var year: Int?

  @Option(
    help: ArgumentHelp(
      "table, csv, tsv, json, markdown, html or timeline (default: table).", valueName: "format"))
  var format: String?

  @Option(
    help: ArgumentHelp(
      "The day 'today' stands for, as 2021-09-15, for a reproducible report.", valueName: "date"))
  var today: String?

  @Option(
    help: ArgumentHelp(
      "The title of reports (markdown, html); else the script's header comment.", valueName: "title"))
  var title: String?

  @Flag(help: "Leave out header rows, for scripts.")
  var noHeader = false

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp("Give $NAME a value in the statements.", valueName: "name=value"))
  var parameters: [String] = []

  @Flag(help: "Run on after an error instead of stopping at the first.")
  var keepGoing = false

  @Flag(help: "Do not run the init file ($XDG_CONFIG_HOME/sekom/init.sq) before the first prompt.")
  var noInit = false

  @Argument(help: ArgumentHelp("Script files of statements to run (.sq).", valueName: "file"))
  var scripts: [String] = []

  func validate() throws {
    if let format, OutputFormat(name: format) == nil {
      throw ValidationError(
        "unknown format '\(format)'; use table, csv, tsv, json, markdown, html or timeline")
    }
    for parameter in parameters where !parameter.contains("=") {
      throw ValidationError("--param takes NAME=VALUE, as in --param vem=Kansli; got '\(parameter)'")
    }
    if let today, Day(iso: Substring(today)) == nil {
      throw ValidationError("--today takes a date such as 2021-09-15; got '\(today)'")
    }
    if let year, !(1900...2200).contains(year) {
      throw ValidationError("--year \(year) is not a plan year")
    }
  }

  /// Runs and returns the exit status.
  func execute() -> ExitStatus {
    let loaded: Plan
    if let path = plan {
      do throws(PlanFileError) {
        loaded = try PlanFile.read(path: path, options: PlanReadOptions(year: year))
      } catch {
        Console.error(error.description + "\n")
        return .fileError
      }
    } else {
      loaded = .embedded2021
    }
    let session = Session(
      plan: loaded, planPath: plan, standardOutput: Console.output, standardError: Console.error)
    session.format = format.flatMap(OutputFormat.init(name:)) ?? .table
    session.header = !noHeader
    session.keepGoing = keepGoing
    session.planYear = year
    session.title = title
    if let today, let day = Day(iso: Substring(today)) { session.today = day }
    for parameter in parameters {
      let (name, value) = parameter.splitOnce("=")
      session.parameters[name.hasPrefix("$") ? String(name.dropFirst()) : name] = value
    }
    let colors = Console.environment("NO_COLOR") == nil
    if Terminal.isTerminal(.standardOutput) {
      session.terminalWidth = { Terminal.width() }
      session.colorOutput = colors
    }
    session.colorErrors = colors && Terminal.isTerminal(.standardError)

    var status = ExitStatus.success
    func record(_ result: ExitStatus) -> Bool {
      status = max(status, result)
      return result == .success || keepGoing
    }
    for (index, statement) in statements.enumerated() where !session.quitRequested {
      let name = statements.count == 1 ? "<command line>" : "<command line \(index + 1)>"
      guard record(session.run(SourceText(name: name, text: statement))) else {
        return finish(session, status)
      }
    }
    for script in scripts where !session.quitRequested {
      guard record(session.runFile(script)) else { return finish(session, status) }
    }
    if statements.isEmpty && scripts.isEmpty {
      if Terminal.isTerminal(.standardInput) {
        // The line editor only when both ends are a terminal; otherwise lines are read plainly.
        let reader: LineReading =
          Terminal.isTerminal(.standardOutput) ? LineEditor(programName: "sekom") : PlainLineReader()
        let environment = ["HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"].reduce(into: [String: String]()) {
          $0[$1] = Console.environment($1)
        }
        let repl = Repl(
          session: session, reader: reader, paths: ReplPaths(environment: environment), runInitFile: !noInit,
          show: Console.output, warn: Console.error)
        status = repl.run()
      } else {
        switch SourceFile.text(from: Console.readStandardInput(), name: "<stdin>") {
        case .success(let source): status = session.run(source)
        case .failure(let failure):
          Console.error(failure.message + "\n")
          status = failure.status
        }
      }
    }
    return finish(session, status)
  }

  private func finish(_ session: Session, _ status: ExitStatus) -> ExitStatus {
    max(status, session.finish())
  }
}

extension String {
  func splitOnce(_ separator: Character) -> (String, String) {
    guard let index = firstIndex(of: separator) else { return (self, "") }
    return (String(self[..<index]), String(self[index...].dropFirst()))
  }
}
