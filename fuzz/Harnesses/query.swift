// libFuzzer target `query`: any bytes, read as a query source, go through the parser, the checker, the
// evaluator on the embedded 2021 plan and an output format (each in turn, by the input). Nothing may crash
// or hang; every error must have a range inside the source (or just past its end, where a missing part
// would go) and render with its place.
// Also: printing a parsed statement and parsing the print gives the same statement (ASTPrinter's promise).
// Then the same items run through a Session, as scripts and the REPL run them, dot-commands included but
// for those that read or write files.
import FuzzChecks
import QueryLanguage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // One format a statement, and a width, chosen by the input, so that the writers do not take all the time.
  let problems = QueryChecks.problems(
    bytes, width: QueryChecks.widths[size % QueryChecks.widths.count], header: size % 3 != 0
  ) { index in
    [OutputFormat.allCases[(size + index) % OutputFormat.allCases.count]]
  }
  if let problem = problems.first { fatalError(problem) }
  return 0
}
