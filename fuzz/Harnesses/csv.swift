// libFuzzer target `csv`: any bytes, read as a CSV plan file. Reading must end in a plan or in a
// PlanFileError that names its line (only an empty file has none); a plan that loads must be written by
// `PlanFile.csv` into a file that loads again as the same activities, and by `PlanFile.json` into one that
// loads again as the same plan.
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let options = PlanReadOptions(year: size % 3 == 0 ? 2021 : nil, allowsRepeatedIDs: size % 2 == 0)
  let plan: Plan
  do {
    plan = try PlanFile.parse(bytes: bytes, format: .csv, path: "fuzz.csv", options: options)
  } catch {
    checkPlace(error, bytes)
    return 0
  }
  let csv = PlanFile.csv(plan)
  let again = reload(csv, .csv, options)
  sameActivities(plan, again, written: csv)
  let json = PlanFile.json(plan)
  let fromJSON = reload(json, .json, options)
  sameActivities(plan, fromJSON, written: json)
  guard plan.metadata == fromJSON.metadata else {
    fatalError("the metadata differs after writing JSON:\n\(plan.metadata)\n\(fromJSON.metadata)")
  }
  return 0
}

private func reload(_ text: String, _ format: PlanFile.Format, _ options: PlanReadOptions) -> Plan {
  do {
    return try PlanFile.parse(bytes: Array(text.utf8), format: format, path: "fuzz.csv", options: options)
  } catch {
    fatalError("the written plan does not load: \(error)\n\(text.prefix(2000))")
  }
}

private func sameActivities(_ plan: Plan, _ again: Plan, written: String) {
  guard plan.activities != again.activities else { return }
  guard plan.activities.count == again.activities.count else {
    fatalError(
      "\(plan.activities.count) activities, \(again.activities.count) read back:\n\(written.prefix(2000))")
  }
  let i = plan.activities.indices.first { plan.activities[$0] != again.activities[$0] }!
  fatalError("activity \(i + 1) differs when read back:\n\(plan.activities[i])\n\(again.activities[i])")
}

/// An error names the line it is on, a line of the file; only an empty file is refused as a whole.
private func checkPlace(_ error: PlanFileError, _ bytes: [UInt8]) {
  let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  guard let line = error.line else {
    guard error.message.hasPrefix("the file is empty") else { fatalError("no line: \(error)") }
    return
  }
  guard (1...lines).contains(line) else { fatalError("line \(line) of \(lines): \(error)") }
}
