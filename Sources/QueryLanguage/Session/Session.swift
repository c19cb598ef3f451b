import PlanModel
import Platform

/// One run of sekom: the plan, the settings and parameters, and where results and messages go. Scripts,
/// `-c` statements, standard input and the REPL all run statements through a session.
public final class Session {
  public private(set) var plan: Plan
  /// The plan file being read, never to be written over; nil for the embedded plan.
  public private(set) var planPath: String?
  public var parameters: [String: String] = [:]
  public var format: OutputFormat = .table
  public var header = true
  /// The language of the words written around the data (`--lang`, the locale).
  public var language = ReportLanguage.en
  /// `.expanded`: tables as records always, never, or when their columns cannot fit the terminal.
  public var expanded: ExpandedMode = .auto
  /// Run on after an error instead of stopping at the first.
  public var keepGoing = false
  /// `--title`: the title of reports; else the running script's header comment.
  public var title: String?
  /// The day `today` stands for: the system's date, or `--today` for a report that can be made again.
  public var today: Day = .today()
  /// `--year`: the plan year for plan files that do not give one.
  public var planYear: Int?
  /// The terminal's width when results go to one, asked each time a result is written.
  public var terminalWidth: () -> Int? = { nil }
  /// Whether results and messages may use colour: set for a terminal when NO_COLOR is not set.
  public var colorOutput = false
  public var colorErrors = false
  /// The terminal's width when messages go to one: the line of an error is cut to it.
  public var errorWidth: () -> Int? = { nil }
  /// `--dry-run`, `.dryrun on`: change statements show what they would change and write nothing.
  public var dryRun = false
  /// Who changes are recorded as: `--by`, else $SEKOM_USER, else the login name. Asked when a change is
  /// recorded, so that a query does not look the login name up (the user database, through NSS).
  public var changeAuthor: () -> String = { "unknown" }
  /// Set by `.quit`: the caller stops reading.
  public private(set) var quitRequested = false

  /// The dot-commands this session knows: the common ones and any its caller added, such as the REPL's
  /// `.history`. Made when first asked for: a `-c` statement has no dot-command.
  public private(set) lazy var commands: [DotCommand] = DotCommands.all

  private let standardOutput: (String) -> Void
  private let standardError: (String) -> Void
  private var outputFile: AtomicFile?
  /// What has been written to standard output and to the `.output` file, so that a run's results make one
  /// document in each (one HTML page, markdown tables apart).
  private var standardOutputDocument = ResultDocument()
  private var outputFileDocument = ResultDocument()
  /// The files being read, outermost first: a file on this stack cannot be read again inside itself.
  private var filesBeingRead: [(device: UInt64, inode: UInt64)] = []
  private var readDepth = 0

  /// How deeply `.read` may nest, so that a file reading itself stops with an error.
  static let maximumReadDepth = 16
  /// The largest script read, so that a runaway input is refused instead of filling memory.
  public static let maximumSourceBytes = 16 << 20

  public init(
    plan: Plan, planPath: String? = nil, standardOutput: @escaping (String) -> Void,
    standardError: @escaping (String) -> Void
  ) {
    self.plan = plan
    self.planPath = planPath
    self.standardOutput = standardOutput
    self.standardError = standardError
    if let planPath { protect(planPath, as: "the plan file") }
  }

  /// Asked while a statement runs; true stops it with an "interrupted" error. The REPL sets it to its
  /// line editor's Ctrl-C.
  public var interruption: (() -> Bool)?

  /// The files `.output` must not write over: every plan file and every script read in the session,
  /// not only the plan in use and the script running now.
  private var protectedFiles: [(path: String, what: String)] = []

  /// Adds a file to those `.output` must not write over, once however often it is read.
  private func protect(_ path: String, as what: String) {
    if !protectedFiles.contains(where: { $0.path == path }) { protectedFiles.append((path, what)) }
  }

  // MARK: Running

  /// Runs each statement and dot-command of a source in turn, stopping at the first error unless
  /// `keepGoing`. Returns the worst status met.
  @discardableResult
  public func run(_ source: SourceText) -> ExitStatus {
    run(ParsedItems(parser: Parser(source)), from: source)
  }

