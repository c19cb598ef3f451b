/// A `where` condition whose names, operators and values have been checked: what the evaluator compiles
/// into a test. The tree keeps the source's shape; the evaluator picks which side of `and`/`or` runs first.
indirect enum CheckedCondition {
  case and(CheckedCondition, CheckedCondition)
  case or(CheckedCondition, CheckedCondition)
  case not(CheckedCondition)
  case predicate(CheckedPredicate)
}
