import LineEditor
import PlanModel
import Platform
import QueryLanguage

/// The interactive loop: a banner, the prompt, continuation lines until a statement is complete, history
/// kept between sessions, completion on Tab, and an init file run first. Nothing typed ends it but
/// `.quit`, `.exit` or Ctrl-D.
public final class Repl {
  public static let prompt = "sekom> "
  public static let continuationPrompt = "  ...> "

  private let session: Session
  private let reader: LineReading
  private let paths: ReplPaths
  private let runInitFile: Bool
  private let warn: (String) -> Void
  private let show: (String) -> Void
  /// The lines of a statement typed so far, before it is complete.
  private var pending: [String] = []

  public init(
    session: Session, reader: LineReading, paths: ReplPaths, runInitFile: Bool,
    show: @escaping (String) -> Void, warn: @escaping (String) -> Void
  ) {
    self.session = session
    self.reader = reader
    self.paths = paths
    self.runInitFile = runInitFile
    self.show = show
    self.warn = warn
    let completer = Completer(session: session)
    reader.complete = { [unowned self] line in completer.complete(pending: self.pending, line: line) }
    session.register(
      DotCommand(
        name: "history", usage: ".history", summary: "list the statements entered, the latest last",
        arguments: 0...0
      ) { [unowned self] session, _, _ throws(QueryError) in
        let entries = self.reader.historyEntries.suffix(50)
        let first = self.reader.historyEntries.count - entries.count + 1
        let width = String(first + entries.count).count
        let lines = entries.enumerated().map { i, entry in
          let number = String(first + i)
          return String(repeating: " ", count: width - number.count) + number + "  " + entry + "\n"
        }
        try session.write(lines.joined())
      })
  }

  /// Runs until `.quit` or Ctrl-D; the status is always success, since errors were shown and passed.
  public func run() -> ExitStatus {
    let banner = planLine()
    let bannerPath = session.planPath
    show(banner + "Enter .help for help, .quit to leave.\n")
    session.keepGoing = true
    loadHistory()
    if runInitFile, let initFile = paths.initFile, FileAccess.exists(initFile) {
      session.runFile(initFile)
      // The init file may have switched plans with `.plan`: the first prompt comes under the plan in use.
      if planLine() != banner || session.planPath != bannerPath { show("Plan in use: " + planLine()) }
    }
    loop: while !session.quitRequested {
      switch reader.readLine(prompt: pending.isEmpty ? Repl.prompt : Repl.continuationPrompt) {
      case .end:
        break loop
      case .interrupted:
        pending = []
        // Read plainly, the terminal has echoed the ^C itself.
        show(reader is LineEditor ? "^C\n" : "\n")
      case .line(let line):
        accept(line)
      case .block(let text):
        acceptBlock(text)
      }
    }
    show("\n")
    if !pending.isEmpty {
      // Ctrl-D at `...>`: the statement ends unfinished, reported on a line of its own as standard input
      // reports it, not blamed on a `;` nobody typed.
      let text = pending.joined(separator: "\n")
      pending = []
      let source = SourceText(name: "<input>", text: text)
      remember(Repl.historyEntry(text))
      session.run(Parser.parse(source), from: source)
    }
    return .success
  }

  /// Runs a pasted block, with any statement begun before it, as the same text in a file would run.
  private func acceptBlock(_ block: String) {
    let text = (pending + [block]).joined(separator: "\n")
    pending = []
    lastStatement = nil
    guard !text.allSatisfy(\.isWhitespace) else { return }
    let source = SourceText(name: "<input>", text: text)
    remember(Repl.historyEntry(text))
    session.run(Parser.parse(source), from: source)
  }

  /// The text of the statement run last, when it was one statement alone: a line that starts with a
  /// clause keyword right after it continues it, as it would in a file.
  private var lastStatement: String?

  /// "Title: 44 activities, plan year 2021."
  private func planLine() -> String {
    let plan = session.plan
    return "\(ControlPictures.visible(plan.metadata.title)): \(plan.activities.count) activities, plan year "
      + "\(plan.metadata.year).\n"
  }

