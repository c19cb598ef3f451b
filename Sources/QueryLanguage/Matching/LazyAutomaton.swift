/// A pattern's automaton turned into a deterministic one as the texts need it (as RE2 does): each state
/// is a set of the program's reading steps, and a step from it on a scalar is worked out once, by
/// Thompson's simulation, then looked up. A text then costs one lookup per scalar once its states are
/// known, however many steps the program has: `(a?){1000}(a?){1000}Q` on 64 KiB of `a` builds one state
/// of 4,000 steps, where the simulation alone follows 4,000 steps at every scalar.
///
/// The states kept are bounded; when they fill up they are all dropped and built again as needed.
struct LazyAutomaton {
  /// The state a step goes to when it reaches the match: the text matches.
  static let matched: Int32 = -2
  private static let unknown: Int32 = -1
  /// Bounds on what is kept between resets: states, and the reading steps they hold in all.
  static let maximumStates = 4_096
  static let maximumStoredSteps = 1 << 21

  private let program: PatternProgram
  /// Whether a step depends on what comes after the scalar read (`$`, `\b`, `\B`): then the step's
  /// key holds the kind of the next scalar too, one of `kinds`.
  private let kinds: Int

  private var states: [[Int32]] = []
  private var known: [[Int32]: Int32] = [:]
  /// The next state for each state, kind of next scalar and ASCII scalar; `unknown` until worked out.
  private var ascii: [Int32] = []
  /// The same for the other scalars, keyed by `key(state, kind, scalar)`.
  private var other: [UInt64: Int32] = [:]
  private var initial: [Int32]
  private var stored = 0

  private var closure: StateSet
  private var stack: [Int] = []

  /// The program steps followed to build states since the automaton was made: the work the cache saves
  /// when it works, and what a text costs when it does not.
  private(set) var work = 0
  /// How many times every state was dropped for the bounds.
  private(set) var resets = 0

  init(_ program: PatternProgram) {
    self.program = program
    let contextual = program.instructions.contains { instruction in
      guard case .assertion(let assertion) = instruction else { return false }
      switch assertion {
      case .textStart: return false
      case .textEnd, .wordBoundary, .notWordBoundary: return true
      }
    }
    kinds = contextual ? 3 : 1
    initial = Array(repeating: LazyAutomaton.unknown, count: kinds)
    closure = StateSet(capacity: program.instructions.count)
  }

  /// Whether the program matches somewhere in the text (at its start only, when anchored); nil when
  /// `work` passes `workLimit` first.
  mutating func matches(_ text: String, workLimit: Int = .max) -> Bool? {
    var scalars = text.unicodeScalars.makeIterator()
    var scalar = scalars.next()
    var kind = self.kind(of: scalar)
    var state = initial[kind]
    if state == LazyAutomaton.unknown {
      state = start(kind: kind, next: scalar)
      initial[kind] = state
    }
    while state != LazyAutomaton.matched {
      guard let read = scalar else { return false }
      if program.anchored && states[Int(state)].isEmpty { return false }
      let following = scalars.next()
      kind = self.kind(of: following)
      let value = read.value
      if value < 128 {
        let slot = (Int(state) * kinds + kind) << 7 | Int(value)
        let next = ascii[slot]
        if next != LazyAutomaton.unknown {
          state = next
        } else {
          if work > workLimit { return nil }
          let target = step(from: state, reading: read, kind: kind)
          // A reset while building the target drops the state it came from: nothing to record then.
          if !target.reset { ascii[slot] = target.state }
          state = target.state
        }
      } else {
        let key = LazyAutomaton.key(state, kind, value)
        if let next = other[key] {
          state = next
        } else {
          if work > workLimit { return nil }
          let target = step(from: state, reading: read, kind: kind)
          // Texts of many different scalars fill this table without making states: it is bounded too.
          if other.count >= LazyAutomaton.maximumStates << 6 { other.removeAll(keepingCapacity: true) }
          if !target.reset { other[key] = target.state }
          state = target.state
        }
      }
      scalar = following
    }
    return true
  }

  // MARK: Building states

  private func kind(of next: Unicode.Scalar?) -> Int {
    guard kinds > 1, let next else { return 0 }
    return ScalarClass.isWord(next) ? 1 : 2
  }

  private static func key(_ state: Int32, _ kind: Int, _ value: UInt32) -> UInt64 {
    UInt64(UInt32(bitPattern: state)) << 24 | UInt64(kind) << 22 | UInt64(value)
  }

  /// The state of the text's start, where the next scalar is of `kind`.
  private mutating func start(kind: Int, next: Unicode.Scalar?) -> Int32 {
    closure.removeAll()
    if follow(0, previous: nil, next: next) { return LazyAutomaton.matched }
    return add().state
  }

  /// The state after `state` reads `scalar`, with a scalar of `kind` next; a new attempt starts after
  /// the scalar unless the pattern is anchored.
  private mutating func step(from state: Int32, reading scalar: Unicode.Scalar, kind: Int)
    -> (state: Int32, reset: Bool)
  {
    // Only the kind of the next scalar matters to the assertions: a stand-in of that kind will do.
    let next: Unicode.Scalar? = kind == 0 && kinds > 1 ? nil : (kind == 1 ? "a" : " ")
    closure.removeAll()
    work += 1
    for reading in states[Int(state)]
    where TextPattern.reads(program.instructions[Int(reading)], scalar, program) {
      if follow(Int(reading) + 1, previous: scalar, next: next) { return (LazyAutomaton.matched, false) }
    }
    if !program.anchored, follow(0, previous: scalar, next: next) { return (LazyAutomaton.matched, false) }
    return add()
  }

  /// The state of the reading steps in `closure`, found or made; made after dropping every state when
  /// the bounds are reached (`reset`).
  private mutating func add() -> (state: Int32, reset: Bool) {
    var set: [Int32] = []
    set.reserveCapacity(closure.count)
    for state in closure.states {
      switch program.instructions[state] {
      case .scalar, .set, .anyButLineFeed: set.append(Int32(state))
      case .assertion, .split, .jump, .match: break
      }
    }
    set.sort()
    work += set.count
    if let found = known[set] { return (found, false) }
    var reset = false
    if states.count >= LazyAutomaton.maximumStates || stored + set.count > LazyAutomaton.maximumStoredSteps {
      states.removeAll(keepingCapacity: true)
      known.removeAll(keepingCapacity: true)
      ascii.removeAll(keepingCapacity: true)
      other.removeAll(keepingCapacity: true)
      initial = Array(repeating: LazyAutomaton.unknown, count: kinds)
      stored = 0
      resets += 1
      reset = true
    }
    // Making a state costs its row of the table too, whatever its size.
    work += kinds << 4
    let id = Int32(states.count)
    states.append(set)
    known[set] = id
    stored += set.count
    ascii.append(contentsOf: repeatElement(LazyAutomaton.unknown, count: kinds << 7))
    return (id, reset)
  }

  /// Adds a step and every step reached from it without reading; true when the match is reached.
  private mutating func follow(_ start: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Bool {
    TextPattern.follow(
      start, program, into: &closure, &stack, work: &work, previous: previous, next: next)
  }
}
