// libFuzzer target `json`: any bytes, read as a JSON plan file. Reading must end in a plan or in a
// PlanFileError that names its line (only an empty file has none); a plan that loads must be written by
// `PlanFile.json` into a file that loads again as the same plan, metadata included, and by `PlanFile.csv`
// into one that loads again as the same activities (CSV keeps no plan year or annual meeting, so the days
// a `när` text stands for may differ there: only the texts are compared).
import FuzzChecks
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let options = PlanReadOptions(year: size % 3 == 0 ? 2021 : nil, allowsRepeatedIDs: size % 2 == 0)
  if let problem = PlanFileChecks.problems(bytes, .json, options: options).first { fatalError(problem) }
  return 0
}
