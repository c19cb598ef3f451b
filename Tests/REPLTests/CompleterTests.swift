import PlanModel
import QueryLanguage
import Testing

@testable import LineEditor
@testable import REPL

struct CompleterTests {
  static var completer: Completer {
    Completer(session: Session(plan: .embedded2021, standardOutput: { _ in }, standardError: { _ in }))
  }

  /// The line up to the cursor, and candidates that must be offered.
  static let cases: [(line: String, offered: [String])] = [
    ("", ["activities", "aktiviteter"]),
    ("act", ["activities"]),
    ("activities wh", ["where"]),
    ("activities ", ["where", "order by", "select", "group by", "count", "limit"]),
    ("aktiviteter ", ["där", "sortera efter", "visa", "gruppera efter", "antal", "högst"]),
    ("activities where pr", ["prio"]),
    ("activities where s", ["status", "start", "slut"]),
    ("activities where vem ", ["=", "contains", "in", "is empty"]),
    ("activities where när ", ["before", "after", "overlaps"]),
    ("activities where när not ", ["before", "after", "overlaps", "contains", "in"]),
    ("aktiviteter där när inte ö", ["överlappar"]),
    ("activities where vem = Kansl", ["Kansli"]),
    ("activities where vem = Kansli and vem = 'Alla", ["Alla medlemmar'"]),
    ("activities where vem = ’Alla", ["Alla medlemmar’"]),
    ("activities where vem = ‘Alla", ["Alla medlemmar’"]),
    ("activities where vem = \"Alla", ["Alla medlemmar\""]),
    (
      "activities where vad = ”Delta i SIS",
      ["Delta i SIS tekniska kommitté ””Hållbara städer och samhällen”””"]
    ),
    ("activities where vem in (Kansli, Sty", ["Styrelse"]),
    ("activities where status = Vil", ["Vilande", "Vilande pga Coronapandemi"]),
    ("activities where kategori = pa", ["paused"]),
    ("activities where inriktning = 'Före", ["Förebild och föregångare'"]),
    ("activities where prio = 1 ", ["and", "or", "order by", "select"]),
    ("activities order by ", ["när", "prio", "vad"]),
    ("activities select id, ", ["vad", "när"]),
    (".fo", [".format"]),
    (".format js", ["json"]),
    (".", [".help", ".quit", ".read", ".plan", ".output", ".fields"]),
  ]

  @Test(arguments: cases)
  func offers(line: String, offered: [String]) {
    let candidates = Self.completer.complete(pending: [], line: line).candidates
    for candidate in offered {
      #expect(candidates.contains(candidate), "\(candidate) not in \(candidates)")
    }
  }

