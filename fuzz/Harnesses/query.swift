// libFuzzer target `query`: any bytes, read as a query source, go through the parser, the checker, the
// evaluator on the embedded 2021 plan and an output format (each in turn, by the input). Nothing may crash
// or hang; every error must have a range inside the source (or just past its end, where a missing part
// would go) and render with its place.
// Also: printing a parsed statement and parsing the print gives the same statement (ASTPrinter's promise).
// Then the same items run through a Session, as scripts and the REPL run them, dot-commands included but
// for those that read or write files.
import PlanModel
import QueryLanguage

private let plan = Plan.embedded2021
private let today = Day(year: 2021, month: 9, day: 15)!
private let parameters = [
  "vem": "Styrelsen", "period": "hösten 2021", "n": "2", "tom": "", "datum": "2021-05-28",
  "re": "webb?inar", "idag": "today",
]
/// Terminal widths a table or timeline may be fitted to: `COLUMNS` can be any positive number.
private let widths: [Int?] = [nil, 1, 2, 5, 12, 40, 80, 160, 65_535, Int.max]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let source = SourceText(name: "<fuzz>", text: String(decoding: bytes, as: UTF8.self))
  let width = widths[size % widths.count]
  let items = Parser.parse(source)
  for (index, item) in items.enumerated() {
    switch item {
    case .failure(let error):
      check(error, in: source)
    case .success(.dotCommand(let line)):
      checkRange(line.range, in: source, what: "a dot-command")
    case .success(.statement(let statement)):
      checkRange(statement.range, in: source, what: "a statement")
      checkReprint(statement)
      // One format a statement, chosen by the input, so that the writers do not take all the time.
      let format = OutputFormat.allCases[(size + index) % OutputFormat.allCases.count]
      run(statement, in: source, format: format, width: width, header: size % 3 != 0)
    }
  }
  runSession(items, from: source, width: width)
  return 0
}

/// The items through a session that writes nowhere, running on after errors; `.read`, `.output` and
/// `.plan` are left out, since a fuzzer must not read or write files.
private func runSession(_ items: [Result<ScriptItem, QueryError>], from source: SourceText, width: Int?) {
  let session = Session(plan: plan, standardOutput: { _ in }, standardError: { checkVisible($0) })
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
}

private func run(
  _ statement: Statement, in source: SourceText, format: OutputFormat, width: Int?, header: Bool
) {
  let checked: CheckedStatement
  do {
    checked = try Checker(plan: plan, parameters: parameters, today: today).check(statement)
  } catch {
    check(error, in: source)
    return
  }
  let result = Evaluator(plan: plan).run(checked)
  let document = DocumentInfo(
    title: ASTPrinter.print(statement), planTitle: plan.metadata.title, planSource: plan.metadata.source,
    planYear: plan.metadata.year, made: today)
  let options = OutputOptions(header: header, width: width, color: header, document: document)
  _ = ResultWriter.render(result, as: format, options: options)
}

private func check(_ error: QueryError, in source: SourceText) {
  checkRange(error.range, in: source, what: "the error '\(error.message)'")
  let rendered = DiagnosticRenderer.render(error, in: source)
  let location = source.location(of: error.range.start)
  guard rendered.hasPrefix("<fuzz>:\(location): error: ") else {
    fatalError("the error is not rendered with its place: \(rendered.prefix(300))")
  }
  checkVisible(rendered)
  _ = DiagnosticRenderer.render(error, in: source, color: true)
}

/// A message shows every control character of the source and the plan by its picture: nothing but line
/// ends and the echoed line's tabs reaches a terminal as it is.
private func checkVisible(_ message: String) {
  if message.unicodeScalars.contains(where: { ControlPictures.isControl($0) && $0 != "\n" && $0 != "\t" }) {
    fatalError("a control character reaches the terminal in: \(message.prefix(300).debugDescription)")
  }
}

/// A range in the source, or its end one past the last byte: "the statement ends here".
private func checkRange(_ range: SourceRange, in source: SourceText, what: String) {
  let count = source.bytes.count
  guard range.start >= 0, range.start <= count, range.end >= range.start, range.end <= count + 1 else {
    fatalError(
      "\(what.prefix(300)) has the range \(range.start)..<\(range.end) in a source of \(count) bytes")
  }
}

private func checkReprint(_ statement: Statement) {
  let printed = ASTPrinter.print(statement)
  let items = Parser.parse(SourceText(name: "<printed>", text: printed))
  guard items.count == 1, case .success(.statement(let again)) = items[0] else {
    fatalError("the printed statement does not parse back as one statement: \(printed.prefix(500))")
  }
  let reprinted = ASTPrinter.print(again)
  guard reprinted == printed else {
    fatalError("printed, parsed and printed again differs:\n\(printed.prefix(500))\n\(reprinted.prefix(500))")
  }
}
