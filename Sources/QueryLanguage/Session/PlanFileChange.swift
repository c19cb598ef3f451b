import PlanModel
import Platform

/// The read-modify-write of a change statement on the JSON plan file in use: the file is locked, read
/// again under the lock (so that a change made by another REPL, another run or an editor since this
/// session read it is kept), changed, and written through the safe writer before the lock is let go.
enum PlanFileChange {
  /// Makes the entries `entries` works out on the plan as it is in the file now, records them and writes
  /// the file (unless `dryRun`). Returns the plan as written and the entries made. Nothing is written when
  /// `entries` throws or makes none.
  static func apply(
    path: String, options: PlanReadOptions, dryRun: Bool, at range: SourceRange,
    _ entries: (Plan) throws(QueryError) -> [LogEntry]
  ) throws(QueryError) -> (plan: Plan, entries: [LogEntry]) {
    let lock: FileLock
    do throws(FileAccess.Failure) {
      lock = try FileLock(path: path)
    } catch {
      throw QueryError(.file, "cannot lock the plan file '\(path)': \(error.reason)", at: range)
    }
    defer { lock.release() }
    var plan: Plan
    do throws(PlanFileError) {
      plan = try PlanFile.read(path: path, options: options)
    } catch {
      throw QueryError(.file, "cannot read the plan file again", at: range, notes: [error.description])
    }
    let made = try entries(plan)
    plan.record(made)
    guard !dryRun, !made.isEmpty else { return (plan, made) }
    do throws(FileAccess.Failure) {
      let file = try AtomicFile(path: path)
      try file.write(PlanFile.json(plan))
      try file.commit()
    } catch {
      throw QueryError(.file, "cannot write the plan file '\(path)': \(error.reason)", at: range)
    }
    return (plan, made)
  }
}
