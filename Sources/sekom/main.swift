import ArgumentParser
import QueryLanguage

// `check`, `import` and `diff` are commands of their own; anything else runs statements. Parsing errors
// exit with sekom's usage status (2) rather than the parser's default.
let arguments = Array(CommandLine.arguments.dropFirst())

func parse<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Command {
  do {
    return try type.parse(arguments)
  } catch {
    let message = type.fullMessage(for: error)
    if type.exitCode(for: error) == .success {
      print(message)
      Console.exit(.success)
    }
    Console.error(message + "\n" + (message.contains("--help") ? "" : "See 'sekom --help'.\n"))
    Console.exit(.usage)
  }
}

switch arguments.first {
case "check": Console.exit(parse(CheckCommand.self, Array(arguments.dropFirst())).execute())
case "import": Console.exit(parse(ImportCommand.self, Array(arguments.dropFirst())).execute())
case "diff": Console.exit(parse(DiffCommand.self, Array(arguments.dropFirst())).execute())
default: Console.exit(parse(Sekom.self, arguments).execute())
}
