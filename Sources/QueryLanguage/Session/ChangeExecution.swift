import PlanModel
import Platform

/// Change statements and `.undo`: the follow-up recorded in the JSON plan file in use, each statement one
/// group of log entries, written through the safe writer under the file's lock.
extension Session {
  /// Runs a change statement: checks it, makes its entries on the plan as it is in the file now, writes
  /// the file (unless a dry run) and shows what changed.
  func executeChange(_ statement: Statement, in source: SourceText?) throws(QueryError) {
    let path = try changeablePlanPath(at: statement.change!.range)
    // Checked first on the plan read before, so that a mistake is reported before the file is locked.
    let first = try Checker(plan: plan, parameters: parameters, today: today).check(statement)
    if let source {
      for warning in first.warnings { report(warning, in: source) }
    }
    let author = changeAuthor()
    let parameters = self.parameters
    let today = self.today
    let interruption = self.interruption
    let outcome = try PlanFileChange.apply(
      path: path, options: planOptions, dryRun: dryRun, at: statement.range
    ) { fresh throws(QueryError) in
      let checked = try Checker(plan: fresh, parameters: parameters, today: today).check(statement)
      let group = fresh.nextGroup
      let time = LogTime.now()
      switch checked.change! {
      case .add(let values):
        var activity = Activity(
          id: fresh.nextActivityID, direction: "", what: "", how: "", who: [],
          when: WhenText(text: "", interval: nil), status: StatusText(text: ""), priority: nil)
        for (field, value) in values { field.assign(value, to: &activity, in: fresh.timeContext) }
        return [fresh.entry(adding: activity, group: group, author: author, time: time)]
      case .set(let values):
        let ids = try Session.ids(of: checked, in: fresh, interruption: interruption, at: statement.range)
        return fresh.entries(setting: values, ids: ids, group: group, author: author, time: time)
      case .comment(let note):
        let ids = try Session.ids(of: checked, in: fresh, interruption: interruption, at: statement.range)
        return fresh.entries(commenting: note, ids: ids, group: group, author: author, time: time)
      case .remove:
        let ids = try Session.ids(of: checked, in: fresh, interruption: interruption, at: statement.range)
        return fresh.entries(removing: ids, group: group, author: author, time: time)
      }
    }
    try finishChange(outcome, path: path, title: ASTPrinter.print(statement))
  }

  /// `.undo`: takes back the last change statement of the plan file that has not been taken back, with
  /// entries of its own, so that the log is never rewritten.
  func undoLastChange(at range: SourceRange) throws(QueryError) {
    let path = try changeablePlanPath(at: range)
    let author = changeAuthor()
    let outcome = try PlanFileChange.apply(path: path, options: planOptions, dryRun: dryRun, at: range) {
      fresh throws(QueryError) in
      guard
        let entries = fresh.entriesUndoingLastGroup(group: fresh.nextGroup, author: author, time: .now())
      else {
        throw QueryError(.file, "there is no change to undo in '\(path)'", at: range)
      }
      return entries
    }
    try finishChange(outcome, path: path, title: ".undo")
  }

  /// How the plan file is read again under the lock: as `.plan` and `--plan` read it.
  private var planOptions: PlanReadOptions {
    PlanReadOptions(year: planYear, defaultYear: today.year)
  }

  /// The JSON plan file changes are made to; the embedded plan and CSV files are refused with the way out.
  private func changeablePlanPath(at range: SourceRange) throws(QueryError) -> String {
    guard let path = planPath else {
      throw QueryError(
        .file, "the embedded 2021 plan cannot be changed; changes are made to a JSON plan file", at: range,
        notes: [
          "make one with: sekom export --output plan.json", "then change it with: sekom --plan plan.json",
        ])
    }
    if Session.isCSV(path) {
      throw QueryError(
        .file, "'\(path)' is a CSV plan file, which has no place for the log of changes", at: range,
        notes: ["make a JSON plan of it with: sekom export --plan \(path) --output plan.json"])
    }
    return path
  }

  /// A CSV plan file, by its name or, without one that tells, by its first byte.
  private static func isCSV(_ path: String) -> Bool {
    if let format = PlanFile.format(path: path) { return format == .csv }
    guard let start = try? FileAccess.readBytes(path, limit: 4096) else { return false }
    // Past white space and a byte-order mark, JSON starts with '{' or '['.
    let first = start.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    return first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
  }

  /// The ids of the activities a checked change statement's condition finds.
  private static func ids(
    of checked: CheckedStatement, in plan: Plan, interruption: (() -> Bool)?, at range: SourceRange
  ) throws(QueryError) -> Set<Int> {
    let evaluated: QueryResult?
    do throws(PlanFileError) {
      evaluated = try Evaluator(plan: plan).run(checked, interrupted: interruption)
    } catch {
      throw QueryError(.file, error.description, at: range)
    }
    guard let result = evaluated else {
      throw QueryError(.interrupted, "the statement was stopped (Ctrl-C)", at: range)
    }
    guard case .activities(_, _, let rows) = result else { return [] }
    return Set(rows.map(\.id))
  }

  /// Shows what a change did, and takes the plan as written as the session's plan.
  private func finishChange(
    _ outcome: (plan: Plan, entries: [LogEntry]), path: String, title: String
  ) throws(QueryError) {
    if !dryRun { replacePlan(with: outcome.plan, path: path) }
    let entries = outcome.entries
    let activities = Set(entries.map(\.activityID)).count
    var shown = outcome.plan
    shown.log = entries
    // What changed, as `changes` shows it: one row an entry.
    let shownAs = CheckedStatement(
      order: [], columns: [.id, .what, .changedField, .from, .to], selected: true)
    try write(shownAs, titled: title, on: ChangeRows.plan(of: shown), rows: .changes)
    let counted = activities == 1 ? "1 activity" : "\(activities) activities"
    let added = entries.count == 1 && entries[0].fieldName == "aktivitet" && entries[0].from == nil
    if entries.isEmpty {
      reportLine("sekom: nothing changed: no activity had another value")
    } else if added && !dryRun {
      reportLine("sekom: added activity \(entries[0].activityID) to '\(path)' (group \(entries[0].group))")
    } else if dryRun {
      reportLine("sekom: dry run: \(counted) would change; '\(path)' is not written")
    } else {
      reportLine("sekom: \(counted) changed in '\(path)' (group \(entries[0].group))")
    }
  }
}
