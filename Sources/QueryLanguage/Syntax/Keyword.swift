/// The words of the language, in English and Swedish. This one table serves the lexer, the parser, the
/// completion of the REPL and `.help`.
public enum Keyword: Int, CaseIterable, Sendable {
  case activities, `where`, and, or, not, order, by, select, group, count, limit, asc, desc
  case contains, starts, with, matches, `in`, `is`, empty, before, after, overlaps, timeline

  /// Every spelling, the canonical English one first. The Swedish forms are also accepted without their
  /// diacritics (dar, hogst) for keyboards that lack them.
  public var spellings: [String] {
    switch self {
    case .activities: ["activities", "aktiviteter"]
    case .where: ["where", "där", "dar"]
    case .and: ["and", "och"]
    case .or: ["or", "eller"]
    case .not: ["not", "inte"]
    case .order: ["order", "sortera"]
    case .by: ["by", "efter"]
    case .select: ["select", "visa"]
    case .group: ["group", "gruppera"]
    case .count: ["count", "antal"]
    case .limit: ["limit", "högst", "hogst"]
    case .asc: ["asc", "stigande"]
    case .desc: ["desc", "fallande"]
    case .contains: ["contains", "innehåller", "innehaller"]
    case .starts: ["starts", "börjar", "borjar"]
    case .with: ["with", "med"]
    case .matches: ["matches", "matchar"]
    case .in: ["in", "i"]
    case .is: ["is", "är", "ar"]
    case .empty: ["empty", "tom"]
    case .before: ["before", "före", "fore"]
    case .after: ["after", "efter"]
    case .overlaps: ["overlaps", "överlappar", "overlappar"]
    case .timeline: ["timeline", "tidslinje"]
    }
  }

  public var name: String { spellings[0] }

  /// The keywords each folded spelling stands for; "efter" is both `by` (sortera efter) and `after`.
  static let bySpelling: [String: KeywordSet] = {
    var table: [String: KeywordSet] = [:]
    for keyword in Keyword.allCases {
      for spelling in keyword.spellings { table[spelling, default: []].insert(KeywordSet(keyword)) }
    }
    return table
  }()
}

/// A set of keywords, small enough to live in every token.
public struct KeywordSet: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  public init(_ keyword: Keyword) { rawValue = 1 << UInt32(keyword.rawValue) }
  public func contains(_ keyword: Keyword) -> Bool { contains(KeywordSet(keyword)) }
}
