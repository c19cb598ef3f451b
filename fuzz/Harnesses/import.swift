// libFuzzer target `import`: any bytes, read as a handlingsplan exported as text by
// `HandlingsplanImporter.importBytes`. It must end in a plan or in an ImportError on a line of the text
// (or on none, for what concerns the whole text: no table, no plan year). A plan it makes must be written
// as JSON, as `sekom import --output plan.json` does, into a file that loads again as the same plan, and
// as CSV (`--output plan.csv`) into one that loads as the same activities, apart from the days of `när`
// (CSV keeps no annual meeting).
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let plan: Plan
  do {
    plan = try HandlingsplanImporter.importBytes(bytes, source: "fuzz.txt").plan
  } catch {
    checkPlace(error, bytes)
    return 0
  }
  for (index, activity) in plan.activities.enumerated() where activity.id != index + 1 {
    fatalError("activity \(index + 1) has the id \(activity.id)")
  }
  let json = PlanFile.json(plan)
  let again = reload(json, .json, path: "fuzz.txt")
  guard plan.metadata == again.metadata else {
    fatalError("the metadata differs after writing JSON:\n\(plan.metadata)\n\(again.metadata)")
  }
  sameActivities(plan.activities, again.activities, written: json)
  let csv = PlanFile.csv(plan)
  let fromCSV = reload(csv, .csv, path: "fuzz.txt", PlanReadOptions(year: plan.metadata.year))
  sameActivities(withoutDays(plan.activities), withoutDays(fromCSV.activities), written: csv)
  return 0
}

/// The line an error names is a line of the text: LF, CRLF and CR each end one.
private func checkPlace(_ error: ImportError, _ bytes: [UInt8]) {
  guard let line = error.line else {
    let wholeText = ["no handlingsplan table", "the plan year is not given"]
    guard wholeText.contains(where: error.message.hasPrefix) else { fatalError("no line: \(error)") }
    return
  }
  var lines = 1
  for (i, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
    if byte == 0x0A && i > 0 && bytes[i - 1] == 0x0D { continue }
    lines += 1
  }
  guard (1...lines).contains(line) else { fatalError("line \(line) of \(lines): \(error)") }
}
