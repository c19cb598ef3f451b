import Platform

/// Reading the columns of a large CSV plan that were left unread when it was loaded
/// (`PlanReadOptions.columns`).
extension Plan {
  /// Reads `columns` of every activity, those not read yet; the others are left as they are. Reading
  /// `inriktning` also settles the plan's list of inriktningar. Both halves of the rows are read at once.
  public mutating func readColumns(_ columns: Set<PlanColumn>) throws(PlanFileError) {
    let wanted = columns.intersection(unreadColumns)
    guard !wanted.isEmpty, let deferred else { return }
    let count = activities.count
    let middle = count / 2
    var drafts = [metadata.source, metadata.source].map { PlanDraft(path: $0) }
    var errors: [PlanFileError?] = [nil, nil]
    activities.withUnsafeMutableBufferPointer { rows in
      let parts = [0..<middle, middle..<count]
      drafts.withUnsafeMutableBufferPointer { drafts in
        errors.withUnsafeMutableBufferPointer { errors in
          func readPart(_ part: Int) {
            do throws(PlanFileError) {
              try deferred.read(wanted, rows: parts[part], into: &drafts[part]) { position, values in
                values.fill(&rows[position])
              }
            } catch {
              errors[part] = error
            }
          }
          inParallel({ readPart(0) }, { readPart(1) })
        }
      }
    }
    if let error = errors.compactMap({ $0 }).first { throw error }
    if wanted.contains(.direction) {
      var seen = Set<String>()
      metadata.directions = (drafts[0].directions.strings + drafts[1].directions.strings).filter {
        !$0.isEmpty && seen.insert($0).inserted
      }
    }
    unreadColumns.subtract(wanted)
    if unreadColumns.isEmpty { self.deferred = nil }
  }

  /// The activities at `positions` (ascending), with `columns` read where they are not yet: the rows a
  /// statement found, read in full without reading the rest of the plan.
  public func activities(at positions: [Int], reading columns: Set<PlanColumn>) throws(PlanFileError)
    -> [Activity]
  {
    let wanted = columns.intersection(unreadColumns)
    var rows = positions.map { activities[$0] }
    guard !wanted.isEmpty, let deferred else { return rows }
    var draft = PlanDraft(path: metadata.source)
    var index = 0
    try deferred.read(wanted, rows: positions, into: &draft) { _, values in
      values.fill(&rows[index])
      index += 1
    }
    return rows
  }
}
