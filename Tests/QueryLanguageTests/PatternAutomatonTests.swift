import PlanModel
import Testing

@testable import QueryLanguage

/// The automaton `matches` builds as it goes: the same answers as Thompson's simulation, whatever the
/// pattern and text; a bounded cost on counted repetitions; and a statement refused, with the limit named,
/// when a pattern and its texts would cost more.
struct PatternAutomatonTests {
  /// A fixed stream of pseudo-random numbers (a linear congruential generator), so the texts are the
  /// same on every run.
  struct Numbers {
    var state: UInt64
    mutating func next(_ below: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(below))
    }
  }

  static func texts(from alphabet: [String], count: Int, maximumLength: Int, seed: UInt64) -> [String] {
    var numbers = Numbers(state: seed)
    return (0..<count).map { _ in
      let length = numbers.next(maximumLength + 1)
      return (0..<length).map { _ in alphabet[numbers.next(alphabet.count)] }.joined()
    }
  }

  static let patterns = [
    "ab", "^ab", "ab$", "^a*b$", "(a|b)*abb", "a[ab]{3}$", "(a?){5}(a?){5}b", "^(a?){5}a{5}$",
    "\\bab\\b", "\\Bb", "b\\B", "\\ba", "a\\b", "^$", "", "(ab|ba)+", "(a*)*b", "(^a|b$)", "[^ab]",
    "\\w+\\s\\w+", "\\s$", "^\\s", ".b.", "a.*b$", "(a|\\b)+b", "(\\b|a)*$", "å+ä", "[åä]\\b",
    "[[:space:]]+a",
    "a{2,3}b{0,2}$", "(?:a|bb){2,}", "\\Aab", "b\\z", "(a|ab)(c|bcd)?$", "(x?){40}a", "^(a|b){10}$",
  ]

  static let alphabet = ["a", "b", " ", "å", "ä", "\n", "c", "d", "_"]

  /// Every pattern on the same texts, through one pattern object so that its states are reused between
  /// texts, against the simulation.
  @Test(arguments: patterns)
  func agreesWithTheSimulation(_ pattern: String) throws {
    let automaton = try TextPattern(pattern)
    let simulation = try TextPattern(pattern)
    let texts = Self.texts(from: Self.alphabet, count: 300, maximumLength: 24, seed: 2021)
    var differences: [String] = []
    for _ in 0..<2 {
      for text in texts where automaton.matchesFolded(text) != simulation.matchesFoldedBySimulation(text) {
        differences.append(text)
      }
    }
    #expect(differences.isEmpty, "'\(pattern)' differs on \(differences.prefix(5))")
  }

  /// The table of `PatternTests`, whose answers are known, gives the same answers by the simulation.
  @Test(arguments: PatternTests.matching)
  func simulationGivesTheKnownAnswers(_ match: PatternTests.Match) throws {
    let pattern = try TextPattern(match.pattern)
    #expect(pattern.matchesFoldedBySimulation(SwedishCollation.fold(match.text)) == match.matches)
  }

  /// A pattern with more states than are kept: they are dropped and built again, with the same answers.
  @Test func statesDroppedAndBuiltAgainGiveTheSameAnswers() throws {
    let pattern = try TextPattern("a[ab]{13}c")
    let simulation = try TextPattern("a[ab]{13}c")
    var texts = Self.texts(from: ["a", "b"], count: 4, maximumLength: 20_000, seed: 7)
    texts = texts.map { $0 + "c" } + texts
    for text in texts {
      #expect(pattern.matchesFolded(text) == simulation.matchesFoldedBySimulation(text))
    }
    #expect(pattern.automatonWork.resets > 0)
    #expect(!pattern.exhausted)
  }

  /// The example: two thousand optional letters cost the simulation 4,000 steps at every scalar;
  /// the automaton builds a few states once.
  @Test(arguments: [
    ("(a?){1000}(a?){1000}Q", "", false),
    ("(a?){1000}(a?){1000}Q", "Q", true),
    ("^(a?){1000}(a?){1000}Q", "", false),
    ("^(a?){1000}(a?){1000}$", "", false),
    ("(a?){1000}a{1000}$", "", true),
    ("\\b(a?){1000}\\bQ", " Q", true),
  ])
  func countedRepetitionsOnLongTextsCostLittle(_ pattern: String, _ ending: String, _ matches: Bool) throws {
    let compiled = try TextPattern(pattern)
    let long = String(repeating: "a", count: 65_000)
    for _ in 0..<3 {
      #expect(compiled.matches(long + ending) == matches)
    }
    #expect(!compiled.exhausted)
    // The simulation follows about 4,000 steps per scalar here: 780 million for the three texts.
    #expect(compiled.automatonWork.steps < 10_000_000)
  }

  /// The patterns of one statement share one budget: once one has used it up, the others answer at once.
  @Test func patternsShareTheirStatementsBudget() throws {
    let budget = PatternBudget()
    let first = try TextPattern("[ab]*a[ab]{12}(a?){1000}(a?){1000}Q", budget: budget)
    let second = try TextPattern("[ab]*b[ab]{12}(b?){1000}(b?){1000}Q", budget: budget)
    var numbers = Numbers(state: 3)
    let text = String((0..<65_000).map { _ in numbers.next(2) == 0 ? "a" : "b" })
    #expect(!first.matchesFolded(text))
    #expect(first.exhausted && budget.exhausted)
    #expect(budget.work < PatternBudget.maximumWork + 100_000)
    #expect(!second.matchesFolded(text + String(repeating: "b", count: 14) + "q"))
    #expect(!second.exhausted)
    #expect(second.automatonWork.steps == 0)
    // Without the budget spent, the second pattern finds its match.
    #expect(
      try TextPattern("[ab]*b[ab]{12}(b?){1000}(b?){1000}Q").matchesFolded(
        "a" + String(repeating: "b", count: 20) + "q"))
  }

  /// A plan whose `hur` texts are the given ones.
  static func plan(hur texts: [String]) -> Plan {
    let activities = texts.enumerated().map { index, text in
      Activity(
        id: index + 1, direction: "Förebild och föregångare", what: "Vad", how: text, who: ["Kansli"],
        when: WhenText(text: "", interval: nil), status: StatusText(text: "Pågår"), priority: 1)
    }
    return Plan(
      metadata: PlanMetadata(
        title: "Test", year: 2021, directions: ["Förebild och föregångare"], source: "test"),
      activities: activities)
  }

  static func run(_ statement: String, on plan: Plan) -> (
    output: String, errors: String, status: QueryLanguage.ExitStatus
  ) {
    var output = ""
    var errors = ""
    let session = Session(plan: plan, standardOutput: { output += $0 }, standardError: { errors += $0 })
    let status = session.run(SourceText(name: "s.sq", text: statement + "\n"))
    _ = session.finish()
    return (output, errors, status)
  }

  /// Random texts of `a` and `b` make a new state at almost every scalar for this pattern, each of some
  /// 4,000 steps: the statement stops at the bound and says so, where the pattern's value is.
  @Test func aPatternThatCostsTooMuchIsRefusedWithTheLimitNamed() {
    let texts = (0..<3).map { index in
      var numbers = Numbers(state: UInt64(index) + 11)
      return String((0..<65_000).map { _ in numbers.next(2) == 0 ? "a" : "b" })
    }
    let plan = Self.plan(hur: texts)
    let refused = Self.run(
      "activities where hur matches '[ab]*a[ab]{12}(a?){1000}(a?){1000}Q' count", on: plan)
    #expect(refused.status == .queryError)
    #expect(refused.output.isEmpty)
    #expect(refused.errors.contains("s.sq:1:30: error: the pattern costs too much on these texts"))
    #expect(refused.errors.contains("over 20,000,000 steps of its automaton, the limit of 'matches'"))
    // The message spells the bound out: they change together.
    #expect(PatternBudget.maximumWork == 20_000_000)
    // An ordinary pattern on the same texts runs.
    let ordinary = Self.run("activities where hur matches 'a[ab]{3}b' count", on: plan)
    #expect(ordinary.status == .success)
    #expect(ordinary.output == "3\n")
  }
}
