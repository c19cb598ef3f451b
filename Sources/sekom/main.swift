import ArgumentParser
import QueryLanguage

// Parsing errors exit with sekom's usage status (2) rather than the parser's default.
do {
  let command = try Sekom.parse()
  Console.exit(command.execute())
} catch {
  let code = Sekom.exitCode(for: error)
  let message = Sekom.fullMessage(for: error)
  if code == .success {
    print(message)
    Console.exit(.success)
  }
  Console.error(message + "\n" + (message.contains("--help") ? "" : "See 'sekom --help'.\n"))
  Console.exit(.usage)
}