  /// Adds a typed line to the statement; runs the statement once it is complete.
  private func accept(_ line: String) {
    if pending.isEmpty && line.allSatisfy(\.isWhitespace) { return }
    if pending.isEmpty, let last = lastStatement, Repl.startsWithClause(line) { pending = [last] }
    pending.append(line)
    let text = pending.joined(separator: "\n")
    let source = SourceText(name: "<input>", text: text)
    let items = Parser.parse(source)
    // A blank line ends a statement even when it is not complete, as in files; so does a dot-command,
    // which runs after the statement is reported as incomplete (else `.quit` could not leave).
    if line.allSatisfy(\.isWhitespace) == false && Repl.isIncomplete(items) && !Repl.endsWithDotCommand(items)
    {
      return
    }
    if pending.count > 1 && Repl.isIncomplete(items) && Repl.endsWithDotCommand(items) {
      // Two entries: the unfinished statement to recall and finish, and the dot-command.
      remember(Repl.historyEntry(pending.dropLast().joined(separator: "\n")))
      remember(Repl.historyEntry(line))
    } else {
      remember(Repl.historyEntry(text))
    }
    pending = []
    lastStatement = nil
    if items.count == 1, case .success(.statement) = items[0] { lastStatement = text }
    session.run(items, from: source)
  }

  /// Whether a line's first word starts a clause (`where`, `order by`, `select`, in either language).
  static func startsWithClause(_ line: String) -> Bool {
    guard let first = Lexer.tokens(of: SourceText(name: "<input>", text: line)).first else { return false }
    return first.kind == .word && Keyword.clauses.contains { first.keywords.contains($0) }
  }

  /// Whether the only trouble with a source is that it stops too early: an open parenthesis or quote, or a
  /// keyword or operator that needs more. Then the REPL reads another line.
  static func isIncomplete(_ items: [Result<ScriptItem, QueryError>]) -> Bool {
    items.contains { item in
      if case .failure(let error) = item { return error.kind == .incomplete }
      return false
    }
  }

  /// Whether the last line read is a dot-command (not, say, a line of an open string that starts with `.`).
  static func endsWithDotCommand(_ items: [Result<ScriptItem, QueryError>]) -> Bool {
    if case .success(.dotCommand) = items.last { return true }
    return false
  }

  /// One history entry for a statement of several lines: lines joined by spaces, with any comment at the
  /// end of a line kept on its own line so that it cannot swallow what follows.
  static func historyEntry(_ text: String) -> String {
    let lines = text.split(separator: "\n").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    guard lines.count > 1 else { return lines.first ?? "" }
    if lines.contains(where: { Lexer.commentStart(in: $0) != nil }) { return lines.joined(separator: "\n") }
    return lines.joined(separator: " ")
  }

  /// The history file, while it can be used: nil without a line editor or a path, and from the first
  /// trouble with it on, which is mentioned once.
  private var historyFile: HistoryFile?
  /// The latest entry, which a statement equal to it does not repeat (libedit keeps no repeats in a row).
  private var lastEntry: String?

  private func loadHistory() {
    guard let path = paths.history, reader is LineEditor else { return }
    let file = HistoryFile(path: path)
    do {
      for entry in try file.load() { reader.addHistory(entry) }
      lastEntry = reader.historyEntries.last
      historyFile = file
    } catch {
      warn(
        "sekom: warning: cannot read the history file '\(path)': \(error.reason); history is kept for this "
          + "session only\n")
    }
  }

  /// Adds a statement to the history, and to the file at once: a hangup later loses nothing of it.
  private func remember(_ entry: String) {
    reader.addHistory(entry)
    guard entry != lastEntry else { return }
    lastEntry = entry
    guard let file = historyFile else { return }
    do {
      try file.append(entry)
    } catch {
      historyFile = nil
      warn(
        "sekom: warning: cannot write the history file '\(file.path)': \(error.reason); history is kept for "
          + "this session only\n")
    }
  }
}
