// What the fuzz target `import` checks, and FuzzRegressionTests with it on the inputs the fuzzer found.
import PlanModel

public enum ImportChecks {
  /// What goes wrong importing `bytes` as a handlingsplan exported as text: it must end in a plan or in an
  /// ImportError on a line of the text (or on none, for what concerns the whole text). A plan it makes must
  /// be written as JSON, as `sekom import --output plan.json` does, into a file that loads again as the
  /// same plan, and as CSV into one that loads as the same activities apart from the days of `när` (CSV
  /// keeps no annual meeting). Empty when nothing goes wrong.
  public static func problems(_ bytes: [UInt8]) -> [String] {
    let plan: Plan
    do {
      plan = try HandlingsplanImporter.importBytes(bytes, source: "fuzz.txt").plan
    } catch {
      return [placeProblem(error, in: bytes)].compactMap { $0 }
    }
    var problems: [String] = []
    for (index, activity) in plan.activities.enumerated() where activity.id != index + 1 {
      problems.append("activity \(index + 1) has the id \(activity.id)")
    }
    let json = PlanFile.json(plan)
    do {
      let again = try PlanFile.parse(bytes: Array(json.utf8), format: .json, path: "fuzz.txt")
      if plan.metadata != again.metadata {
        problems.append("the metadata differs after writing JSON:\n\(plan.metadata)\n\(again.metadata)")
      }
      if let difference = PlanFileChecks.activityDifference(
        plan.activities, again.activities, keepingDays: true)
      {
        problems.append("written as JSON, \(difference)")
      }
    } catch {
      problems.append("the imported plan, written as JSON, does not load: \(error)\n\(json.prefix(3000))")
    }
    let csv = PlanFile.csv(plan)
    do {
      let options = PlanReadOptions(year: plan.metadata.year)
      let again = try PlanFile.parse(bytes: Array(csv.utf8), format: .csv, path: "fuzz.txt", options: options)
      if let difference = PlanFileChecks.activityDifference(
        plan.activities, again.activities, keepingDays: false)
      {
        problems.append("written as CSV, \(difference)")
      }
    } catch {
      problems.append("the imported plan, written as CSV, does not load: \(error)\n\(csv.prefix(3000))")
    }
    return problems
  }

  /// The line an error names is a line of the text: LF, CRLF and CR each end one.
  public static func placeProblem(_ error: ImportError, in bytes: [UInt8]) -> String? {
    guard let line = error.line else {
      let wholeText = ["no handlingsplan table", "the plan year is not given"]
      return wholeText.contains(where: error.message.hasPrefix) ? nil : "no line: \(error)"
    }
    var lines = 1
    for (i, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D {
      if byte == 0x0A && i > 0 && bytes[i - 1] == 0x0D { continue }
      lines += 1
    }
    return (1...lines).contains(line) ? nil : "line \(line) of \(lines): \(error)"
  }
}
