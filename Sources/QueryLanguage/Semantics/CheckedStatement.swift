import PlanModel

/// A statement whose names and types have been checked against a plan and its parameters, ready to run.
/// Its condition's values are read as their fields' types; the evaluator compiles it to a test.
public struct CheckedStatement {
  var condition: CheckedCondition?
  public var order: [(field: Field, descending: Bool)]
  /// The columns to show: the `select` list, or the default columns.
  public var columns: [Field]
  /// Whether `select` named the columns; JSON shows whole activities otherwise.
  public var selected: Bool
  public var group: Field?
  public var count: Count?
  public var limit: Int?
  /// The `timeline` clause: draw the result against the months of the plan year.
  public var timeline = false
  /// What a change statement does, its values checked as the plan loader checks them; nil for a query.
  public var change: CheckedChange?
  /// What looks like a mistake but is not one, shown before the statement runs: a value no activity of
  /// the plan has, with the nearest one it does.
  public var warnings: [QueryError] = []
  /// The plan columns the statement reads, for a plan read in part.
  public var columnsRead = ColumnsRead.all
  /// The regular expressions of `matches` conditions, with their values' places.
  var patterns: [(pattern: TextPattern, range: SourceRange)] = []

  /// The error of a statement whose regular expression passed its bound on work while it ran (its
  /// answers from then on are not to be trusted); nil when none did.
  public var patternLimitError: QueryError? {
    patterns.first { $0.pattern.exhausted }.map {
      QueryError(.limit, TextPattern.exhaustedMessage, at: $0.range)
    }
  }

  public enum Count {
    case total
    case by(Field)

    /// The field counted by; nil for a total.
    public var field: Field? {
      switch self {
      case .total: nil
      case .by(let field): field
      }
    }
  }
}
