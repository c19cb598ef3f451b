import Testing

@testable import sekom

/// The command line's own tables, held to each other.
struct CommandSpecTests {
  /// The usage line names the commands as written out, in the order of the one list `main` dispatches on.
  @Test func usageNamesEveryCommand() {
    let names = Subcommand.names.joined(separator: "|")
    #expect(RunCommand.spec.usage.contains("\n       sekom \(names) … "), "\(RunCommand.spec.usage)")
  }
}
