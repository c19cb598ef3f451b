import PlanModel

/// A `where` condition whose names, operators and values have been checked: what the evaluator compiles
/// into a test. The tree keeps the source's shape; the evaluator picks which side of `and`/`or` runs first.
indirect enum CheckedCondition {
  case and(CheckedCondition, CheckedCondition)
  case or(CheckedCondition, CheckedCondition)
  case not(CheckedCondition)
  case predicate(CheckedPredicate)
  case changed(CheckedChangeTest)
}

/// `[FIELD] changed [before|after|overlaps TIME]`, checked: the field the log must have changed (nil for
/// any, a note included), and the days its change must fall in.
struct CheckedChangeTest {
  var field: ActivityField?
  var op: Operator?
  var period: DayInterval?

  /// Whether a log entry is such a change.
  func matches(_ entry: LogEntry) -> Bool {
    if let field {
      guard case .field(let changed, _, _) = entry.change, changed == field else { return false }
    }
    guard let op, let period else { return true }
    let day = entry.time.day
    switch op {
    case .before: return day < period.start
    case .after: return day > period.end
    case .overlaps: return period.start <= day && day <= period.end
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains, .startsWith, .matches,
      .in, .isEmpty, .isNotEmpty:
      return false
    }
  }
}
