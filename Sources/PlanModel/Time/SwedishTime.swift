/// Reads the `när` text of a plan row as the closed interval of days it names.
///
/// The reader finds period phrases anywhere in the text ("3 tillfällen planerade under våren") and gives an
/// interval only when they agree on one. It never guesses: words it does not know are passed over, but a
/// word that bends a period ("efter sommaren", "slutet av maj"), a stray number next to a period, two
/// different periods or a period that does not exist ("31 april", "vecka 54") give nil.
public enum SwedishTime {
  /// The days `text` names, reading yearless periods in `context.planYear`; nil when it names none or is
  /// not understood.
  public static func interval(of text: String, in context: TimeContext) -> DayInterval? {
    Reader(tokens: Token.tokens(of: text), context: context).read()
  }

  /// Whether `text` names the annual meeting ("årsmötet", "Till årsmötet"), which gives days only in a
  /// context that knows the meeting's day; a message can then say that this is what is missing.
  public static func namesAnnualMeeting(_ text: String) -> Bool {
    Token.tokens(of: text).contains { token in
      if case .word(let lexeme) = token { lexeme.roles.contains(.annualMeeting) } else { false }
    }
  }
}

extension SwedishTime {
  /// One pass over the tokens of a text: a scan for phrases, and a small hand-written grammar for each.
  struct Reader {
    let tokens: [Token]
    let context: TimeContext

    /// How a phrase stands in the text: on its own, or after a word that starts or ends the work.
    enum Role { case plain, start, end }

    /// Periods joined into one phrase: "Vår och höst 2021" (a list, read as its hull) or
    /// "19 oktober–3 november" (a range). `interval` is nil when a period in it does not exist.
    struct Phrase {
      var interval: DayInterval?
      var next: Int
      var isRange: Bool
    }

    /// The phrases found so far; at most one distinct of each role can make sense together.
    struct Found {
      var plain: DayInterval?
      var start: DayInterval?
      var end: DayInterval?
      var startAfterEnd = false

      /// Adds a phrase; false when it conflicts with one already found.
      mutating func add(_ interval: DayInterval, as role: Role) -> Bool {
        switch role {
        case .plain:
          if let plain, plain != interval { return false }
          plain = interval
        case .start:
          if let start, start != interval { return false }
          if end != nil { startAfterEnd = true }
          start = interval
        case .end:
          if let end, end != interval { return false }
          end = interval
        }
        return true
      }
    }

    func read() -> DayInterval? {
      var found = Found()
      var continuous = false
      // A bare number is a year when it opens the text ("2021"); elsewhere only after an introducing word.
      let firstContent = tokens.firstIndex(where: \.isContent) ?? tokens.count
      var i = 0
      while i < tokens.count {
        if case .word(let lexeme) = tokens[i] {
          if lexeme.roles.contains(.veto) { return nil }
          if lexeme.roles.contains(.continuous) { continuous = true }
          if case let (role, next)? = marker(at: i), let phrase = phrase(at: next, bareYear: true) {
            guard let interval = phrase.interval, !strayNumber(at: phrase.next) else { return nil }
            // "Från maj till juni" is a whole range, not just a start.
            guard found.add(interval, as: role == .start && phrase.isRange ? .plain : role) else {
              return nil
            }
            i = phrase.next
            continue
          }
        }
        let bareYear = i == firstContent || roles(at: i - 1).contains(.yearIntroducer)
        if let phrase = phrase(at: i, bareYear: bareYear) {
          guard let interval = phrase.interval, !strayNumber(at: phrase.next),
            found.add(interval, as: .plain)
          else { return nil }
          i = phrase.next
          continue
        }
        i += 1
      }
      return combine(found, continuous: continuous)
    }

    private func combine(_ found: Found, continuous: Bool) -> DayInterval? {
      switch (found.plain, found.start, found.end) {
      case (let plain?, nil, nil): return plain
      case (nil, nil, nil): return continuous ? .year(context.planYear) : nil
      case (nil, nil, let end?):
        // "Klart X": from the start of the plan year, unless X is over before the plan year begins.
        guard let january1 = Day(year: context.planYear, month: 1, day: 1) else { return nil }
        return end.end < january1 ? end : DayInterval(start: january1, end: end.end)
      case (nil, let start?, let end?) where !found.startAfterEnd:
        return DayInterval(start: start.start, end: end.end)
      default:
        // A start without an end is open; a period beside a start or end is a second claim.
        return nil
      }
    }

