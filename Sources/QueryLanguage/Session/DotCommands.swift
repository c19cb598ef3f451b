import PlanModel
import Platform

/// The dot-commands of scripts and the REPL, as one table from which `.help` and completion are made.
public struct DotCommand {
  public let name: String
  public let usage: String
  public let summary: String
  /// How many arguments it takes.
  let arguments: ClosedRange<Int>
  /// Runs the command. An error of the command itself is thrown; the status of statements it ran (as
  /// `.read` does), already reported where they failed, is returned.
  private(set) var action: (Session, DotCommandLine, SourceText) throws(QueryError) -> ExitStatus

  public init(
    name: String, usage: String, summary: String, arguments: ClosedRange<Int>,
    action: @escaping (Session, DotCommandLine, SourceText) throws(QueryError) -> Void
  ) {
    self.name = name
    self.usage = usage
    self.summary = summary
    self.arguments = arguments
    self.action = { session, line, source throws(QueryError) in
      try action(session, line, source)
      return .success
    }
  }

  /// A command that runs statements of its own and returns their worst status.
  static func runningStatements(
    name: String, usage: String, summary: String, arguments: ClosedRange<Int>,
    action: @escaping (Session, DotCommandLine, SourceText) throws(QueryError) -> ExitStatus
  ) -> DotCommand {
    var command = DotCommand(name: name, usage: usage, summary: summary, arguments: arguments) { _, _, _ in }
    command.action = action
    return command
  }
}

public enum DotCommands {
  /// The argument of a command that switches something on or off; yes/no and ja/nej say the same.
  private static func onOrOff(_ line: DotCommandLine) throws(QueryError) -> Bool {
    switch line.arguments[0].text.lowercased() {
    case "on", "yes", "ja": return true
    case "off", "no", "nej": return false
    default: throw QueryError(.syntax, "expected on or off", at: line.arguments[0].range)
    }
  }

  /// The argument of a command that takes one of a few set words (`.expanded`, `.lang`), in any case.
  private static func word<Value: RawRepresentable<String>>(of line: DotCommandLine, expected: String)
    throws(QueryError) -> Value
  {
    guard let value = Value(rawValue: line.arguments[0].text.lowercased()) else {
      throw QueryError(.syntax, "expected \(expected)", at: line.arguments[0].range)
    }
    return value
  }