  @Test func offersOnlyWhatFits() {
    #expect(Self.completer.complete(pending: [], line: "activities where pr").candidates == ["prio"])
    #expect(
      Self.completer.complete(pending: [], line: "activities where vem = Kansl").candidates == ["Kansli"])
    #expect(
      Self.completer.complete(pending: [], line: "activities where prio ").candidates.contains("before")
        == false)
  }

  /// After a field, the operators its type takes and nothing else: a number is not searched as text.
  @Test(arguments: [
    (
      "activities where prio ",
      ["=", "!=", "<", "<=", ">", ">=", "in", "is empty", "is not empty", "not", "changed"]
    ),
    ("activities where id ", ["=", "!=", "<", "<=", ">", ">=", "in", "is empty", "is not empty", "not"]),
    (
      "activities where vad ",
      [
        "=", "!=", "<", "<=", ">", ">=", "contains", "starts with", "matches", "in", "is empty",
        "is not empty", "not", "changed",
      ]
    ),
    (
      "activities where vem ",
      ["=", "!=", "contains", "starts with", "matches", "in", "is empty", "is not empty", "not", "changed"]
    ),
    (
      "activities where när ",
      [
        "=", "!=", "contains", "starts with", "matches", "in", "before", "after", "overlaps", "is empty",
        "is not empty", "not", "changed",
      ]
    ),
    (
      "activities where slut ",
      [
        "=", "!=", "<", "<=", ">", ">=", "in", "before", "after", "overlaps", "is empty", "is not empty",
        "not",
      ]
    ),
    ("activities where kategori ", ["=", "!=", "in", "is empty", "is not empty", "not"]),
    (
      "aktiviteter där prio ",
      ["=", "!=", "<", "<=", ">", ">=", "i", "är tom", "är inte tom", "inte", "ändrad"]
    ),
    ("aktiviteter där start inte ", ["i", "före", "efter", "överlappar"]),
    ("activities where prio not ", ["in"]),
    ("activities where kategori not ", ["in"]),
    (
      "activities where när not ",
      ["contains", "starts with", "matches", "in", "before", "after", "overlaps"]
    ),
  ])
  func operatorsFitTheField(line: String, operators: [String]) {
    #expect(Self.completer.complete(pending: [], line: line).candidates == operators)
  }

  /// The checker is the truth: each field is offered exactly the operators it accepts, with and without
  /// `not` before them.
  @Test(arguments: RowSource.activities.fields)
  func offeredOperatorsAreTheOnesTheCheckerAccepts(field: Field) {
    let values: [Field: String] = [
      .id: "1", .priority: "1", .who: "Kansli", .when: "2021", .start: "2021", .end: "2021",
      .category: "paused",
    ]
    let value = values[field] ?? "'Förebild och föregångare'"
    func accepted(_ op: Operator, negated: Bool) -> Bool {
      let condition = (negated ? "not " : "") + (op == .in ? "in (\(value))" : "\(op.rawValue) \(value)")
      let text = "activities where \(field.name) \(condition)"
      guard case .success(.statement(let statement)) = Parser.parse(SourceText(name: "t", text: text)).first
      else { return false }
      do {
        _ = try Checker(plan: .embedded2021, parameters: [:]).check(statement)
        return true
      } catch {
        return false
      }
    }
    let valued = Operator.allCases.filter { $0 != .isEmpty && $0 != .isNotEmpty }
    #expect(valued.filter { accepted($0, negated: false) } == Completer.operators(for: field.type))
    #expect(
      valued.filter { accepted($0, negated: true) }
        == Completer.operators(for: field.type).filter(Completer.negatable))
  }

  /// What Tab does with the completion, by the line editor's rule: a single candidate replaces the word
  /// with a space after it; several put in their common start when it is longer than the word, else
  /// they are listed. Quotes are opened only when what goes in needs them, and closed with the value.
  static func tab(_ line: String) -> (line: String, listed: [String]?) {
    let completion = completer.complete(pending: [], line: line)
    let kept = String(line.prefix(completion.wordStart))
    let typed = line.dropFirst(completion.wordStart)
    let candidates = completion.candidates
    // A folder is written without the space, so that Tab can go on inside it.
    if candidates.count == 1 {
      return (kept + candidates[0] + (candidates[0].hasSuffix("/") ? "" : " "), nil)
    }
    let common = LineEditor.commonPrefix(candidates)
    if common.count > typed.count { return (kept + common, nil) }
    return (line, candidates)
  }

  @Test(arguments: [
    ("activities where vem = In", "activities where vem = Int", nil),
    (
      "activities where vem = Int", "activities where vem = Int",
      ["Internationella arbetsgruppen", "Intresserade medlemmar"]
    ),
    ("activities where vem = Inte", "activities where vem = 'Internationella arbetsgruppen' ", nil),
    (
      "activities where vem = 'Int", "activities where vem = 'Int",
      ["Internationella arbetsgruppen", "Intresserade medlemmar"]
    ),
    (
      "activities where vem = ’Int", "activities where vem = ’Int",
      ["Internationella arbetsgruppen", "Intresserade medlemmar"]
    ),
    ("activities where vem = 'Intr", "activities where vem = 'Intresserade medlemmar' ", nil),
    ("activities where status = Vil", "activities where status = Vilande", nil),
    (
      "activities where status = Vilande", "activities where status = Vilande",
      ["Vilande", "Vilande pga Coronapandemi"]
    ),
    ("activities where kategori = no", "activities where kategori = no", ["none", "not started"]),
    ("activities where kategori = not", "activities where kategori = 'not started' ", nil),
    // Every value shares "Samverka med ", which a bare word cannot hold: the quote they all need opens.
    ("activities where vad = Samverka", "activities where vad = 'Samverka med ", nil),
    (
      "activities where vad = 'Samverka med ", "activities where vad = 'Samverka med ",
      ["Samverka med Klimatkommunerna", "Samverka med Refarm Linné", "Samverka med WWF"]
    ),
    ("activities where vad = 'Samverka med W", "activities where vad = 'Samverka med WWF' ", nil),
    ("activities where prio in (1, ", "activities where prio in (1, ", ["1", "2", "3"]),
  ])
  func valuesAreQuotedOnlyWhenWhatGoesInNeedsIt(line: String, after: String, listed: [String]?) {
    let result = Self.tab(line)
    #expect(result.line == after)
    #expect(result.listed == listed)
  }

  @Test func afterNotOnlyTheOperatorsNotGoesBefore() {
    let candidates = Self.completer.complete(pending: [], line: "activities where vad not ").candidates
    #expect(candidates == ["contains", "starts with", "matches", "in"])
    // A field's name written as a value is a value, not the field `not` follows.
    #expect(
      Self.completer.complete(pending: [], line: "activities where vad = prio not ").candidates.contains(
        "contains") == false)
  }

  @Test func wordStartIsInCharacters() {
    let completion = Self.completer.complete(pending: [], line: "aktiviteter där när ö")
    #expect(completion.wordStart == 20)
    #expect(completion.candidates == ["överlappar"])
  }

  @Test func wordStartIsAfterATypographicQuote() {
    let completion = Self.completer.complete(pending: [], line: "activities where vem = ’Alla")
    #expect(completion.wordStart == 24)
    #expect(completion.candidates == ["Alla medlemmar’"])
  }

  @Test func contextComesFromEarlierLinesOfTheStatement() {
    let completion = Self.completer.complete(pending: ["activities where vem ="], line: "Expert")
    #expect(completion.candidates == ["Expertgrupp"])
    #expect(completion.wordStart == 0)
  }

  /// `.output` writes any file, so every name is offered (`.read` and `.plan` offer their own kinds).
  @Test func fileNamesAfterOutput() throws {
    let completion = Self.completer.complete(pending: [], line: ".output /etc/host")
    #expect(completion.candidates.contains("hostname"))
    #expect(completion.wordStart == 13)
  }
}