  /// Runs items already parsed from a source, as the REPL has them after checking that a statement is
  /// complete, so that no text is parsed twice.
  @discardableResult
  public func run<Items: Sequence>(_ items: Items, from source: SourceText) -> ExitStatus
  where Items.Element == Result<ScriptItem, QueryError> {
    var status = ExitStatus.success
    // Only pages and markdown documents show a title (`.format` may choose one after the first statement).
    lazy var header = Session.headerTitle(of: source)
    for item in items {
      if quitRequested { break }
      do throws(QueryError) {
        switch item {
        case .success(.statement(let statement)):
          try execute(statement, headerTitle: format.showsTitle ? header : nil, in: source)
        case .success(.dotCommand(let line)):
          // Statements run by the command (`.read`) report their own errors where they fail.
          let ran = try DotCommands.execute(line, in: self, source: source)
          status = max(status, ran)
          if ran != .success && !keepGoing { return status }
        case .failure(let error): throw error
        }
      } catch {
        report(error, in: source)
        status = max(status, ExitStatus(for: error))
        if !keepGoing { return status }
      }
    }
    return status
  }

  /// Reads and runs a script file. `.read` inside it reads paths relative to the script's folder.
  @discardableResult
  public func runFile(_ path: String) -> ExitStatus {
    run(file: path, SourceFile.read(path)) { run($0) }
  }

  /// Runs a script file read and parsed before the plan was loaded; a file that could not be read is
  /// reported now, where it runs, as `runFile(_:)` reports it.
  @discardableResult
  public func runFile(_ path: String, parsed: Result<ParsedSource, SourceFile.Failure>) -> ExitStatus {
    run(file: path, parsed) { run($0) }
  }

  /// Runs a source parsed before.
  @discardableResult
  public func run(_ parsed: ParsedSource) -> ExitStatus {
    run(parsed.items, from: parsed.source)
  }

  private func run<Contents>(
    file path: String, _ contents: Result<Contents, SourceFile.Failure>, _ body: (Contents) -> ExitStatus
  ) -> ExitStatus {
    switch contents {
    case .success(let contents):
      protect(path, as: "the script")
      return running(path) { body(contents) }
    case .failure(let failure):
      reportLine(failure.message)
      return failure.status
    }
  }

  /// Checks and runs one statement, writing its result. Reports take their title from `--title`, the
  /// script's header comment, or the statement itself.
  /// Warnings are reported against `source`, the text the statement was read from.
  public func execute(
    _ statement: Statement, headerTitle: String? = nil, in source: SourceText? = nil
  ) throws(QueryError) {
    if statement.change != nil {
      try executeChange(statement, in: source)
      return
    }
    // A timeline shows more than its columns; any other statement reads what it names.
    let columns = ColumnsRead(of: statement)
    try readColumns(format == .timeline ? ColumnsRead.all.everyRow : columns.everyRow, at: statement.range)
    // The plan the statement reads: as it stood at the end of a day (`as of`), its log (`changes`).
    var read = plan
    if let asOf = statement.asOf {
      read = plan.asOf(try Checker(plan: plan, parameters: parameters, today: today).asOfDay(asOf))
    }
    let rows = Checker.source(of: statement)
    if rows == .changes { read = ChangeRows.plan(of: read) }
    let checked = try Checker(plan: read, parameters: parameters, today: today).check(statement)
    if let source {
      for warning in checked.warnings { report(warning, in: source) }
    }
    let givenTitle = title ?? headerTitle
    try write(
      checked, titled: givenTitle ?? ASTPrinter.print(statement), given: givenTitle != nil, on: read,
      rows: rows,
      at: statement.range)
  }

  /// Runs a checked statement on a plan and writes its result where results go now, titled (in reports)
  /// by `--title`, the script's header or the statement itself.
  func write(
    _ checked: CheckedStatement, titled title: @autoclosure () -> String, given titleGiven: Bool = false,
    on plan: Plan,
    rows: RowSource, at range: SourceRange = SourceRange(start: 0, end: 0)
  ) throws(QueryError) {
    let evaluated: QueryResult?
    do throws(PlanFileError) {
      evaluated = try Evaluator(plan: plan).run(checked, interrupted: interruption)
    } catch {
      throw QueryError(.file, error.description, at: range)
    }
    if let error = checked.patternLimitError { throw error }
    guard let result = evaluated else {
      throw QueryError(.interrupted, "the statement was stopped (Ctrl-C)", at: range)
    }
    // Only pages and markdown documents show a title: the statement is printed for them alone.
    let document = DocumentInfo(
      title: format.showsTitle ? title() : "", titleGiven: titleGiven,
      planTitle: plan.metadata.title, planSource: plan.metadata.source, planYear: plan.metadata.year,
      made: today, language: language)
    var options = OutputOptions(
      header: header, width: outputWidth, color: colorOutput && outputFile == nil, document: document,
      expanded: expanded, language: language)
    options.rows = rows
    let text =
      outputFile == nil
      ? standardOutputDocument.render(result, as: format, timeline: checked.timeline, options: options)
      : outputFileDocument.render(result, as: format, timeline: checked.timeline, options: options)
    try emit(text)
  }

