import Platform

/// A large CSV plan read in part (`PlanReadOptions.columns`): its activities held as columns, and the
/// columns left unread read when a statement asks for them.
extension Plan {
  /// A plan whose activities are held as columns.
  init(metadata: PlanMetadata, columns: ActivityColumns) {
    self.init(metadata: metadata, activities: [])
    self.columns = columns
  }

  /// Whether the activities are held as columns (a large CSV plan read in part).
  public var isHeldAsColumns: Bool { columns != nil }

  /// How many activities the plan has, without making them.
  public var activityCount: Int { columns?.count ?? activities.count }

  /// Calls `body` with each activity of `rows` in plan order, lent, not copied. A plan held as columns
  /// fills one activity in turn with the columns read.
  public func forEachActivity(in rows: Range<Int>, _ body: (Int, Activity) -> Void) {
    guard let held = self.columns else {
      activities.withUnsafeBufferPointer { buffer in
        for row in rows { body(row, buffer[row]) }
      }
      return
    }
    let selection = ActivityColumns.Selection(Set(PlanColumn.allCases), of: held)
    var activity = ActivityColumns.blank
    for row in rows {
      held.fill(&activity, at: row, selection)
      body(row, activity)
    }
  }

  /// Calls `body` with each distinct list of actors (`vem`) the activities hold, once per list that
  /// activities share: a plan held as columns keeps each distinct `vem` text's list once.
  public func forEachActorList(_ body: ([String]) -> Void) {
    guard let held = self.columns else {
      var seen = Set<UInt>()
      for activity in activities {
        // Readers give every activity with the same `vem` text one list, its storage shared.
        let key = activity.who.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if seen.insert(key).inserted { body(activity.who) }
      }
      return
    }
    held.whoLists.forEach(body)
  }

  /// A function from position to activity, with id, prio and those of `columns` that are read; for a plan
  /// held as columns each call makes the activity, with its other fields empty.
  public func activityReader(reading columns: Set<PlanColumn>) -> (Int) -> Activity {
    guard let held = self.columns else {
      let activities = self.activities
      return { activities[$0] }
    }
    let selection = ActivityColumns.Selection(columns, of: held)
    return { row in
      var activity = ActivityColumns.blank
      held.fill(&activity, at: row, selection)
      return activity
    }
  }

  /// Reads `columns` of every activity, those not read yet. Once every column is read the plan holds
  /// activities again, as a plan read whole does.
  public mutating func readColumns(_ columns: Set<PlanColumn>) throws(PlanFileError) {
    let wanted = columns.intersection(unreadColumns)
    guard !wanted.isEmpty, let deferred, var held = self.columns else { return }
    // A draft that holds exactly the wanted text columns, filled as loading fills them.
    var draft = PlanDraft(path: metadata.source, deferring: DeferredColumns.deferrable.subtracting(wanted))
    try deferred.read(wanted, rows: 0..<held.count) { _, cell in draft.appendTexts(cell) }
    let read = draft.heldTexts
    if wanted.contains(.direction) {
      held.directionIndices = read.directionIndices
      held.directions = read.directions
      metadata.directions = read.directions.filter { !$0.isEmpty }
    }
    if wanted.contains(.what) { held.whats = read.whats }
    if wanted.contains(.how) { held.hows = read.hows }
    if wanted.contains(.who) {
      held.whoIndices = read.whoIndices
      held.whoLists = read.whoLists
    }
    if wanted.contains(.status) {
      held.statusIndices = read.statusIndices
      held.statuses = read.statuses
    }
    unreadColumns.subtract(wanted)
    guard unreadColumns.isEmpty else {
      self.columns = held
      return
    }
    self.deferred = nil
    activities = held.activities()
  }

  /// The indices of `positions` (distinct, each below `count`) in the order of the positions: a pass over
  /// a table of all positions when they are many, a sort when they are few.
  static func fileOrder(of positions: [Int], among count: Int) -> [Int] {
    guard positions.count >= count / 16 else {
      return positions.indices.sorted { positions[$0] < positions[$1] }
    }
    var indexAt = [Int32](repeating: -1, count: count)
    for (index, position) in positions.enumerated() { indexAt[position] = Int32(index) }
    var order: [Int] = []
    order.reserveCapacity(positions.count)
    for index in indexAt where index >= 0 { order.append(Int(index)) }
    return order
  }

  /// The activities at `positions`, in that order, with id, prio and `columns`, read where they are not
  /// yet: the rows a statement found, made without making or reading the rest of the plan.
  public func activities(at positions: [Int], reading columns: Set<PlanColumn>) throws(PlanFileError)
    -> [Activity]
  {
    guard let held = self.columns else { return positions.map { activities[$0] } }
    let selection = ActivityColumns.Selection(columns, of: held)
    var rows = [Activity](repeating: ActivityColumns.blank, count: positions.count)
    rows.withUnsafeMutableBufferPointer { rows in
      for (index, position) in positions.enumerated() { held.fill(&rows[index], at: position, selection) }
    }
    let wanted = columns.intersection(unreadColumns)
    guard !wanted.isEmpty, let deferred else { return rows }
    // The file is read front to back: rows asked for in another order are read in file order, each
    // into its own place.
    let fileOrder =
      zip(positions, positions.dropFirst()).contains { $0 >= $1 }
      ? Self.fileOrder(of: positions, among: held.count) : Array(positions.indices)
    let reads = ActivityColumns.Selection(wanted)
    let path = metadata.source
    // Two halves at once: the rows found may lie all over the file.
    let middle = positions.count >= 4096 ? positions.count / 2 : positions.count
    var errors: [PlanFileError?] = [nil, nil]
    rows.withUnsafeMutableBufferPointer { rows in
      errors.withUnsafeMutableBufferPointer { errors in
        func readPart(_ part: Int, _ range: Range<Int>) {
          var draft = PlanDraft(path: path)
          var step = range.lowerBound
          do throws(PlanFileError) {
            try deferred.read(wanted, rows: fileOrder[range].lazy.map { positions[$0] }) { _, cell in
              let index = fileOrder[step]
              step += 1
              if reads.direction { rows[index].direction = draft.directions.value(of: cell(.direction)) }
              if reads.what { rows[index].what = draft.whats.string(of: cell(.what)) }
              if reads.how { rows[index].how = draft.hows.string(of: cell(.how)) }
              if reads.who { rows[index].who = draft.whoList(cell(.who)) }
              if reads.status { rows[index].status = draft.status(cell(.status)) }
            }
          } catch {
            errors[part] = error
          }
        }
        if middle == positions.count {
          readPart(0, 0..<middle)
        } else {
          inParallel({ readPart(0, 0..<middle) }, { readPart(1, middle..<positions.count) })
        }
      }
    }
    if let error = errors.compactMap({ $0 }).first { throw error }
    return rows
  }
}
