/// The words of the language, in English and Swedish. This one table serves the lexer, the parser, the
/// completion of the REPL and `.help`: a new word is a case here and one line in `entry`.
public enum Keyword: Int, CaseIterable, Sendable {
  case activities, `where`, and, or, not, order, by, select, group, count, limit, asc, desc
  case contains, starts, with, matches, `in`, `is`, empty, before, after, overlaps, timeline
  // The follow-up: the log as a source, the plan as it stood, conditions on changes, change statements.
  case changes, `as`, of, changed, set, comment, remove, bort, add, activity

  /// What a word does in a statement.
  public enum Role: Sendable, Equatable {
    /// What a statement reads: `activities`.
    case source
    /// Starts a clause, or is the second word of one (the `by` of `order by`).
    case clause
    /// Joins conditions: `and`, `or`.
    case connective
    /// Starts an operator after a field, or is a later word of one (`with`); `not` negates one.
    case `operator`
    /// The direction of an order key.
    case order
    /// Stands where a value would: `is empty`.
    case value
    /// Makes a statement a change of the plan file: `set`, `comment`, `remove`.
    case change
  }

  /// One line of the table: the role; the word that must come next (`order` wants `by`), in Swedish when
  /// it differs (`as of` is `per` alone, `remove` is `ta bort`); whether a value comes right after the word
  /// (`contains`, but not `in`, which takes a list); what a clause takes, as `.help` writes it; and the
  /// spellings: the English one, the Swedish one, then the Swedish one without its diacritics (dar,
  /// hogst) for keyboards that lack them.
  public struct Entry: Sendable {
    public let role: Role
    public let next: Keyword?
    public let swedishNext: Keyword?
    public let takesValue: Bool
    public let usage: String?
    public let spellings: [String]

    init(
      _ role: Role, next: Keyword? = nil, swedishNext: Keyword?? = nil, value takesValue: Bool = false,
      usage: String? = nil, _ spellings: String...
    ) {
      self.role = role
      self.next = next
      self.swedishNext = swedishNext ?? next
      self.takesValue = takesValue
      self.usage = usage
      self.spellings = spellings
    }
  }

  public var entry: Entry {
    switch self {
    case .activities: Entry(.source, "activities", "aktiviteter")
    case .where: Entry(.clause, usage: "CONDITION", "where", "där", "dar")
    case .and: Entry(.connective, "and", "och")
    case .or: Entry(.connective, "or", "eller")
    case .not: Entry(.operator, "not", "inte")
    case .order: Entry(.clause, next: .by, usage: "FIELD [asc|desc], …", "order", "sortera")
    case .by: Entry(.clause, "by", "efter")
    case .select: Entry(.clause, usage: "FIELD, …", "select", "visa")
    case .group: Entry(.clause, next: .by, usage: "FIELD", "group", "gruppera")
    case .count: Entry(.clause, usage: "[by FIELD]", "count", "antal")
    case .limit: Entry(.clause, usage: "N", "limit", "högst", "hogst")
    case .asc: Entry(.order, "asc", "stigande")
    case .desc: Entry(.order, "desc", "fallande")
    case .contains: Entry(.operator, value: true, "contains", "innehåller", "innehaller")
    case .starts: Entry(.operator, next: .with, "starts", "börjar", "borjar")
    case .with: Entry(.operator, value: true, "with", "med")
    case .matches: Entry(.operator, value: true, "matches", "matchar")
    case .in: Entry(.operator, "in", "i")
    case .is: Entry(.operator, "is", "är", "ar")
    case .empty: Entry(.value, "empty", "tom")
    case .before: Entry(.operator, value: true, "before", "före", "fore")
    case .after: Entry(.operator, value: true, "after", "efter")
    case .overlaps: Entry(.operator, value: true, "overlaps", "överlappar", "overlappar")
    case .timeline: Entry(.clause, "timeline", "tidslinje")
    case .changes: Entry(.source, "changes", "ändringar", "andringar")
    case .as: Entry(.clause, next: .of, swedishNext: .some(nil), usage: "DAY", "as", "per")
    case .of: Entry(.clause, "of", "of")
    case .changed: Entry(.operator, "changed", "ändrad", "andrad")
    case .set: Entry(.change, usage: "FIELD = VALUE, …", "set", "sätt", "satt")
    case .comment: Entry(.change, usage: "'NOTE'", "comment", "kommentera")
    case .remove: Entry(.change, swedishNext: .bort, "remove", "ta")
    case .bort: Entry(.change, "bort", "bort")
    // "lägg till aktivitet": `till` is read as a plain word there, since it is also a field of `changes`.
    case .add: Entry(.source, next: .activity, usage: "FIELD = VALUE, …", "add", "lägg", "lagg")
    case .activity: Entry(.source, "activity", "aktivitet")
    }
  }

