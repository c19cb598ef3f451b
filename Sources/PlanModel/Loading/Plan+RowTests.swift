/// Tests of activities by their position, for a statement's condition on a plan of any size.
extension Plan {
  /// A test of the activity at a position, from `test`, a test of activities that reads `column` and no
  /// other field but id and prio (nil: only those two).
  ///
  /// A plan held as columns makes no activity per row: a column whose texts repeat (`inriktning`, `vem`,
  /// `när`, `status`) is tested once per distinct text, the first time a row holds it, and each row
  /// after that is a lookup by its text's number.
  public func rowTest(reading column: PlanColumn?, _ test: @escaping (Activity) -> Bool) -> (Int) -> Bool {
    guard let held = columns else {
      let activities = self.activities
      return { test(activities[$0]) }
    }
    return held.rowTest(reading: column, test)
  }
}

extension Plan {
  /// A test of the activity at a position by its prio alone.
  public func rowTest(priority test: @escaping (Int?) -> Bool) -> (Int) -> Bool {
    rowTest(test, column: \.priorities) { $0.priority }
  }

  /// A test of the activity at a position by its id alone.
  public func rowTest(id test: @escaping (Int) -> Bool) -> (Int) -> Bool {
    rowTest(test, column: \.ids) { $0.id }
  }

  /// A test of one number of the activity at a position: from its own column on a plan held as columns,
  /// else from the activity.
  private func rowTest<Number>(
    _ test: @escaping (Number) -> Bool, column: KeyPath<ActivityColumns, [Number]>,
    of activity: @escaping (Activity) -> Number
  ) -> (Int) -> Bool {
    guard let held = columns else {
      let activities = self.activities
      return { test(activity(activities[$0])) }
    }
    let numbers = held[keyPath: column]
    return { test(numbers[$0]) }
  }
}

extension Plan {
  /// For a plan held as columns and a column whose texts repeat (`inriktning`, `vem`, `när`, `status`),
  /// the number of each row's text among the column's distinct texts, and for each of those an activity
  /// holding it (its other fields empty): what a field of that column gives can be worked out once per
  /// distinct text. Nil for any other column or plan.
  public func distinctTexts(of column: PlanColumn) -> (numbers: [Int32], activities: [Activity])? {
    guard let distinct = columns?.distinctTexts(of: column) else { return nil }
    let activities = (0..<distinct.count).map { text in
      var activity = ActivityColumns.blank
      distinct.fill(&activity, text)
      return activity
    }
    return (distinct.numbers, activities)
  }
}

extension ActivityColumns {
  /// A column whose texts repeat, as read: each row's text number, how many distinct texts there are, and
  /// how text number `d` is put into an activity. Nil for a column whose texts do not repeat, or not read.
  func distinctTexts(of column: PlanColumn)
    -> (numbers: [Int32], count: Int, fill: (inout Activity, Int) -> Void)?
  {
    switch column {
    case .when:
      let whens = self.whens
      return (whenIndices, whens.count, { $0.when = whens[$1] })
    case .direction:
      let directions = self.directions
      return directionIndices.map { ($0, directions.count, { $0.direction = directions[$1] }) }
    case .who:
      let lists = whoLists
      return whoIndices.map { ($0, lists.count, { $0.who = lists[$1] }) }
    case .status:
      let statuses = self.statuses
      return statusIndices.map { ($0, statuses.count, { $0.status = statuses[$1] }) }
    case .id, .what, .how, .priority:
      return nil
    }
  }

  func rowTest(reading column: PlanColumn?, _ test: @escaping (Activity) -> Bool) -> (Int) -> Bool {
    if let column, let distinct = distinctTexts(of: column) {
      return Self.answeredOnce(distinct.numbers, distinct: distinct.count, test, fill: distinct.fill)
    }
    switch column {
    case .what:
      if let whats { return Self.eachRow(test) { $0.what = whats[$1] } }
    case .how:
      if let hows { return Self.eachRow(test) { $0.how = hows[$1] } }
    case .id, .priority, .when, .direction, .who, .status, nil:
      break
    }
    // Only id and prio, or a column not read, whose fields are empty in every activity made.
    let ids = self.ids
    let priorities = self.priorities
    return Self.eachRow(test) { activity, row in
      activity.id = ids[row]
      activity.priority = priorities[row]
    }
  }

  /// A test run on one activity, filled anew for each row by `fill`.
  private static func eachRow(
    _ test: @escaping (Activity) -> Bool, fill: @escaping (inout Activity, Int) -> Void
  )
    -> (Int) -> Bool
  {
    let activity = Lent(ActivityColumns.blank)
    return { row in
      fill(&activity.value, row)
      return test(activity.value)
    }
  }

  /// A test answered once per distinct text, the first time a row holds it: `fill` puts text number `d`
  /// into an activity.
  private static func answeredOnce(
    _ indices: [Int32], distinct: Int, _ test: @escaping (Activity) -> Bool,
    fill: @escaping (inout Activity, Int) -> Void
  ) -> (Int) -> Bool {
    let answers = DistinctAnswers(count: distinct)
    return { row in
      let text = Int(indices[row])
      if let known = answers[text] { return known }
      var activity = ActivityColumns.blank
      fill(&activity, text)
      let answer = test(activity)
      answers[text] = answer
      return answer
    }
  }

  /// The one activity a test of each row is handed, changed in place from row to row.
  private final class Lent {
    var value: Activity
    init(_ value: Activity) { self.value = value }
  }

  /// The answer for each distinct text, unknown until first asked.
  private final class DistinctAnswers {
    private var answers: [UInt8]

    init(count: Int) { answers = [UInt8](repeating: 0, count: count) }

    subscript(text: Int) -> Bool? {
      get {
        let answer = answers[text]
        return answer == 0 ? nil : answer == 2
      }
      set { answers[text] = newValue.map { $0 ? 2 : 1 } ?? 0 }
    }
  }
}
