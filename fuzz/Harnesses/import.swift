// libFuzzer target `import`: any bytes, read as a handlingsplan exported as text by
// `HandlingsplanImporter.importBytes`. It must end in a plan or in an ImportError on a line of the text
// (or on none, for what concerns the whole text: no table, no plan year). A plan it makes must be written
// as JSON, as `sekom import --output plan.json` does, into a file that loads again as the same plan, and
// as CSV (`--output plan.csv`) into one that loads as the same activities, apart from the days of `när`
// (CSV keeps no annual meeting).
import FuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let problem = ImportChecks.problems(bytes).first { fatalError(problem) }
  return 0
}
