/// The activities of a large CSV plan read in part, held as columns rather than as `Activity` values: a
/// statement on a million rows tests two or three fields of each, and makes whole activities only of the
/// rows it found. Texts that repeat are held once, each row keeping its text's number.
///
/// A column not read (`Plan.unreadColumns`) is nil here; its fields are empty in the activities made.
struct ActivityColumns: Sendable {
  var ids: [Int] = []
  var priorities: [Int?] = []
  var whenIndices: [Int32] = []
  /// Each distinct `när` text with its interval, by its number in `whenIndices`.
  var whens: [WhenText] = []
  var directionIndices: [Int32]?
  var directions: [String] = []
  var whats: [String]?
  var hows: [String]?
  var whoIndices: [Int32]?
  var whoLists: [[String]] = []
  var statusIndices: [Int32]?
  var statuses: [StatusText] = []

  var count: Int { ids.count }

  /// Which read columns a filled activity gets: those a statement tests, not every one read.
  struct Selection {
    var when = false
    var direction = false
    var what = false
    var how = false
    var who = false
    var status = false

    /// `columns`, of those `held` has read.
    init(_ columns: Set<PlanColumn>, of held: ActivityColumns) {
      self.init(columns)
      direction = direction && held.directionIndices != nil
      what = what && held.whats != nil
      how = how && held.hows != nil
      who = who && held.whoIndices != nil
      status = status && held.statusIndices != nil
    }

    init(_ columns: Set<PlanColumn>) {
      when = columns.contains(.when)
      direction = columns.contains(.direction)
      what = columns.contains(.what)
      how = columns.contains(.how)
      who = columns.contains(.who)
      status = columns.contains(.status)
    }
  }

  /// An activity with no text, to be filled row by row.
  static let blank = Activity(
    id: 0, direction: "", what: "", how: "", who: [], when: WhenText(text: "", interval: nil),
    status: StatusText(text: ""), priority: nil)

  /// Puts the values of row `row` into `activity`: id and prio always, the others `selection` names.
  @inline(__always)
  func fill(_ activity: inout Activity, at row: Int, _ selection: Selection) {
    activity.id = ids[row]
    activity.priority = priorities[row]
    if selection.when { activity.when = whens[Int(whenIndices[row])] }
    if selection.direction { activity.direction = directions[Int(directionIndices![row])] }
    if selection.what { activity.what = whats![row] }
    if selection.how { activity.how = hows![row] }
    if selection.who { activity.who = whoLists[Int(whoIndices![row])] }
    if selection.status { activity.status = statuses[Int(statusIndices![row])] }
  }

  /// Every activity, with the columns read.
  func activities() -> [Activity] {
    let selection = Selection(Set(PlanColumn.allCases), of: self)
    var all = [Activity](repeating: ActivityColumns.blank, count: count)
    all.withUnsafeMutableBufferPointer { all in
      for row in all.indices { fill(&all[row], at: row, selection) }
    }
    return all
  }
}
