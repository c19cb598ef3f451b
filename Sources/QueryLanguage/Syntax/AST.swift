import PlanModel

/// The syntax tree of the language. Every node keeps its source range; `ASTPrinter` prints a tree back as
/// canonical source text.

/// One item of a script: a statement or a dot-command line.
public enum ScriptItem: Sendable, Equatable {
  case statement(Statement)
  case dotCommand(DotCommandLine)
}

/// `activities` followed by its clauses, each at most once, in any order.
public struct Statement: Sendable, Equatable {
  public var source: Name
  public var filter: Expression?
  public var order: [OrderKey]?
  public var select: [Name]?
  public var group: Name?
  public var count: CountClause?
  public var limit: Limit?
  /// Where `timeline` was written, if it was.
  public var timeline: SourceRange?
  /// `as of DAY` (`per DAY`): the plan as it stood at the end of that day.
  public var asOf: Literal?
  /// What a change statement does to the plan file; nil for a query.
  public var change: Change?
  public var range: SourceRange

  public init(source: Name, range: SourceRange) {
    self.source = source
    self.range = range
  }
}

/// A name as written: a field, a source, a parameter.
public struct Name: Sendable, Equatable {
  public var text: String
  public var range: SourceRange

  public init(_ text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}

public struct OrderKey: Sendable, Equatable {
  public var field: Name
  public var descending: Bool
  public var range: SourceRange
}

/// `count`, or `count by FIELD`.
public struct CountClause: Sendable, Equatable {
  public var by: Name?
  public var range: SourceRange
}

public struct Limit: Sendable, Equatable {
  public var value: Int
  public var range: SourceRange
}

/// What a change statement does: `set`, `comment`, `remove` on the activities its `where` finds, or `add
/// activity`.
public enum Change: Sendable, Equatable {
  case set([Assignment], range: SourceRange)
  case comment(Literal, range: SourceRange)
  case remove(range: SourceRange)
  case add([Assignment], range: SourceRange)

  public var range: SourceRange {
    switch self {
    case .set(_, let range), .comment(_, let range), .remove(let range), .add(_, let range): range
    }
  }
}

/// `FIELD = VALUE`, or `vem = ('Kansli', 'Styrelse')`.
public struct Assignment: Sendable, Equatable {
  public var field: Name
  public var values: [Literal]
  /// Written as a list in parentheses.
  public var isList: Bool
  public var range: SourceRange
}

public indirect enum Expression: Sendable, Equatable {
  case and(Expression, Expression)
  case or(Expression, Expression)
  case not(Expression, range: SourceRange)
  case predicate(Predicate)
  case changed(ChangedCondition)

  public var range: SourceRange {
    switch self {
    case .and(let a, let b), .or(let a, let b): a.range.through(b.range)
    case .not(_, let range): range
    case .predicate(let p): p.range
    case .changed(let c): c.range
    }
  }
}

/// `[FIELD] changed [before|after|overlaps TIME]`: the log has a change of the field (of any field or a
/// note, without one) of the activity, in the time when one is given.
public struct ChangedCondition: Sendable, Equatable {
  public var field: Name?
  public var op: Operator?
  public var value: Literal?
  public var range: SourceRange
}

/// `FIELD OPERATOR OPERAND`: `prio = 1`, `vem contains Kansli`, `när is empty`, `status in (a, b)`.
public struct Predicate: Sendable, Equatable {
  public var field: Name
  public var op: Operator
  /// Written with `not` after the field: `status not in (…)`, `vad not contains x`.
  public var negated: Bool
  public var operands: [Literal]
  public var opRange: SourceRange
  public var range: SourceRange
}

public enum Operator: String, Sendable, CaseIterable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case contains
  case startsWith = "starts with"
  case matches
  case `in`
  case isEmpty = "is empty"
  case isNotEmpty = "is not empty"
  case before
  case after
  case overlaps

  var isOrdering: Bool { [.less, .lessEqual, .greater, .greaterEqual].contains(self) }
  var isTime: Bool { [.before, .after, .overlaps].contains(self) }
}

/// A value written in a query.
public struct Literal: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case date(Day)
    /// An ISO month: 2021-05.
    case month(year: Int, month: Int)
    /// A bare word, Kansli.
    case word(String)
    /// `$name`, without the dollar.
    case parameter(String)
  }

  public var kind: Kind
  /// The value as text: a string's contents, a word, a number or date as written, a parameter's name.
  public var text: String
  public var range: SourceRange
  /// Where `text` is written out: inside a string's quotes, else the same as `range`.
  public var content: SourceRange
}

/// A line such as `.format csv`: the command's name and its arguments, split as a shell would split them
/// (quotes group words).
public struct DotCommandLine: Sendable, Equatable {
  public var name: Name
  public var arguments: [Name]
  public var range: SourceRange
}