  /// The commands every session has.
  public static var all: [DotCommand] {
    [
      DotCommand(
        name: "format", usage: ".format table|csv|tsv|json|markdown|html|timeline",
        summary: "write results in this format",
        arguments: 1...1
      ) { session, line, _ throws(QueryError) in
        let argument = line.arguments[0]
        guard let format = OutputFormat(name: argument.text) else {
          // As `--format` says it, with the nearest name when there is one.
          let names = OutputFormat.allCases.map(\.rawValue)
          throw QueryError(
            .name, "unknown format '\(argument.text)'; use \(names.joined(separator: ", "))",
            at: argument.range,
            notes: Spelling.nearest(argument.text, in: names).map { ["did you mean '\($0)'?"] } ?? [])
        }
        session.format = format
      },
      DotCommand(
        name: "header", usage: ".header on|off", summary: "show or hide the header row", arguments: 1...1
      ) { session, line, _ throws(QueryError) in
        session.header = try onOrOff(line)
      },
      DotCommand(
        name: "expanded", usage: ".expanded on|off|auto",
        summary: "tables as records (field: value); auto: when the columns cannot fit the terminal",
        arguments: 1...1
      ) { session, line, _ throws(QueryError) in
        session.expanded = try word(of: line, expected: "on, off or auto")
      },
      DotCommand(
        name: "undo", usage: ".undo",
        summary: "take back the last change statement of the plan file, recording that too",
        arguments: 0...0
      ) { session, line, _ throws(QueryError) in
        try session.undoLastChange(at: line.range)
      },
      DotCommand(
        name: "dryrun", usage: ".dryrun on|off",
        summary: "on: change statements show what they would change and write nothing", arguments: 1...1
      ) { session, line, _ throws(QueryError) in
        session.dryRun = try onOrOff(line)
      },
      DotCommand(
        name: "lang", usage: ".lang sv|en", summary: "the language of the words around the data",
        arguments: 1...1
      ) { session, line, _ throws(QueryError) in
        session.language = try word(of: line, expected: "sv or en")
      },
      DotCommand(
        name: "param", usage: ".param NAME VALUE",
        summary: "set $NAME for the statements that follow; alone, list them",
        arguments: 0...Int.max
      ) { session, line, _ throws(QueryError) in
        switch line.arguments.count {
        case 0:
          let lines = session.parameters.keys.sorted().map { "$\($0) = \(session.parameters[$0]!)\n" }
          try session.write(lines.isEmpty ? "no parameters are set\n" : lines.joined())
        case 2:
          var name = line.arguments[0].text
          if name.hasPrefix("$") { name.removeFirst() }
          guard Lexer.isParameterName(name) else {
            throw QueryError(
              .syntax, "'\(line.arguments[0].text)' is not a parameter name; a name is a word, as in $vem",
              at: line.arguments[0].range)
          }
          session.parameters[name] = line.arguments[1].text
        case 1:
          throw QueryError(.syntax, "expected a value after the name: .param NAME VALUE", at: line.range)
        default:
          // Words after the value are refused rather than joined: `.param vem Kansli prio 1` is more likely
          // two settings run together than one value.
          let value = line.arguments[1...]
          let text = value.map(\.text).joined(separator: " ")
          let quote = text.contains("'") ? "\"" : "'"
          throw QueryError(
            .syntax, "'.param' takes one value; quote a value with spaces",
            at: SourceRange(start: value.first!.range.start, end: value.last!.range.end),
            notes: ["as in: .param \(line.arguments[0].text) \(quote)\(text)\(quote)"])
        }
      },
      DotCommand.runningStatements(
        name: "read", usage: ".read FILE", summary: "run the statements of a file", arguments: 1...1,
        action: { session, line, source throws(QueryError) in
          let path = filePath(line.arguments[0].text, source)
          return try session.read(path, at: line.arguments[0].range)
        }),
      DotCommand(
        name: "output", usage: ".output [FILE]",
        summary: "write results to a file; alone, back to standard output",
        arguments: 0...1
      ) { session, line, source throws(QueryError) in
        let path = line.arguments.first.map { filePath($0.text, source) }
        try session.redirectOutput(to: path, at: line.arguments.first?.range ?? line.range)
      },
      DotCommand(
        name: "plan", usage: ".plan FILE", summary: "load a plan file (CSV or JSON) instead", arguments: 1...1
      ) { session, line, source throws(QueryError) in
        let path = filePath(line.arguments[0].text, source)
        do throws(PlanFileError) {
          let plan = try PlanFile.read(
            path: path, options: PlanReadOptions(year: session.planYear, defaultYear: session.today.year))
          if let note = plan.assumedYearNote { session.reportLine("\(path): note: \(note)") }
          session.replacePlan(with: plan, path: path)
        } catch {
          throw QueryError(
            .file, "cannot load the plan", at: line.arguments[0].range, notes: [error.description])
        }
      },
      DotCommand(
        name: "fields", usage: ".fields", summary: "list the fields with their types and some values",
        arguments: 0...0
      ) { session, line, _ throws(QueryError) in
        // Its examples are values of every column.
        try session.readColumns(Set(PlanColumn.allCases), at: line.range)
        try session.write(
          HelpText.fields(of: session.plan, width: session.outputWidth))
      },
      DotCommand(
        name: "help", usage: ".help", summary: "show the commands and a short tour of the language",
        arguments: 0...0
      ) { session, _, _ throws(QueryError) in
        try session.write(
          TerminalText.wrap(HelpText.help(commands: session.commands), width: session.outputWidth))
      },
      DotCommand(name: "quit", usage: ".quit", summary: "stop", arguments: 0...0) { session, _, _ in
        session.requestQuit()
      },
      DotCommand(name: "exit", usage: ".exit", summary: "stop, as .quit", arguments: 0...0) { session, _, _ in
        session.requestQuit()
      },
    ]
  }

  /// Commands only the REPL adds, named when used elsewhere.
  static let replOnly = ["history"]

  /// Runs a dot-command; its own errors are thrown, and what it returns is the status of statements it
  /// ran.
  static func execute(_ line: DotCommandLine, in session: Session, source: SourceText) throws(QueryError)
    -> ExitStatus
  {
    let commands = session.commands
    guard let command = commands.first(where: { $0.name == line.name.text.lowercased() }) else {
      if replOnly.contains(line.name.text.lowercased()) {
        throw QueryError(
          .name, "'.\(line.name.text.lowercased())' works only in the REPL", at: line.name.range)
      }
      throw QueryError(
        .name,
        "unknown command '.\(line.name.text)'\(suggestion(line.name.text, commands.map(\.name), prefix: "."))",
        at: line.name.range, notes: ["'.help' lists the commands"])
    }
    guard command.arguments.contains(line.arguments.count) else {
      throw QueryError(.syntax, "usage: \(command.usage)", at: line.range)
    }
    return try command.action(session, line, source)
  }

  private static func suggestion(_ text: String, _ names: [String], prefix: String = "") -> String {
    Spelling.nearest(text, in: names).map { "; did you mean '\(prefix)\($0)'?" } ?? ""
  }

  /// Files named in a script are found beside it; elsewhere, from the working directory.
  /// A file named in a dot-command: `~` is the home folder, and a relative path is taken from the script.
  private static func filePath(_ text: String, _ source: SourceText) -> String {
    FileAccess.resolve(HomePath.expanding(text), from: scriptDirectory(source))
  }

  private static func scriptDirectory(_ source: SourceText) -> String? {
    source.name.hasPrefix("<") ? nil : FileAccess.directory(of: source.name)
  }
}