  /// Every spelling, the canonical English one first.
  public var spellings: [String] { entry.spellings }
  public var role: Role { entry.role }
  public var takesValue: Bool { entry.takesValue }
  public var name: String { spellings[0] }
  /// The Swedish spelling with its diacritics.
  public var swedish: String { spellings[1] }

  /// The word that must follow this one in a language: `by` after `order`, `bort` after Swedish `ta`.
  public func next(swedish: Bool) -> Keyword? { swedish ? entry.swedishNext : entry.next }

  /// The word as written in one language, with the words that must follow it: `order by`, `sortera efter`,
  /// `lägg till aktivitet`.
  public func phrase(swedish: Bool) -> String {
    var words = [self]
    while let next = words.last!.next(swedish: swedish) { words.append(next) }
    let spelled = words.map { swedish ? $0.swedish : $0.name }
    return (self == .add && swedish ? [spelled[0], Keyword.addFiller] + spelled.dropFirst() : spelled)
      .joined(separator: " ")
  }

  /// The plain word between Swedish `lägg` and `aktivitet`.
  public static let addFiller = "till"

  /// Whether the word only comes after another (`by`, `with`), so it starts nothing.
  public var onlyFollows: Bool {
    Keyword.allCases.contains { $0.entry.next == self || $0.entry.swedishNext == self }
  }

  /// The words a statement starts with.
  public static let sources = allCases.filter { $0.role == .source && !$0.onlyFollows }
  /// The words that make a statement a change: `set`, `comment`, `remove`.
  public static let changeWords = allCases.filter { $0.role == .change && !$0.onlyFollows }
  /// The words that start a clause, in the order `.help` and completion give them.
  public static let clauses = allCases.filter { $0.role == .clause && !$0.onlyFollows }
  /// The words that can come right after a field in a condition: an operator's first word, or `not`.
  public static let operatorStarts = allCases.filter { $0.role == .operator && !$0.onlyFollows }

  /// Whether a word, folded to lower case, is a Swedish spelling of a keyword: `sortera` pairs with
  /// `efter`, `order` with `by`.
  public static func isSwedish(_ word: String) -> Bool {
    allCases.contains { $0.spellings.dropFirst().contains(word) }
  }

  /// The longest spelling in bytes, lower or upper case (`innehåller`, `överlappar`): a longer word is no
  /// keyword, and the lexer need not fold it to look. Written out rather than worked out from the table
  /// on the first word of every run; a test holds the two together.
  static let longestSpelling = 11

  /// The keywords each folded spelling stands for; "efter" is both `by` (sortera efter) and `after`.
  static let bySpelling: [String: KeywordSet] = {
    // Sized at once for every spelling (three at most a word), not grown four times on a run's first word.
    var table = [String: KeywordSet](minimumCapacity: 3 * allCases.count)
    for keyword in Keyword.allCases {
      for spelling in keyword.spellings { table[spelling, default: []].insert(KeywordSet(keyword)) }
    }
    return table
  }()
}

/// A set of keywords, small enough to live in every token.
public struct KeywordSet: OptionSet, Hashable, Sendable {
  public let rawValue: UInt64
  public init(rawValue: UInt64) { self.rawValue = rawValue }
  public init(_ keyword: Keyword) { rawValue = 1 << UInt64(keyword.rawValue) }
  public func contains(_ keyword: Keyword) -> Bool { contains(KeywordSet(keyword)) }
}