  /// Reads the columns of a large plan file that were left unread when it was loaded, for every activity.
  func readColumns(_ columns: Set<PlanColumn>, at range: SourceRange) throws(QueryError) {
    guard !plan.unreadColumns.isDisjoint(with: columns) else { return }
    do throws(PlanFileError) {
      try plan.readColumns(columns)
    } catch {
      throw QueryError(.file, error.description, at: range)
    }
  }

  /// The terminal's width when what is written goes to one; nil for a file or a pipe.
  var outputWidth: Int? { outputFile == nil ? terminalWidth() : nil }

  /// The first line of a script's leading comment, shebang aside: what the script says it answers.
  static func headerTitle(of source: SourceText) -> String? {
    // The first ten lines that are not empty, taken one by one: a long script is not split whole.
    var rest = source.text[...]
    var lines = 0
    while lines < 10, !rest.isEmpty {
      // "\r\n" is one Character in Swift, not a "\n": a script saved on Windows has its lines too.
      let end = rest.firstIndex { $0 == "\n" || $0 == "\r\n" } ?? rest.endIndex
      var text = rest[..<end]
      rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
      if text.isEmpty { continue }
      lines += 1
      if text.hasPrefix("#!") { continue }
      guard text.hasPrefix("--") || text.hasPrefix("#") else { return nil }
      text = text.drop { $0 == "-" || $0 == "#" || $0 == " " }
      // "Uppföljning av verksamhetsplanen: everything not finished…" is titled by what comes before ':'.
      if let colon = text.firstIndex(of: ":") { text = text[..<colon] }
      while let last = text.last, last == "." || last.isWhitespace { text.removeLast() }
      if !text.isEmpty { return String(text) }
    }
    return nil
  }

  /// Ends the session: a file opened by `.output` is put in place, and the document on standard output
  /// (an HTML page) is closed.
  public func finish() -> ExitStatus {
    var status = ExitStatus.success
    do throws(QueryError) {
      try closeOutput(at: nil)
    } catch {
      reportLine("sekom: error: \(error.message)")
      status = .fileError
    }
    standardOutput(standardOutputDocument.close())
    return status
  }

  /// Adds a dot-command, shown by `.help` with the others.
  public func register(_ command: DotCommand) {
    commands.append(command)
  }

  // MARK: What dot-commands change

  func replacePlan(with plan: Plan, path: String?) {
    self.plan = plan
    self.planPath = path
    if let path { protect(path, as: "the plan file") }
  }

  func requestQuit() { quitRequested = true }

  /// `.read`: runs another file inside this one, its errors reported with its own name where they
  /// happen. Returns the worst status of its statements.
  func read(_ path: String, at range: SourceRange) throws(QueryError) -> ExitStatus {
    if let file = FileAccess.identity(path), filesBeingRead.contains(where: { $0 == file }) {
      // A file reading itself, directly or through others, would run without end (or, with
      // --keep-going, run its copies' copies); refused once, where it is asked for.
      throw QueryError(.limit, "'\(path)' is already being read; a file cannot read itself", at: range)
    }
    guard readDepth < Session.maximumReadDepth else {
      throw QueryError(.limit, ".read is nested more than \(Session.maximumReadDepth) deep", at: range)
    }
    let source: SourceText
    switch SourceFile.read(path) {
    case .success(let text): source = text
    case .failure(let failure): throw QueryError(.file, failure.reason, at: range)
    }
    protect(path, as: "the script")
    readDepth += 1
    defer { readDepth -= 1 }
    return running(path) { run(source) }
  }

  /// Runs `body` with the file at `path` on the stack of files being read.
  private func running(_ path: String, _ body: () -> ExitStatus) -> ExitStatus {
    guard let file = FileAccess.identity(path) else { return body() }
    filesBeingRead.append(file)
    defer { filesBeingRead.removeLast() }
    return body()
  }

