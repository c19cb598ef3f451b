import Platform
import QueryLanguage

// A FIFO whose reader left must fail the write (status 3) instead of ending the process unnoticed.
ProcessSignals.ignoreBrokenPipe()

// The subcommands are commands of their own; anything else runs statements.
let arguments = Array(CommandLine.arguments.dropFirst())

// Swift repairs invalid UTF-8 in arguments: a statement or a parameter value so repaired would run as
// something the user did not write, and a file name so repaired would name another file; both refused.
switch Console.argumentNotUTF8(in: arguments) {
case .value(let option):
  Console.error("sekom: error: the value after '\(option)' is not valid UTF-8\nSee 'sekom --help'.\n")
  Console.exit(.usage)
case .argument(let shown):
  Console.error(
    "sekom: error: the argument '\(shown)' is not valid UTF-8 (file names too must be UTF-8)\n"
      + "See 'sekom --help'.\n")
  Console.exit(.usage)
case nil: break
}

/// Parses a command line, or leaves with its help, the version, or a usage error (status 2).
func parse<Options>(_ spec: CommandSpec<Options>, _ arguments: [String], into initial: Options) -> Options {
  do throws(UsageError) {
    switch try spec.parse(arguments, into: initial) {
    case .run(let options): return options
    case .help(let text):
      Console.output(text)
      Console.exit(.success)
    case .version:
      Console.output("sekom \(ManPage.version)\n")
      Console.exit(.success)
    }
  } catch {
    Console.error("sekom: error: \(error.message)\nSee 'sekom --help'.\n")
    Console.exit(.usage)
  }
}

if let command = arguments.first.flatMap(Subcommand.init(rawValue:)) {
  command.run(Array(arguments.dropFirst()))
}
RunCommand.execute(parse(RunCommand.spec, arguments, into: .init()))