    /// A word that starts or ends the work, with the small words after it: "klart", "till och med",
    /// "t.o.m.", "start", "fr.o.m.". Returns the role and where its period should begin.
    private func marker(at i: Int) -> (Role, Int)? {
      let roles = roles(at: i)
      let role: Role
      var j = i + 1
      if roles.contains(.endMarker) {
        role = .end
      } else if roles.contains(.startMarker) {
        role = .start
      } else if !roles.isDisjoint(with: [.letterT, .letterFr]), let next = abbreviatedOM(at: j) {
        role = roles.contains(.letterT) ? .end : .start
        j = next
      } else {
        return nil
      }
      let skipped: Lexeme.Roles = [.markerFiller, role == .end ? .endMarker : .startMarker]
      // At most a few small words, so that a run of them cannot make the scan quadratic.
      while j < i + 5, !self.roles(at: j).isDisjoint(with: skipped) { j += 1 }
      return (role, j)
    }

    /// The "o.m." of "t.o.m." and "fr.o.m.", with or without dots; the index after it.
    private func abbreviatedOM(at i: Int) -> Int? {
      var j = token(i) == .dot ? i + 1 : i
      guard roles(at: j).contains(.letterO) else { return nil }
      j = token(j + 1) == .dot ? j + 2 : j + 1
      guard roles(at: j).contains(.letterM) else { return nil }
      return token(j + 1) == .dot ? j + 2 : j + 1
    }

    /// Periods joined by dashes or "till" (ranges) and by slashes, commas, "och" or "samt" (a list).
    private func phrase(at i: Int, bareYear: Bool) -> Phrase? {
      guard case let (first, afterFirst)? = period(at: i, bareYear: bareYear) else { return nil }
      // The periods after the first, each with whether it closes a range; most phrases have none.
      var joined: [(period: WrittenPeriod, isRange: Bool)] = []
      var next = afterFirst
      joining: while true {
        let isRange: Bool
        switch token(next) {
        case .dash: isRange = true
        case .slash, .comma: isRange = false
        case .word(let lexeme) where lexeme.roles.contains(.rangeJoin): isRange = true
        case .word(let lexeme) where lexeme.roles.contains(.listJoin): isRange = false
        default: break joining
        }
        // "Kvartal 2, 2022" is not a list of a quarter and a year.
        guard case let (period, after)? = period(at: next + 1, bareYear: token(next) != .comma) else {
          break
        }
        joined.append((period, isRange))
        next = after
      }
      if joined.isEmpty {
        return Phrase(
          interval: first.interval(in: first.year ?? context.planYear), next: next, isRange: false)
      }

      let periods = [(period: first, isRange: false)] + joined
      // A period without a year takes the year of the next one that has one ("Vår och höst 2021"), else
      // of the one before, else the plan year.
      var years = periods.map(\.period.year)
      var carried: Int? = nil
      for k in years.indices.reversed() {
        if let year = years[k] { carried = year } else { years[k] = carried }
      }
      for k in years.indices { if let year = years[k] { carried = year } else { years[k] = carried } }

      let isRange = joined.contains { $0.isRange }
      var hull: DayInterval? = nil
      var segment: DayInterval? = nil
      for (k, (period, closesRange)) in periods.enumerated() {
        guard let interval = period.interval(in: years[k] ?? context.planYear) else {
          return Phrase(interval: nil, next: next, isRange: isRange)
        }
        if closesRange, let from = segment {
          // A range binds tighter than a list: "maj och juni–augusti".
          guard let range = DayInterval(start: from.start, end: interval.end) else {
            return Phrase(interval: nil, next: next, isRange: isRange)
          }
          segment = range
        } else {
          if let done = segment { hull = hull?.hull(done) ?? done }
          segment = interval
        }
      }
      let whole = segment.map { hull?.hull($0) ?? $0 }
      return Phrase(interval: whole, next: next, isRange: isRange)
    }

    /// One period at `i`, and the index after it.
    private func period(at i: Int, bareYear: Bool) -> (WrittenPeriod, Int)? {
      switch token(i) {
      case .number(let value, 4): return yearOrISO(value, at: i, bareYear: bareYear)
      case .number(let value, let digits) where digits <= 2: return days(from: value, at: i)
      case .word(let lexeme): return wordPeriod(lexeme, at: i)
      default: return nil
      }
    }

    /// "2022-05-11", "2022-05", or a bare year where one may stand.
    private func yearOrISO(_ year: Int, at i: Int, bareYear: Bool) -> (WrittenPeriod, Int)? {
      if token(i + 1) == .dash, case .number(let month, 2) = token(i + 2) {
        if token(i + 3) == .dash, case .number(let day, 2) = token(i + 4) {
          return (WrittenPeriod(.days(month: month, day, day), year: year), i + 5)
        }
        return (WrittenPeriod(.months(month, month), year: year), i + 3)
      }
      guard bareYear, Words.isYear(year, digits: 4) else { return nil }
      return (WrittenPeriod(.year, year: year), i + 1)
    }

