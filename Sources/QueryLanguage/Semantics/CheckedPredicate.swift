import PlanModel

/// One condition on a field, checked: its operator applies to the field and its values have been read as
/// the field's type, so compiling it cannot fail.
struct CheckedPredicate {
  var field: Field
  var op: Operator
  var negated: Bool
  var operand: Operand

  /// The values, read as what the operator compares them with.
  enum Operand {
    /// `is empty` and `is not empty` take no value.
    case none
    /// `id` and `prio`.
    case numbers([Int])
    /// Texts as the values give them (NFC, parameters replaced); each field folds them its own way.
    case texts([String])
    /// A `matches` condition's regular expression.
    case pattern(TextPattern)
    /// `<`, `<=`, `>`, `>=` on `inriktning`: the value's place in the plan's list of inriktningar.
    case directionPlace(Int)
    /// Periods of days, for `när`'s before/after/overlaps and for `start` and `slut`.
    case periods([DayInterval])
    case categories([StatusCategory])
  }
}
