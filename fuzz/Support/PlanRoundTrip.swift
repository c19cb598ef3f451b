// What the plan-file harnesses (csv, json, import) check alike: a written plan loads again as the same
// activities, and an error names a line of the input. Compiled into each harness by fuzz/build.sh.
import PlanModel

/// The plan in `text`, written by `PlanFile`, read as from `path` (which gives a plan without a title its
/// title, and every plan its source); a crash, with the text, when it does not load.
func reload(
  _ text: String, _ format: PlanFile.Format, path: String, _ options: PlanReadOptions = .init()
) -> Plan {
  do {
    return try PlanFile.parse(bytes: Array(text.utf8), format: format, path: path, options: options)
  } catch {
    fatalError("the written plan does not load: \(error)\n\(text.prefix(3000))")
  }
}

/// The activities with no days: what CSV keeps of a plan whose annual meeting or year it cannot hold.
func withoutDays(_ activities: [Activity]) -> [Activity] {
  activities.map { activity in
    var activity = activity
    activity.when.interval = nil
    return activity
  }
}

/// A crash naming the first activity that differs when read back from what was `written`.
func sameActivities(_ read: [Activity], _ again: [Activity], written: String) {
  guard read != again else { return }
  guard read.count == again.count else {
    fatalError("\(read.count) activities, \(again.count) read back:\n\(written.prefix(2000))")
  }
  let i = read.indices.first { read[$0] != again[$0] }!
  fatalError("activity \(i + 1) differs when read back:\n\(read[i])\n\(again[i])")
}

/// A plan file's error names a line of the file; only an empty file is refused as a whole.
func checkPlace(_ error: PlanFileError, _ bytes: [UInt8]) {
  let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  guard let line = error.line else {
    guard error.message.hasPrefix("the file is empty") else { fatalError("no line: \(error)") }
    return
  }
  guard (1...lines).contains(line) else { fatalError("line \(line) of \(lines): \(error)") }
}
