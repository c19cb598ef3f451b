extension RunCommand {
  /// `--man` and `--completions SHELL`: like `--help`, they print a text made from the command table and
  /// end the command; so they act as soon as they are read instead of becoming options of a run.
  static var documentOptions: [OptionSpec<RunOptions>] {
    [
      .flag("--man", help: "Print this manual page (roff), as installed in man1/sekom.1.") { _ in
        Console.output(ManPage.text)
        Console.exit(.success)
      },
      .value(
        "--completions", name: "SHELL",
        help: "Print the completion script for SHELL: bash, zsh or fish."
      ) { _, value throws(UsageError) in
        guard let shell = ShellCompletions.Shell(rawValue: value) else {
          throw UsageError("--completions takes bash, zsh or fish; got '\(value)'")
        }
        Console.output(ShellCompletions.script(for: shell))
        Console.exit(.success)
      },
    ]
  }
}
