import PlanModel

/// The regular expression of a `matches` condition.
///
/// It is matched by running its automaton over the text with every live state at once (Thompson's
/// simulation, as RE2 and Go's regexp do), so the work is at most the text's length times the program's,
/// whatever the pattern. A backtracking engine, Swift's `Regex` among them, takes exponential time on
/// patterns such as `(a|a)*Q` or `(.*)*Q`, which a query could hold by mistake.
///
/// Matching ignores case and folds the texts as `=` and `contains` do (`SwedishCollation.fold`); the
/// pattern matches anywhere in the text unless anchored with `^` and `$`.
final class TextPattern {
  private let program: PatternProgram
  private var current: StateSet
  private var next: StateSet
  /// States to follow through jumps and splits; kept to save allocating it for every text.
  private var stack: [Int] = []

  init(_ pattern: String) throws(PatternError) {
    let node = try PatternParser.parse(pattern)
    guard let program = PatternProgram(node) else {
      throw PatternError(
        message: "the pattern is too large (over 5,000 steps once its repetitions are counted out)",
        offset: 0, length: pattern.utf8.count)
    }
    self.program = program
    current = StateSet(capacity: program.instructions.count)
    next = StateSet(capacity: program.instructions.count)
  }

  /// Whether the pattern matches somewhere in the text, folded first.
  func matches(_ text: String) -> Bool {
    matchesFolded(SwedishCollation.fold(text))
  }

  /// Whether the pattern matches somewhere in a text that is already folded.
  func matchesFolded(_ text: String) -> Bool {
    current.removeAll()
    var previous: Unicode.Scalar? = nil
    var scalars = text.unicodeScalars.makeIterator()
    var scalar = scalars.next()
    var atStart = true
    while true {
      // A new attempt starts at every position, unless the pattern is anchored at the start.
      if atStart || !program.anchored {
        if follow(0, into: &current, previous: previous, next: scalar) { return true }
      }
      guard let consumed = scalar, !current.isEmpty || !program.anchored else { return false }
      atStart = false
      next.removeAll()
      let following = scalars.next()
      for state in current.states {
        let advances: Bool
        switch program.instructions[state] {
        case .scalar(let expected): advances = consumed == expected
        case .set(let index): advances = program.sets[index].contains(consumed)
        case .anyButLineFeed: advances = consumed != "\n"
        default: advances = false
        }
        if advances, follow(state + 1, into: &next, previous: consumed, next: following) { return true }
      }
      swap(&current, &next)
      previous = consumed
      scalar = following
    }
  }

  /// Adds a state and every state reached from it without reading a scalar: through jumps, splits and the
  /// assertions that hold between `previous` and `next`. True when the match state is reached.
  private func follow(
    _ start: Int, into set: inout StateSet, previous: Unicode.Scalar?, next: Unicode.Scalar?
  ) -> Bool {
    stack.removeAll(keepingCapacity: true)
    stack.append(start)
    while let state = stack.popLast() {
      guard set.insert(state) else { continue }
      switch program.instructions[state] {
      case .match: return true
      case .jump(let target): stack.append(target)
      case .split(let first, let second):
        stack.append(second)
        stack.append(first)
      case .assertion(let assertion):
        if holds(assertion, previous: previous, next: next) { stack.append(state + 1) }
      case .scalar, .set, .anyButLineFeed: break
      }
    }
    return false
  }

  private func holds(_ assertion: PatternAssertion, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool
  {
    switch assertion {
    case .textStart: return previous == nil
    case .textEnd: return next == nil
    case .wordBoundary, .notWordBoundary:
      let before = previous.map(ScalarClass.isWord) ?? false
      let after = next.map(ScalarClass.isWord) ?? false
      return (before != after) == (assertion == .wordBoundary)
    }
  }
}

/// A set of automaton states with constant-time insertion, membership and clearing (Briggs and Torczon's
/// sparse set), listed in the order they were inserted.
struct StateSet {
  private var dense: [Int]
  private var sparse: [Int]
  private(set) var count = 0

  init(capacity: Int) {
    dense = Array(repeating: 0, count: capacity)
    sparse = Array(repeating: 0, count: capacity)
  }

  var isEmpty: Bool { count == 0 }
  var states: ArraySlice<Int> { dense[0..<count] }

  /// False when the state was there already.
  mutating func insert(_ state: Int) -> Bool {
    let slot = sparse[state]
    if slot < count && dense[slot] == state { return false }
    sparse[state] = count
    dense[count] = state
    count += 1
    return true
  }

  mutating func removeAll() { count = 0 }
}