struct ReplTextTests {
  @Test(arguments: [
    ("activities where prio =\n  1 count", "activities where prio = 1 count"),
    ("activities -- all of them\nwhere prio = 1", "activities -- all of them\nwhere prio = 1"),
    ("activities count", "activities count"),
  ])
  func historyEntries(typed: String, entry: String) {
    #expect(Repl.historyEntry(typed) == entry)
  }

  @Test(arguments: [
    ("activities where", true), ("activities where (prio = 1", true), ("activities where vad = 'open", true),
    ("activities where prio = 1 and", true), ("activities order", true), ("activities where prio = 1", false),
    ("activities wher", false), (".help", false),
  ])
  func incompleteStatementsAskForMore(text: String, incomplete: Bool) {
    #expect(Repl.isIncomplete(Parser.parse(SourceText(name: "t", text: text))) == incomplete)
  }

  @Test func pathsFollowXDG() {
    let defaults = ReplPaths(environment: ["HOME": "/home/kansli"])
    #expect(defaults.history == "/home/kansli/.local/state/sekom/history")
    #expect(defaults.initFile == "/home/kansli/.config/sekom/init.sq")
    let set = ReplPaths(environment: ["HOME": "/h", "XDG_STATE_HOME": "/s", "XDG_CONFIG_HOME": "/c"])
    #expect(set.history == "/s/sekom/history")
    #expect(set.initFile == "/c/sekom/init.sq")
  }
}