    /// "11 maj", "19-20 oktober", "28 maj 2021".
    private func days(from first: Int, at i: Int) -> (WrittenPeriod, Int)? {
      var last = first
      var j = i + 1
      if token(j) == .dash, case .number(let value, let digits) = token(j + 1), digits <= 2 {
        last = value
        j += 2
      }
      guard case .word(let lexeme) = token(j), lexeme.roles.contains(.month) else { return nil }
      let (year, next) = year(at: afterAbbreviation(lexeme, at: j + 1))
      return (WrittenPeriod(.days(month: lexeme.month, first, last), year: year), next)
    }

    /// Periods that open with a word: months, seasons, weeks, quarters, tertials, halves, the annual
    /// meeting and the year itself.
    private func wordPeriod(_ lexeme: Lexeme, at i: Int) -> (WrittenPeriod, Int)? {
      let roles = lexeme.roles
      if !roles.isDisjoint(with: [.month, .season]) {
        let (year, next) = year(at: afterAbbreviation(lexeme, at: i + 1))
        let last = roles.contains(.season) ? lexeme.lastMonth : lexeme.month
        return (WrittenPeriod(.months(lexeme.month, last), year: year), next)
      }
      if roles.contains(.wholeYear) {
        let (year, next) = year(at: i + 1)
        return (WrittenPeriod(.year, year: year), next)
      }
      if roles.contains(.annualMeeting) {
        let (year, next) = year(at: i + 1)
        guard let meeting = context.annualMeeting, year == nil || year == meeting.year else {
          return (WrittenPeriod(.invalid), next)
        }
        return (WrittenPeriod(.fixed(DayInterval(day: meeting))), next)
      }
      if !roles.isDisjoint(with: [.week, .part]) {
        guard case let (first, last, afterNumbers)? = numbers(at: afterAbbreviation(lexeme, at: i + 1))
        else { return nil }
        if roles.contains(.week) {
          let (year, next) = year(at: afterNumbers)
          return (WrittenPeriod(.weeks(first, last), year: year), next)
        }
        return part(first, last, length: lexeme.partLength, at: afterNumbers)
      }
      if roles.contains(.ordinal), case .word(let unit) = token(i + 1), unit.roles.contains(.ordinalPart) {
        return part(lexeme.ordinal, lexeme.ordinal, length: unit.partLength, at: i + 2)
      }
      return nil
    }

    /// Parts `first` through `last` of a year cut into parts of `length` months, with an optional year.
    private func part(_ first: Int, _ last: Int, length: Int, at i: Int) -> (WrittenPeriod, Int) {
      let (year, next) = year(at: i)
      guard 1 <= first, first <= last, last <= 12 / length else { return (WrittenPeriod(.invalid), next) }
      return (WrittenPeriod(.months((first - 1) * length + 1, last * length), year: year), next)
    }

    /// "37" or "37-39" after a week or part word.
    private func numbers(at i: Int) -> (Int, Int, Int)? {
      guard case .number(let first, let digits) = token(i), digits <= 2 else { return nil }
      if token(i + 1) == .dash, case .number(let last, let lastDigits) = token(i + 2), lastDigits <= 2 {
        return (first, last, i + 3)
      }
      return (first, first, i + 1)
    }

    /// An optional year after a period: "maj 2022".
    private func year(at i: Int) -> (Int?, Int) {
      if case .number(let value, let digits) = token(i), Words.isYear(value, digits: digits) {
        return (value, i + 1)
      }
      return (nil, i)
    }

    private func afterAbbreviation(_ lexeme: Lexeme, at i: Int) -> Int {
      token(i) == .dot && lexeme.roles.contains(.abbreviation) ? i + 1 : i
    }

    /// Whether a number follows a phrase closely enough to belong to it unread: "hösten -21", "maj 11",
    /// "vecka 37, 38 och 39", "Kvartal 2, 2022". Reading the phrase without it would be a guess.
    private func strayNumber(at i: Int) -> Bool {
      guard case .number = token(i + 1) else { return token(i).isNumber }
      switch token(i) {
      case .number, .dash, .slash, .apostrophe: return true
      case .comma: break
      case .word(let lexeme) where lexeme.roles.contains(.listWord): break
      default: return false
      }
      // After a comma or "och", a number is part of a list unless a word of its own follows: "vecka 37,
      // 38 och 39" but not "hösten, 3 tillfällen".
      guard case .word(let lexeme) = token(i + 2) else { return true }
      return lexeme.roles.contains(.listWord)
    }

    /// The token at `i`; past either end, a token that matches nothing.
    private func token(_ i: Int) -> Token { tokens.indices.contains(i) ? tokens[i] : .other }

    private func roles(at i: Int) -> Lexeme.Roles {
      if case .word(let lexeme) = token(i) { return lexeme.roles }
      return []
    }
  }
}

extension SwedishTime.Token {
  /// Words and numbers, as opposed to punctuation.
  fileprivate var isContent: Bool {
    switch self {
    case .word, .number: true
    default: false
    }
  }

  fileprivate var isNumber: Bool {
    if case .number = self { return true }
    return false
  }
}