  /// `.output FILE`: results go to the file, written whole when it is closed; nil goes back to standard
  /// output.
  func redirectOutput(to path: String?, at range: SourceRange) throws(QueryError) {
    try closeOutput(at: range)
    guard let path else { return }
    if let protected = FileAccess.first(of: protectedFiles, sameAs: path, path: \.path) {
      throw QueryError(.file, "refusing to write over \(protected.what) '\(protected.path)'", at: range)
    }
    do throws(FileAccess.Failure) {
      outputFile = try AtomicFile(path: path)
    } catch {
      throw QueryError(.file, "cannot write '\(path)': \(error.reason)", at: range)
    }
  }

  private func closeOutput(at range: SourceRange?) throws(QueryError) {
    guard let file = outputFile else { return }
    outputFile = nil
    // Each file gets a whole document of its own.
    let end = outputFileDocument.close()
    outputFileDocument = ResultDocument()
    do throws(FileAccess.Failure) {
      try file.write(end)
      try file.commit()
    } catch {
      throw QueryError(
        .file, "cannot write '\(file.path)': \(error.reason)", at: range ?? SourceRange(start: 0, end: 0))
    }
  }

  /// Writes text where results go now, as part of the document there: inside an HTML page, preformatted.
  /// It is a listing for reading (`.param`, `.history`, `.fields`), so its control characters, which may
  /// come from the plan or a parameter, are shown as pictures.
  public func write(_ text: String) throws(QueryError) {
    let text = ControlPictures.visible(text, keeping: .lineFeeds)
    try emit(outputFile == nil ? standardOutputDocument.text(text) : outputFileDocument.text(text))
  }

  private func emit(_ text: String) throws(QueryError) {
    guard let file = outputFile else {
      try writeInPieces(text)
      return
    }
    do throws(FileAccess.Failure) {
      try file.write(text)
    } catch {
      // A file that missed some results is never put in place; the error is reported once, here, and
      // later results go to standard output.
      file.discard()
      outputFile = nil
      outputFileDocument = ResultDocument()
      throw QueryError(
        .file, "cannot write '\(file.path)': \(error.reason)", at: SourceRange(start: 0, end: 0))
    }
  }

  /// The size of one write of a result to standard output: a large result is written piece by piece, and
  /// Ctrl-C between pieces stops it, where one write of 20 MB to a terminal would run on for a minute.
  static let outputPieceBytes = 16 << 10

  private func writeInPieces(_ text: String) throws(QueryError) {
    guard let interruption, text.utf8.count > Session.outputPieceBytes else {
      standardOutput(text)
      return
    }
    let bytes = Array(text.utf8)
    var start = 0
    while start < bytes.count {
      var end = min(start + Session.outputPieceBytes, bytes.count)
      // Cut after a line end where there is one, so that a stop leaves whole lines; else between
      // characters.
      if end < bytes.count {
        if let lineEnd = bytes[start..<end].lastIndex(of: UInt8(ascii: "\n")) {
          end = lineEnd + 1
        } else {
          while end > start + 1 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
      }
      standardOutput(String(decoding: bytes[start..<end], as: UTF8.self))
      start = end
      if start < bytes.count && interruption() {
        throw QueryError(.interrupted, "the output was stopped (Ctrl-C)", at: SourceRange(start: 0, end: 0))
      }
    }
  }

  // MARK: Messages

  public func report(_ error: QueryError, in source: SourceText) {
    // After the ^C the terminal echoed, on a line of its own; the statement's place says nothing here.
    if error.kind == .interrupted {
      reportLine("\n" + error.message)
      return
    }
    // Rendered with its control characters as pictures already; its colours are escapes of its own.
    writeError(DiagnosticRenderer.render(error, in: source, color: colorErrors, width: errorWidth()))
  }

  /// A message on standard error. It may quote a file's name or contents: its control characters are
  /// shown as pictures, line ends aside.
  public func reportLine(_ line: String) {
    writeError(ControlPictures.visible(line, keeping: .lineFeeds))
  }

  private func writeError(_ line: String) {
    standardError(line.hasSuffix("\n") ? line : line + "\n")
  }
}

/// A source's items, each parsed when the one before has run (a concrete type rather than `AnyIterator`,
/// whose boxed metadata the runtime would build at every start).
private struct ParsedItems: Sequence, IteratorProtocol {
  var parser: Parser

  mutating func next() -> Result<ScriptItem, QueryError>? { parser.nextItem() }
}
