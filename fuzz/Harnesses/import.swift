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
  let again: Plan
  do {
    again = try PlanFile.parse(bytes: Array(json.utf8), format: .json, path: "fuzz.txt")
  } catch {
    fatalError("the imported plan, written as JSON, does not load: \(error)\n\(json.prefix(3000))")
  }
  guard plan.metadata == again.metadata else {
    fatalError("the metadata differs after writing JSON:\n\(plan.metadata)\n\(again.metadata)")
  }
  sameActivities(plan.activities, again.activities, from: "JSON")
  let csv = PlanFile.csv(plan)
  let fromCSV: Plan
  do {
    fromCSV = try PlanFile.parse(
      bytes: Array(csv.utf8), format: .csv, path: "fuzz.txt",
      options: PlanReadOptions(year: plan.metadata.year))
  } catch {
    fatalError("the imported plan, written as CSV, does not load: \(error)\n\(csv.prefix(3000))")
  }
  sameActivities(withoutDays(plan.activities), withoutDays(fromCSV.activities), from: "CSV")
  return 0
}

private func withoutDays(_ activities: [Activity]) -> [Activity] {
  activities.map { activity in
    var activity = activity
    activity.when.interval = nil
    return activity
  }
}

private func sameActivities(_ read: [Activity], _ again: [Activity], from format: String) {
  guard read != again else { return }
  guard read.count == again.count else {
    fatalError("\(read.count) activities, \(again.count) read back from \(format)")
  }
  let i = read.indices.first { read[$0] != again[$0] }!
  fatalError("activity \(i + 1) differs read back from \(format):\n\(read[i])\n\(again[i])")
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
