// libFuzzer target `import`: any bytes, read as a handlingsplan exported as text by
// `HandlingsplanImporter.importBytes`. It must end in a plan or in an ImportError on a line of the text
// (or on none, for what concerns the whole text: no table, no plan year). A plan it makes must be written
// as JSON, as `sekom import --output plan.json` does, into a file that loads again as the same plan.
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
  // A known bug, documented by FuzzRegressionTests in PlanModelTests: the importer keeps NUL characters,
  // which the plan readers refuse. Delete this line once it is fixed.
  if bytes.contains(0) { return 0 }
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
  guard plan.activities != again.activities else { return 0 }
  guard plan.activities.count == again.activities.count else {
    fatalError("\(plan.activities.count) activities, \(again.activities.count) read back from JSON")
  }
  let i = plan.activities.indices.first { plan.activities[$0] != again.activities[$0] }!
  fatalError("activity \(i + 1) differs read back from JSON:\n\(plan.activities[i])\n\(again.activities[i])")
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
