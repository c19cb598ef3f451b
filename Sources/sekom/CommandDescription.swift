import QueryLanguage

/// A command as the man page and the shell completions show it: read from the same `CommandSpec` that
/// parses the command line and writes `--help`, so that none of the three can tell another story.
struct CommandDescription {
  struct Option {
    var names: [String]
    var valueName: String?
    var help: String
    var repeatable = false
    /// The words the value may be, for completion; empty when any text will do.
    var words: [String] = []
    /// The file extensions (without the dot) the value's file may have; empty when it names no file.
    var fileExtensions: [String] = []
  }

  /// The subcommand's name; nil for sekom itself.
  var name: String?
  var usage: String
  var abstract: String
  var discussion: String
  var argumentsHelp: String?
  /// Every option, `--help` and `--version` included, as `--help` lists them.
  var options: [Option]
  /// The extensions of the files the command takes as arguments.
  var argumentExtensions: [String] = []
  /// Words the command takes as arguments besides files ('embedded' for diff).
  var argumentWords: [String] = []

  /// sekom and its subcommands, sekom first.
  static var all: [CommandDescription] {
    [
      RunCommand.spec.description(name: nil, initial: .init(), argumentExtensions: ["sq"]),
      CheckCommand.spec.description(name: "check", initial: .init()),
      DiffCommand.spec.description(
        name: "diff", initial: .init(), argumentExtensions: CommandDescription.planFileExtensions,
        argumentWords: ["embedded"]),
      ImportCommand.spec.description(name: "import", initial: .init(), argumentExtensions: ["txt", "docx"]),
      ExportCommand.spec.description(name: "export", initial: .init()),
    ]
  }

  static var subcommands: [CommandDescription] { all.filter { $0.name != nil } }

  /// The extensions of plan files, as `--plan`, `--output` and `diff` take them.
  static let planFileExtensions = ["csv", "json"]
}

extension CommandSpec {
  /// The command as the man page and the completions describe it. What a value may be follows from the
  /// value's name in the table: FILE is a plan file; the FORMAT words are those the option itself accepts
  /// (each format is tried on a fresh set of options), so a command that takes fewer formats offers fewer.
  func description(
    name: String?, initial: Options, argumentExtensions: [String] = [], argumentWords: [String] = []
  ) -> CommandDescription {
    let described = options.map { option in
      var result = CommandDescription.Option(
        names: option.names, valueName: option.valueName, help: option.help, repeatable: option.repeatable)
      switch option.valueName {
      case "FILE":
        result.fileExtensions = CommandDescription.planFileExtensions
      case "FORMAT":
        result.words = OutputFormat.allCases.map(\.rawValue).filter { word in
          var probe = initial
          do throws(UsageError) {
            try option.apply(&probe, word)
            return true
          } catch {
            return false
          }
        }
      case "SHELL":
        result.words = ShellCompletions.Shell.allCases.map(\.rawValue)
      case "LANG":
        result.words = ReportLanguage.allCases.map(\.rawValue)
      default:
        break
      }
      return result
    }
    return CommandDescription(
      name: name, usage: usage, abstract: abstract, discussion: discussion, argumentsHelp: argumentsHelp,
      options: described + [
        .init(names: ["-h", "--help"], valueName: nil, help: "Show this help."),
        .init(names: ["--version"], valueName: nil, help: "Show the version."),
      ],
      argumentExtensions: argumentExtensions, argumentWords: argumentWords)
  }
}
