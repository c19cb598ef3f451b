import PlanModel
import QueryLanguage

/// A wrong command line: the message says what and how to mend it.
struct UsageError: Error {
  var message: String

  init(_ message: String) { self.message = message }
}

/// One option of a command: its names, the value it takes (none for a flag), its help, and what it does
/// to the command's options.
struct OptionSpec<Options> {
  var names: [String]
  var valueName: String?
  var help: String
  /// Whether the option may be given more than once (`-c`, `--param`). Any other option with a value is
  /// refused the second time: a later value silently replacing an earlier one hides a mistake in a script.
  var repeatable = false
  var apply: (inout Options, String) throws(UsageError) -> Void

  /// An option that takes a value.
  static func value(
    _ names: String..., name valueName: String, help: String, repeatable: Bool = false,
    _ apply: @escaping (inout Options, String) throws(UsageError) -> Void
  ) -> OptionSpec {
    OptionSpec(names: names, valueName: valueName, help: help, repeatable: repeatable, apply: apply)
  }

  /// A flag, set by its presence; given twice it is still set, so a repeat is harmless.
  static func flag(_ names: String..., help: String, _ apply: @escaping (inout Options) -> Void) -> OptionSpec
  {
    OptionSpec(names: names, valueName: nil, help: help, apply: { options, _ in apply(&options) })
  }

  /// `--year YEAR` for the commands that read plan files.
  static func planYear(
    _ year: WritableKeyPath<Options, Int?>,
    help: String = "The plan year of a plan file, over the one it gives."
  ) -> OptionSpec {
    .value("--year", name: "YEAR", help: help) { options, value throws(UsageError) in
      options[keyPath: year] = try Arguments.year(value)
    }
  }

  /// `--lang sv|en`: the language of the words written around the data.
  static func language(_ language: WritableKeyPath<Options, ReportLanguage?>) -> OptionSpec {
    .value(
      "--lang", name: "LANG",
      help: "sv or en: the language of the words around the data; else LC_ALL, LC_MESSAGES or LANG's."
    ) { options, value throws(UsageError) in
      options[keyPath: language] = try Arguments.language(value)
    }
  }
}

/// A command's options, arguments and help, and the parsing of its command line. Hand-written rather than
/// swift-argument-parser: start-up is what script users feel, and that library's reflection cost more
/// than the rest of a query.
struct CommandSpec<Options> {
  enum Outcome {
    case run(Options)
    case help(String)
    case version
  }

  var usage: String
  var abstract: String
  var discussion: String
  var options: [OptionSpec<Options>]
  var argumentsHelp: String?
  /// Called for each argument that is not an option, in order.
  var argument: (inout Options, String) throws(UsageError) -> Void
  /// Checks the whole once every argument is read.
  var validate: (Options) throws(UsageError) -> Void = { _ throws(UsageError) in }

  func parse(_ arguments: [String], into initial: Options) throws(UsageError) -> Outcome {
    var options = initial
    var index = 0
    var onlyArguments = false
    // The places in `self.options` of the single options given so far, and the value each was first given
    // (two plain arrays: the few options of a command line are searched, not hashed).
    var givenPlaces: [Int] = []
    var givenValues: [String] = []
    while index < arguments.count {
      let word = arguments[index]
      index += 1
      if onlyArguments || !word.hasPrefix("-") || word == "-" {
        try argument(&options, word)
        continue
      }
      if word == "--" {
        onlyArguments = true
        continue
      }
      if word == "-h" || word == "--help" { return .help(help) }
      if word == "--version" { return .version }
      var name = word
      var attached: String?
      if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        attached = String(word[word.index(after: equals)...])
      } else if !word.hasPrefix("--") && word.count > 2 {
        // -cVALUE
        name = String(word.prefix(2))
        attached = String(word.dropFirst(2))
      }
      guard let place = self.options.firstIndex(where: { $0.names.contains(name) }) else {
        let known = self.options.flatMap(\.names) + ["--help", "--version"]
        let suggestion = Spelling.nearest(name, in: known).map { "; did you mean '\($0)'?" } ?? ""
        throw UsageError("unknown option '\(name)'\(suggestion)")
      }
      let option = self.options[place]
      if option.valueName == nil {
        if attached != nil { throw UsageError("'\(name)' takes no value") }
        try option.apply(&options, "")
        continue
      }
      let value: String
      if let attached {
        value = attached
      } else if index < arguments.count {
        value = arguments[index]
        index += 1
      } else {
        throw UsageError("'\(name)' needs a value: \(name) \(option.valueName!)")
      }
      if !option.repeatable {
        if let earlier = givenPlaces.firstIndex(of: place) {
          throw UsageError(
            "'\(name)' is given twice ('\(givenValues[earlier])', then '\(value)'); give it once")
        }
        givenPlaces.append(place)
        givenValues.append(value)
      }
      try option.apply(&options, value)
    }
    try validate(options)
    return .run(options)
  }

  /// The text of `--help`, made from the same table the parser reads.
  var help: String {
    let rows =
      options.map { option in
        (option.names.joined(separator: ", ") + (option.valueName.map { " " + $0 } ?? ""), option.help)
      } + [("-h, --help", "Show this help."), ("--version", "Show the version.")]
    let width = min(28, rows.map(\.0.count).max() ?? 0)
    let lines = rows.map { left, right in
      left.count > width
        ? "  \(left)\n" + String(repeating: " ", count: width + 4) + right
        : "  " + left + String(repeating: " ", count: width - left.count + 2) + right
    }
    var text = "\(abstract)\n\nUsage: \(usage)\n\n"
    if let argumentsHelp { text += "Arguments:\n  \(argumentsHelp)\n\n" }
    text += "Options:\n" + lines.joined(separator: "\n") + "\n"
    if !discussion.isEmpty { text += "\n" + discussion + "\n" }
    return text
  }
}
