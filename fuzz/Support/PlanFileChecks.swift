// What the plan-file fuzz targets (csv, json) check, and FuzzRegressionTests with them on the inputs the
// fuzzer found: the one statement of these rules. A check returns its problems; a harness crashes on the
// first, a test records each.
import PlanModel

public enum PlanFileChecks {
  /// What goes wrong reading `bytes` as a plan file in `format` and writing the plan back; empty when
  /// nothing does.
  public static func problems(
    _ bytes: [UInt8], _ format: PlanFile.Format, options: PlanReadOptions = .init()
  ) -> [String] {
    do {
      let plan = try PlanFile.parse(bytes: bytes, format: format, path: path(format), options: options)
      return roundTripProblems(plan, readAs: format, options: options)
    } catch {
      return [placeProblem(error, in: bytes)].compactMap { $0 }
    }
  }

  /// The name a fuzzed plan file is read under.
  public static func path(_ format: PlanFile.Format) -> String {
    format == .csv ? "fuzz.csv" : "fuzz.json"
  }

  /// A plan read from a file in `format`, written by `PlanFile.csv` and by `PlanFile.json`, must load
  /// again as the same activities; written as JSON, with the same metadata too. CSV keeps no plan year or
  /// annual meeting: when the plan came from JSON, only the texts of `när` are compared there.
  public static func roundTripProblems(
    _ plan: Plan, readAs format: PlanFile.Format, options: PlanReadOptions
  ) -> [String] {
    var problems: [String] = []
    for written in [PlanFile.Format.csv, .json] {
      let text = written == .csv ? PlanFile.csv(plan) : PlanFile.json(plan)
      let again: Plan
      do {
        again = try PlanFile.parse(
          bytes: Array(text.utf8), format: written, path: path(format), options: options)
      } catch {
        problems.append("written as \(written), the plan does not load: \(error)\n\(text.prefix(3000))")
        continue
      }
      let keepsDays = written == .json || format == .csv
      if let difference = activityDifference(plan.activities, again.activities, keepingDays: keepsDays) {
        problems.append("written as \(written), \(difference)\n\(text.prefix(2000))")
      }
      if written == .json && plan.metadata != again.metadata {
        problems.append("written as JSON, the metadata differs:\n\(plan.metadata)\n\(again.metadata)")
      }
    }
    return problems
  }

  /// A plan file's error names a line of the file; only an empty file is refused as a whole.
  public static func placeProblem(_ error: PlanFileError, in bytes: [UInt8]) -> String? {
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    guard let line = error.line else {
      return error.message.hasPrefix("the file is empty") ? nil : "no line: \(error)"
    }
    return (1...lines).contains(line) ? nil : "line \(line) of \(lines): \(error)"
  }

  /// Where activities read back differ from those written, or nil; without their days unless `keepingDays`
  /// (what a plan file without a plan year or annual meeting cannot hold).
  public static func activityDifference(
    _ read: [Activity], _ again: [Activity], keepingDays: Bool
  ) -> String? {
    let read = keepingDays ? read : withoutDays(read)
    let again = keepingDays ? again : withoutDays(again)
    guard read != again else { return nil }
    guard read.count == again.count else { return "\(read.count) activities read back as \(again.count)" }
    let i = read.indices.first { read[$0] != again[$0] }!
    return "activity \(i + 1) differs when read back:\n\(read[i])\n\(again[i])"
  }

  static func withoutDays(_ activities: [Activity]) -> [Activity] {
    activities.map { activity in
      var activity = activity
      activity.when.interval = nil
      return activity
    }
  }
}
