// What the fuzz target `query` checks, and FuzzRegressionTests with it on the inputs the fuzzer found.
import PlanModel
import QueryLanguage

public enum QueryChecks {
  public static let today = Day(year: 2021, month: 9, day: 15)!
  public static let parameters = [
    "vem": "Styrelsen", "period": "hösten 2021", "n": "2", "tom": "", "datum": "2021-05-28",
    "re": "webb?inar", "idag": "today",
  ]
  /// Terminal widths a table or timeline may be fitted to: `COLUMNS` can be any positive number.
  public static let widths: [Int?] = [nil, 1, 2, 5, 12, 40, 80, 160, 65_535, Int.max]

  /// What goes wrong with `bytes` read as a query source: every item is parsed, each statement checked,
  /// run on `plan` and written in the formats `formats` gives for its index; then the items run through a
  /// Session, as scripts and the REPL run them, dot-commands included but for those that read or write
  /// files. Nothing may crash or hang; every error must have a range inside the source (or just past its
  /// end, where a missing part would go) and render with its place; no control character may reach the
  /// terminal; a statement printed and parsed again prints the same (ASTPrinter's promise). Empty when
  /// nothing goes wrong.
  public static func problems(
    _ bytes: [UInt8], plan: Plan = .embedded2021, width: Int?, header: Bool,
    formats: (_ statementIndex: Int) -> [OutputFormat]
  ) -> [String] {
    let source = SourceText(name: "<fuzz>", text: String(decoding: bytes, as: UTF8.self))
    var problems: [String] = []
    let items = Parser.parse(source)
    for (index, item) in items.enumerated() {
      switch item {
      case .failure(let error):
        problems += errorProblems(error, in: source)
      case .success(.dotCommand(let line)):
        problems += [rangeProblem(line.range, in: source, what: "a dot-command")].compactMap { $0 }
      case .success(.statement(let statement)):
        problems += [rangeProblem(statement.range, in: source, what: "a statement")].compactMap { $0 }
        problems += [reprintProblem(statement)].compactMap { $0 }
        let checked: CheckedStatement
        do {
          checked = try Checker(plan: plan, parameters: parameters, today: today).check(statement)
        } catch {
          problems += errorProblems(error, in: source)
          continue
        }
        if checked.change != nil { problems += changeProblems(statement, from: source, plan: plan) }
        guard let result = try? Evaluator(plan: plan).run(checked) else {
          problems.append("a plan in memory could not be read: \(ASTPrinter.print(statement))")
          continue
        }
        let document = DocumentInfo(
          title: ASTPrinter.print(statement), planTitle: plan.metadata.title,
          planSource: plan.metadata.source, planYear: plan.metadata.year, made: today)
        let options = OutputOptions(header: header, width: width, color: header, document: document)
        for format in formats(index) { _ = ResultWriter.render(result, as: format, options: options) }
      }
    }
    problems += sessionProblems(items, from: source, plan: plan, width: width)
    return problems
  }

  /// The items through a session that writes nowhere, running on after errors; `.read`, `.output` and
  /// `.plan` are left out, since a fuzzer must not read or write files.
  static func sessionProblems(
    _ items: [Result<ScriptItem, QueryError>], from source: SourceText, plan: Plan, width: Int?
  ) -> [String] {
    var problems: [String] = []
    let session = Session(
      plan: plan, standardOutput: { _ in },
      standardError: { problems += [visibilityProblem($0)].compactMap { $0 } })
    session.today = today
    session.parameters = parameters
    session.keepGoing = true
    session.terminalWidth = { width }
    let safe = items.filter { item in
      guard case .success(.dotCommand(let line)) = item else { return true }
      return !["read", "output", "plan"].contains(line.name.text.lowercased())
    }
    session.run(safe, from: source)
    _ = session.finish()
    return problems
  }

  /// A change statement on a plan that has no file (the embedded plan, as the fuzzer runs) is refused,
  /// with the way out and exit status 3: it never writes, and never crashes.
  static func changeProblems(_ statement: Statement, from source: SourceText, plan: Plan) -> [String] {
    var errors = ""
    let session = Session(plan: plan, standardOutput: { _ in }, standardError: { errors += $0 })
    session.today = today
    session.parameters = parameters
    let status = session.run([.success(.statement(statement))], from: source)
    guard status == .fileError, errors.contains("cannot be changed; changes are made to a JSON plan file")
    else {
      return ["a change statement on a plan with no file was not refused (\(status)): \(errors.prefix(300))"]
    }
    return []
  }

  static func errorProblems(_ error: QueryError, in source: SourceText) -> [String] {
    var problems = [rangeProblem(error.range, in: source, what: "the error '\(error.message)'")].compactMap {
      $0
    }
    let rendered = DiagnosticRenderer.render(error, in: source)
    let location = source.location(of: error.range.start)
    if !rendered.hasPrefix("<fuzz>:\(location): error: ") {
      problems.append("the error is not rendered with its place: \(rendered.prefix(300))")
    }
    problems += [visibilityProblem(rendered)].compactMap { $0 }
    _ = DiagnosticRenderer.render(error, in: source, color: true)
    return problems
  }

  /// A message shows every control character of the source and the plan by its picture: nothing but line
  /// ends and the echoed line's tabs reaches a terminal as it is.
  static func visibilityProblem(_ message: String) -> String? {
    let reaches = message.unicodeScalars.contains {
      ControlPictures.isControl($0) && $0 != "\n" && $0 != "\t"
    }
    return reaches
      ? "a control character reaches the terminal in: \(message.prefix(300).debugDescription)" : nil
  }

  /// A range in the source, or its end one past the last byte: "the statement ends here".
  static func rangeProblem(_ range: SourceRange, in source: SourceText, what: String) -> String? {
    let count = source.bytes.count
    guard range.start < 0 || range.start > count || range.end < range.start || range.end > count + 1 else {
      return nil
    }
    return "\(what.prefix(300)) has the range \(range.start)..<\(range.end) in a source of \(count) bytes"
  }

  static func reprintProblem(_ statement: Statement) -> String? {
    let printed = ASTPrinter.print(statement)
    let items = Parser.parse(SourceText(name: "<printed>", text: printed))
    guard items.count == 1, case .success(.statement(let again)) = items[0] else {
      return "the printed statement does not parse back as one statement: \(printed.prefix(500))"
    }
    let reprinted = ASTPrinter.print(again)
    return reprinted == printed
      ? nil : "printed, parsed and printed again differs:\n\(printed.prefix(500))\n\(reprinted.prefix(500))"
  }
}
