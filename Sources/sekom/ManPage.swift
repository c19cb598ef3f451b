/// The manual page, sekom(1), in roff: the options, usages and command texts come from the same
/// command specs as `--help`; files, environment and examples are written here. `docs/sekom.1` is this
/// text, and a test keeps the two equal.
enum ManPage {
  static var text: String {
    let commands = CommandDescription.all
    let main = commands[0]
    var page = """
      .\\" Made by 'sekom --man' from the command table; do not edit, run: sekom --man > docs/sekom.1
      .TH SEKOM 1 \(date) "sekom \(version)" "User Commands"
      .\\" Options and words are not to be hyphenated, nor lines stretched between long option names.
      .nh
      .ad l
      .SH NAME
      sekom \\- ask Sveriges Ekokommuner's activity plan questions in a small query language
      .SH SYNOPSIS

      """
    for (index, command) in commands.enumerated() {
      // The main usage's second line points at the commands, which have synopsis lines of their own.
      let usage = command.usage.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init)
      page += (index == 0 ? "" : ".PP\n") + synopsis(usage ?? command.usage) + "\n"
    }
    let (described, rest) = paragraphs(main.discussion).reduce(into: ([String](), [String]())) {
      if $1.hasPrefix("Example:") || $1.hasPrefix("Exit status:") { $0.1.append($1) } else { $0.0.append($1) }
    }
    page += ".SH DESCRIPTION\n" + escape(main.abstract) + "\n"
    for paragraph in described { page += ".PP\n" + escape(paragraph) + "\n" }
    if let arguments = main.argumentsHelp { page += ".PP\nArguments: " + escape(arguments) + "\n" }
    page += ".SH OPTIONS\n" + options(main.options)
    page += ".SH COMMANDS\n"
    for command in commands.dropFirst() {
      page += ".SS " + escape("sekom " + (command.name ?? "")) + "\n" + escape(command.abstract) + "\n"
      page += ".PP\n" + synopsis(command.usage) + "\n"
      if let arguments = command.argumentsHelp { page += ".PP\nArguments: " + escape(arguments) + "\n" }
      for paragraph in paragraphs(command.discussion) { page += ".PP\n" + escape(paragraph) + "\n" }
      page += options(command.options)
    }
    page += fixedSections
    for paragraph in rest where paragraph.hasPrefix("Exit status:") {
      page += ".SH EXIT STATUS\n" + escape(String(paragraph.dropFirst("Exit status:".count)).trimmed) + "\n"
    }
    page += examples
    return page
  }

  /// The version `--version` prints and the page's footer names.
  static let version = "0.1.0"
  /// The day the page was last changed by hand; fixed, so the generated page is the same every time.
  static let date = "2026-12-04"

  private static var fixedSections: String {
    """
    .SH FILES
    .TP
    .I $XDG_STATE_HOME/sekom/history
    The REPL's history (~/.local/state/sekom/history when XDG_STATE_HOME is not set): 1000 entries, each \
    statement appended as it is entered, a statement over several lines kept as one entry.
    .TP
    .I $XDG_CONFIG_HOME/sekom/init.sq
    Statements the REPL runs before the first prompt (~/.config/sekom/init.sq when XDG_CONFIG_HOME is not \
    set), unless \\-\\-no\\-init is given.
    .TP
    .IR PLAN .csv ", " PLAN .json
    Plan files, read with \\-\\-plan and written by \\fBsekom import\\fR and \\fBsekom export\\fR. CSV: UTF\\-8 \
    with a header naming the columns id, inriktning, vad, hur, vem, n\\[u00E4]r, status, prio. JSON: an \
    object with the plan's metadata and its activities (aktiviteter). Without \\-\\-plan sekom asks the \
    embedded 2021 plan.
    .TP
    .IR FILE .sq
    Scripts of statements, run in order; a header comment gives reports their title.
    .SH ENVIRONMENT
    .TP
    .B SEKOM_USER
    Who a change to the plan is recorded as in the follow\\-up log when \\-\\-by NAME is not given; when \
    neither is, the login name.
    .TP
    .B SEKOM_LIBEDIT
    The libedit library the REPL loads for line editing and history, instead of libedit.so.2. When none \
    can be loaded, a warning says so and lines are read without editing or history.
    .TP
    .B NO_COLOR
    When set, no colour in tables or error messages on a terminal.
    .TP
    .BR LC_ALL ", " LC_MESSAGES ", " LANG
    The first of them that is set and not empty chooses the language of reports when --lang is not
    given: a Swedish locale (sv, sv_SE.UTF-8, sv_FI) writes the words around the data in Swedish, any
    other in English.
    .TP
    .B XDG_STATE_HOME
    Where the history file is kept (sekom/history); by default ~/.local/state.
    .TP
    .B XDG_CONFIG_HOME
    Where the init file is read from (sekom/init.sq); by default ~/.config.
    .TP
    .B HOME
    The base of the default XDG directories. A relative XDG_* or HOME is ignored, as the XDG rules say.

    """
  }

  private static var examples: String {
    """
    .SH EXAMPLES
    The activities of the first priority, in time order:
    .PP
    .nf
    .RS
    sekom \\-c 'activities where prio = 1 order by n\\[u00E4]r select id, vad'
    .RE
    .fi
    .PP
    A saved query as a markdown report, dated:
    .PP
    .nf
    .RS
    sekom \\-\\-format markdown \\-\\-today 2021\\-09\\-15 queries/follow\\-up.sq > rapport.md
    .RE
    .fi
    .PP
    A plan from its text, checked, then compared with the 2021 plan:
    .PP
    .nf
    .RS
    sekom import handlingsplan.txt \\-\\-output plan.json
    sekom check \\-\\-plan plan.json \\-\\-strict
    sekom diff embedded plan.json
    .RE
    .fi
    .PP
    Shell completion for the running bash:
    .PP
    .nf
    .RS
    source <(sekom \\-\\-completions bash)
    .RE
    .fi

    """
  }

  /// A usage line, its command words in bold.
  private static func synopsis(_ usage: String) -> String {
    let words = usage.split(separator: " ", maxSplits: 2).map(String.init)
    let commandWords = words.prefix { $0 == "sekom" || $0.allSatisfy { $0.isLetter } }.prefix(2)
    let rest = words.dropFirst(commandWords.count).joined(separator: " ")
    return commandWords.map { "\\fB" + escape($0) + "\\fR" }.joined(separator: " ")
      + (rest.isEmpty ? "" : " " + escape(rest))
  }

  private static func options(_ options: [CommandDescription.Option]) -> String {
    options.map { option in
      let names = option.names.map { "\\fB" + escape($0) + "\\fR" }.joined(separator: ", ")
      let value = option.valueName.map { " \\fI" + escape($0) + "\\fR" } ?? ""
      return ".TP\n" + names + value + "\n" + escape(option.help) + "\n"
    }.joined()
  }

  /// The paragraphs of a help text, each as one line: roff fills them to the reader's width.
  private static func paragraphs(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .split(whereSeparator: { $0.allSatisfy(\.isWhitespace) })
      .map { $0.map { String($0).trimmed }.joined(separator: " ") }
  }

  /// Text as roff reads it literally: backslashes and hyphens escaped, a leading dot or quote kept from
  /// being a request, and anything beyond ASCII as a named Unicode escape (man's formatter may not be
  /// told the file's encoding).
  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\e"
      case "-": result += "\\-"
      case _ where scalar.isASCII: result.unicodeScalars.append(scalar)
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
      }
    }
    if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
    return result
  }
}

extension String {
  fileprivate var trimmed: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
