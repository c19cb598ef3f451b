import PlanModel

/// The regular expression of a `matches` condition.
///
/// It is matched by running its automaton over the text with every live state at once (Thompson's
/// simulation, as RE2 and Go's regexp do), so the work is at most the text's length times the program's,
/// whatever the pattern. The sets of live states are kept as the states of a deterministic automaton
/// (`LazyAutomaton`), so most texts cost one lookup per scalar; a pattern whose states cost more than
/// its `budget` is `exhausted`, and its statement refused. A backtracking engine, Swift's `Regex` among
/// them, takes exponential time on patterns such as `(a|a)*Q` or `(.*)*Q`, which a query could hold by
/// mistake.
///
/// Matching ignores case and folds the texts as `=` and `contains` do (`SwedishCollation.fold`); the
/// pattern matches anywhere in the text unless anchored with `^` and `$`.
final class TextPattern {
  private let program: PatternProgram
  /// For the simulation, the steps that can read a match's first scalar, when they are few and pick:
  /// positions where none of them reads the scalar are skipped while no attempt is alive. Nil when a match may start with
  /// almost any scalar, or be empty.
  private let starters: [PatternInstruction]?
  /// The state sets and stack of a run, kept to save allocating them for every text.
  private var scratch: Scratch
  /// The deterministic automaton built so far, kept between texts.
  private var automaton: LazyAutomaton

  init(_ pattern: String, budget: PatternBudget = PatternBudget()) throws(PatternError) {
    self.budget = budget
    let node = try PatternParser.parse(pattern)
    guard let program = PatternProgram(node) else {
      throw PatternError(
        message: "the pattern is too large (over 5,000 steps once its repetitions are counted out)",
        offset: 0, length: pattern.utf8.count)
    }
    self.program = program
    starters = TextPattern.starters(of: program)
    scratch = Scratch(capacity: program.instructions.count)
    automaton = LazyAutomaton(program)
  }

  /// Whether the pattern matches somewhere in the text, folded first.
  func matches(_ text: String) -> Bool {
    matchesFolded(SwedishCollation.fold(text))
  }

  /// Whether the pattern matches somewhere in a text that is already folded. False for every text once
  /// the budget is exhausted.
  func matchesFolded(_ text: String) -> Bool {
    if budget.exhausted { return false }
    let before = automaton.work
    let found = automaton.matches(text, workLimit: before + budget.remaining(afterScanning: text.utf8.count))
    budget.work += automaton.work - before
    guard let found else {
      budget.exhausted = true
      exhausted = true
      return false
    }
    return found
  }

  /// The work this pattern and the others of its statement may spend.
  let budget: PatternBudget
  /// Set when this pattern used up the budget: its statement is refused, with its place.
  private(set) var exhausted = false

  /// The message of a statement stopped because its pattern is `exhausted`.
  static let exhaustedMessage =
    "the pattern costs too much on these texts (over 20,000,000 steps of its automaton, "
    + "the limit of 'matches'); make it simpler or anchor it"

  /// The program steps followed so far to build the automaton's states, and how many times they were
  /// all dropped.
  var automatonWork: (steps: Int, resets: Int) { (automaton.work, automaton.resets) }

  /// As `matchesFolded`, by Thompson's simulation alone: the plain engine the automaton is checked
  /// against.
  func matchesFoldedBySimulation(_ text: String) -> Bool {
    // Taken out of the object for the run, so that the loop works on values of its own.
    var work = Scratch(capacity: 0)
    swap(&work, &scratch)
    defer { swap(&work, &scratch) }
    return TextPattern.run(program, starters: starters, on: text, &work)
  }

  private struct Scratch {
    var current: StateSet
    var next: StateSet
    var stack: [Int] = []

    init(capacity: Int) {
      current = StateSet(capacity: capacity)
      next = StateSet(capacity: capacity)
    }
  }

  private static func run(
    _ program: PatternProgram, starters: [PatternInstruction]?, on text: String, _ work: inout Scratch
  ) -> Bool {
    work.current.removeAll()
    // The simulation is the tests' reference and has no budget: its steps are not counted anywhere.
    var steps = 0
    var previous: Unicode.Scalar? = nil
    var scalars = text.unicodeScalars.makeIterator()
    var scalar = scalars.next()
    var atStart = true
    while true {
      if let starters, work.current.isEmpty, !program.anchored {
        // No attempt is alive: move on to a scalar a match can start with.
        while let candidate = scalar, !starters.contains(where: { reads($0, candidate, program) }) {
          previous = candidate
          scalar = scalars.next()
        }
      }
      // A new attempt starts at every position, unless the pattern is anchored at the start.
      if atStart || !program.anchored {
        if follow(
          0, program, into: &work.current, &work.stack, work: &steps, previous: previous, next: scalar)
        {
          return true
        }
      }
      guard let consumed = scalar, !work.current.isEmpty || !program.anchored else { return false }
      atStart = false
      work.next.removeAll()
      let following = scalars.next()
      for state in work.current.states where reads(program.instructions[state], consumed, program) {
        if follow(
          state + 1, program, into: &work.next, &work.stack, work: &steps, previous: consumed, next: following
        ) {
          return true
        }
      }
      swap(&work.current, &work.next)
      previous = consumed
      scalar = following
    }
  }

  /// Whether a step reads the scalar; steps that read nothing do not.
  @inline(__always)
  static func reads(
    _ instruction: PatternInstruction, _ scalar: Unicode.Scalar, _ program: PatternProgram
  )
    -> Bool
  {
    switch instruction {
    case .scalar(let expected): scalar == expected
    case .set(let index): program.sets[index].contains(scalar)
    case .anyButLineFeed: scalar != "\n"
    default: false
    }
  }

  /// Adds a state and every state reached from it without reading a scalar: through jumps, splits and the
  /// assertions that hold between `previous` and `next`, counting each state added in `work`. True when
  /// the match state is reached. The simulation and the lazy automaton both follow states this way.
  static func follow(
    _ start: Int, _ program: PatternProgram, into set: inout StateSet, _ stack: inout [Int],
    work: inout Int, previous: Unicode.Scalar?, next: Unicode.Scalar?
  ) -> Bool {
    stack.removeAll(keepingCapacity: true)
    stack.append(start)
    while let state = stack.popLast() {
      guard set.insert(state) else { continue }
      work += 1
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

  static func holds(_ assertion: PatternAssertion, previous: Unicode.Scalar?, next: Unicode.Scalar?)
    -> Bool
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

  /// The reading steps reachable from the start without reading, assertions taken as holding; nil when
  /// the match state is reachable so (a match may be empty), or a step reads any scalar, or there are
  /// many.
  private static func starters(of program: PatternProgram) -> [PatternInstruction]? {
    var seen = Set<Int>()
    var stack = [0]
    var found: [PatternInstruction] = []
    while let state = stack.popLast() {
      guard seen.insert(state).inserted else { continue }
      let instruction = program.instructions[state]
      switch instruction {
      case .match, .anyButLineFeed: return nil
      case .jump(let target): stack.append(target)
      case .split(let first, let second): stack += [first, second]
      case .assertion: stack.append(state + 1)
      case .scalar, .set: found.append(instruction)
      }
    }
    return found.count <= 8 ? found : nil
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
