/// The commands of their own, `sekom check …`: the one list of their names, which `main` dispatches on and
/// mistyped script names are compared with.
enum Subcommand: String, CaseIterable {
  case check, diff
  case `import`, export

  static var names: [String] { allCases.map(\.rawValue) }

  /// Parses the command's arguments and runs it.
  func run(_ arguments: [String]) -> Never {
    switch self {
    case .check: Console.exit(CheckCommand.execute(parse(CheckCommand.spec, arguments, into: .init())))
    case .diff: Console.exit(DiffCommand.execute(parse(DiffCommand.spec, arguments, into: .init())))
    case .import: Console.exit(ImportCommand.execute(parse(ImportCommand.spec, arguments, into: .init())))
    case .export: Console.exit(ExportCommand.execute(parse(ExportCommand.spec, arguments, into: .init())))
    }
  }
}
