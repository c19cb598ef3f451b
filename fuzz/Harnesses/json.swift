// libFuzzer target `json`: any bytes, read as a JSON plan file. Reading must end in a plan or in a
// PlanFileError that names its line (only an empty file has none); a plan that loads must be written by
// `PlanFile.json` into a file that loads again as the same plan, metadata included, and by `PlanFile.csv`
// into one that loads again as the same activities (CSV keeps no plan year or annual meeting, so the days
// a `när` text stands for may differ there: only the texts are compared).
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let options = PlanReadOptions(year: size % 3 == 0 ? 2021 : nil, allowsRepeatedIDs: size % 2 == 0)
  let plan: Plan
  do {
    plan = try PlanFile.parse(bytes: bytes, format: .json, path: "fuzz.json", options: options)
  } catch {
    checkPlace(error, bytes)
    return 0
  }
  let json = PlanFile.json(plan)
  let again = reload(json, .json, options)
  sameActivities(plan.activities, again.activities, written: json)
  guard plan.metadata == again.metadata else {
    fatalError("the metadata differs after writing JSON:\n\(plan.metadata)\n\(again.metadata)")
  }
  let csv = PlanFile.csv(plan)
  let fromCSV = reload(csv, .csv, options)
  sameActivities(withoutDays(plan.activities), withoutDays(fromCSV.activities), written: csv)
  return 0
}

private func withoutDays(_ activities: [Activity]) -> [Activity] {
  activities.map { activity in
    var activity = activity
    activity.when.interval = nil
    return activity
  }
}

private func reload(_ text: String, _ format: PlanFile.Format, _ options: PlanReadOptions) -> Plan {
  do {
    return try PlanFile.parse(bytes: Array(text.utf8), format: format, path: "fuzz.json", options: options)
  } catch {
    fatalError("the written plan does not load: \(error)\n\(text.prefix(2000))")
  }
}

private func sameActivities(_ read: [Activity], _ again: [Activity], written: String) {
  guard read != again else { return }
  guard read.count == again.count else {
    fatalError("\(read.count) activities, \(again.count) read back:\n\(written.prefix(2000))")
  }
  let i = read.indices.first { read[$0] != again[$0] }!
  fatalError("activity \(i + 1) differs when read back:\n\(read[i])\n\(again[i])")
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
