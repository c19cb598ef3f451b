/// One step of a compiled pattern: Thompson's construction, an automaton of scalar tests joined by
/// jumps and two-way splits.
enum PatternInstruction {
  case scalar(Unicode.Scalar)
  /// An index into the program's sets.
  case set(Int)
  case anyButLineFeed
  case assertion(PatternAssertion)
  case split(Int, Int)
  case jump(Int)
  case match
}

/// A pattern compiled into instructions, at most `maximumSize` of them.
struct PatternProgram {
  /// A program this size, matched against a 64 KiB field, takes some hundred million steps at worst: long,
  /// but it ends. `(a{1000}){1000}` would be a million. TextPattern's message says 5,000.
  static let maximumSize = 5_000

  private(set) var instructions: [PatternInstruction] = []
  private(set) var sets: [CompiledScalarSet] = []
  /// The pattern can only match at the start of the text (it begins with `^`), so matching stops once
  /// no thread is alive.
  let anchored: Bool

  /// Nil when the program would be longer than `maximumSize`.
  init?(_ node: PatternNode) {
    guard PatternProgram.size(of: node) <= PatternProgram.maximumSize else { return nil }
    anchored = PatternProgram.startsAnchored(node)
    emit(node)
    instructions.append(.match)
  }

  /// How many instructions a node compiles to, counting no further than past the maximum.
  static func size(of node: PatternNode) -> Int {
    let cap = maximumSize + 1
    switch node {
    case .empty: return 0
    case .scalar, .set, .anyButLineFeed, .assertion: return 1
    case .sequence(let items): return min(cap, items.reduce(0) { min(cap, $0 + size(of: $1)) })
    case .choice(let options):
      return min(cap, options.reduce(2 * (options.count - 1)) { min(cap, $0 + size(of: $1)) })
    case .repetition(let inner, let low, let high):
      let one = size(of: inner)
      let required = low.multipliedReportingOverflow(by: one)
      let optional: (partialValue: Int, overflow: Bool) =
        high.map { ($0 - low).multipliedReportingOverflow(by: one + 1) } ?? (one + 2, false)
      guard !required.overflow, !optional.overflow else { return cap }
      return min(cap, required.partialValue + optional.partialValue)
    }
  }

  private static func startsAnchored(_ node: PatternNode) -> Bool {
    switch node {
    case .assertion(.textStart): true
    case .sequence(let items): items.first.map(startsAnchored) ?? false
    case .choice(let options): options.allSatisfy(startsAnchored)
    default: false
    }
  }

  private mutating func emit(_ node: PatternNode) {
    switch node {
    case .empty: break
    case .scalar(let scalar): instructions.append(.scalar(scalar))
    case .set(let set):
      sets.append(CompiledScalarSet(set))
      instructions.append(.set(sets.count - 1))
    case .anyButLineFeed: instructions.append(.anyButLineFeed)
    case .assertion(let assertion): instructions.append(.assertion(assertion))
    case .sequence(let items): for item in items { emit(item) }
    case .choice(let options): emitChoice(options)
    case .repetition(let inner, let low, let high):
      for _ in 0..<low { emit(inner) }
      if let high {
        // Each optional copy may be skipped to the end of them all.
        var skips: [Int] = []
        for _ in low..<high {
          skips.append(instructions.count)
          instructions.append(.split(instructions.count + 1, 0))
          emit(inner)
        }
        for skip in skips { patch(skip, second: instructions.count) }
      } else {
        // loop: split body, end; body; jump loop
        let loop = instructions.count
        instructions.append(.split(loop + 1, 0))
        emit(inner)
        instructions.append(.jump(loop))
        patch(loop, second: instructions.count)
      }
    }
  }

  /// For each option but the last: split option, next; option; jump end. Then the last option.
  private mutating func emitChoice(_ options: [PatternNode]) {
    var jumps: [Int] = []
    for option in options.dropLast() {
      let split = instructions.count
      instructions.append(.split(split + 1, 0))
      emit(option)
      jumps.append(instructions.count)
      instructions.append(.jump(0))
      patch(split, second: instructions.count)
    }
    emit(options.last!)
    for jump in jumps { instructions[jump] = .jump(instructions.count) }
  }

  private mutating func patch(_ at: Int, second: Int) {
    guard case .split(let first, _) = instructions[at] else { return }
    instructions[at] = .split(first, second)
  }
}
