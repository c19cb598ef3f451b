/// Reads the `när` text of a plan row as the closed interval of days it names.
///
/// The reader finds period phrases anywhere in the text ("3 tillfällen planerade under våren") and gives an
/// interval only when they agree on one. It never guesses: words it does not know are passed over as
/// filler, but everything that could change the meaning gives nil: a word that bends a period ("efter
/// sommaren", "slutet av maj") or names one it does not read ("vintern"), an alternative ("hösten eller
/// våren", "hösten/vintern"), a number that is not part of a period, a count ("3 tillfällen") or a time of
/// day, a code such as "W20", two different periods, or a period that does not exist ("31 april").
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
            guard let interval = phrase.interval, !strayNumber(at: phrase.next),
              !alternative(before: i, after: phrase.next)
            else { return nil }
            // "Från maj till juni" is a whole range, not just a start.
            guard found.add(interval, as: role == .start && phrase.isRange ? .plain : role) else {
              return nil
            }
            i = phrase.next
            continue
          }
          if lexeme.roles.contains(.clock), let next = clockTime(at: i + 1, afterKl: true) {
            i = next
            continue
          }
        }
        let bareYear = i == firstContent || roles(at: i - 1).contains(.yearIntroducer)
        if let phrase = phrase(at: i, bareYear: bareYear) {
          guard let interval = phrase.interval, !strayNumber(at: phrase.next),
            !alternative(before: i, after: phrase.next), found.add(interval, as: .plain)
          else { return nil }
          i = phrase.next
          continue
        }
        // Outside a period a word is filler, but not a word written together with a number ("W20", "KW20"
        // may be periods the reader does not know) or the letter of an ISO form it could not read
        // ("2021-W"). A number must be a count or a time of day.
        switch tokens[i] {
        case .number:
          guard let next = countOrTime(at: i) else { return nil }
          i = next
        case .word(let lexeme) where !lexeme.roles.isDisjoint(with: [.gluedToNumber, .isoQuarter, .isoWeek]):
          return nil
        default: i += 1
        }
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

    /// "2022-05-11", "2022-05", "2022-Q2", "2022-W20", "2022-W20-3", "2022.05.11", "2022/05/11", or a bare
    /// year where one may stand.
    private func yearOrISO(_ year: Int, at i: Int, bareYear: Bool) -> (WrittenPeriod, Int)? {
      if token(i + 1) == .dash, case .number(let month, 2) = token(i + 2) {
        if token(i + 3) == .dash, case .number(let day, 2) = token(i + 4) {
          return (WrittenPeriod(.days(month: month, day, day), year: year), i + 5)
        }
        return (WrittenPeriod(.months(month, month), year: year), i + 3)
      }
      if token(i + 1) == .dash, case .word(let letter) = token(i + 2) {
        if letter.roles.contains(.isoQuarter), case .number(let quarter, 1) = token(i + 3) {
          let shape: WrittenPeriod.Shape =
            (1...4).contains(quarter) ? .months(quarter * 3 - 2, quarter * 3) : .invalid
          return (WrittenPeriod(shape, year: year), i + 4)
        }
        if letter.roles.contains(.isoWeek), case .number(let week, 2) = token(i + 3) {
          guard token(i + 4) == .dash, case .number(let day, 1) = token(i + 5) else {
            return (WrittenPeriod(.weeks(week, week), year: year), i + 4)
          }
          let shape: WrittenPeriod.Shape = (1...7).contains(day) ? .weekDay(week: week, day) : .invalid
          return (WrittenPeriod(shape, year: year), i + 6)
        }
      }
      // A year in a compound, "2020-talet" (the decade), is no year; "2018–våren 2021" is a range.
      if token(i + 1) == .dash, case .word(let next) = token(i + 2), next.roles.isDisjoint(with: .periodStart)
      {
        return nil
      }
      // Year, month, day with dots or slashes: no other order starts with the year.
      let separator = token(i + 1)
      if separator == .dot || separator == .slash, case .number(let month, 2) = token(i + 2),
        token(i + 3) == separator, case .number(let day, 2) = token(i + 4)
      {
        return (WrittenPeriod(.days(month: month, day, day), year: year), i + 5)
      }
      guard bareYear, PlanYear.isYear(year, digits: 4) else { return nil }
      return (WrittenPeriod(.year, year: year), i + 1)
    }

    /// "11 maj", "11:e maj", "19-20 oktober", "28 maj 2021".
    private func days(from first: Int, at i: Int) -> (WrittenPeriod, Int)? {
      var last = first
      var j = afterOrdinalSuffix(i + 1)
      if token(j) == .dash, case .number(let value, let digits) = token(j + 1), digits <= 2 {
        last = value
        j = afterOrdinalSuffix(j + 2)
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
      if case .number(let value, let digits) = token(i), PlanYear.isYear(value, digits: digits) {
        return (value, i + 1)
      }
      return (nil, i)
    }

    /// After the ":e" or ":a" of a day written as an ordinal, "11:e".
    private func afterOrdinalSuffix(_ i: Int) -> Int {
      token(i) == .colon && roles(at: i + 1).contains(.ordinalSuffix) ? i + 2 : i
    }

    /// Where a number outside a period ends, when it is a count ("3 tillfällen", "3-4 gånger", "3:e
    /// mötet": a number before a word of its own) or a time of day ("13:00", "13:00-15:00"); nil for any
    /// other number, which could change what the text means.
    private func countOrTime(at i: Int) -> Int? {
      if let next = clockTime(at: i, afterKl: false) { return next }
      var j = afterOrdinalSuffix(i + 1)
      if j == i + 1, token(j) == .dash, token(j + 1).isNumber { j += 2 }
      guard case .word(let lexeme) = token(j), lexeme.roles.isEmpty else { return nil }
      return j
    }

    /// A time of day or a span of them at `i`, the index after it: after "kl" "13", "13.00", "9-12",
    /// "13.00–15.00"; elsewhere only with a colon, "13:00". Times of day do not change the days.
    private func clockTime(at i: Int, afterKl: Bool) -> Int? {
      func time(at k: Int) -> Int? {
        guard case .number(let hour, let digits) = token(k), digits <= 2, hour <= 24 else { return nil }
        let separator = token(k + 1)
        if separator == .colon || (afterKl && separator == .dot), case .number(let minute, 2) = token(k + 2),
          minute <= 59
        {
          return k + 3
        }
        return afterKl ? k + 1 : nil
      }
      let start = afterKl && token(i) == .dot ? i + 1 : i
      guard let end = time(at: start) else { return nil }
      if token(end) == .dash, let spanEnd = time(at: end + 1) { return spanEnd }
      return end
    }

    /// Whether the phrase from `start` to `next` is one of alternatives: "hösten eller våren" (when not
    /// joined as one phrase), "hösten/vintern".
    private func alternative(before start: Int, after next: Int) -> Bool {
      func offers(_ token: Token) -> Bool {
        switch token {
        case .slash: true
        case .word(let lexeme): lexeme.roles.contains(.alternative)
        default: false
        }
      }
      return offers(token(start - 1)) || offers(token(next))
    }

    private func afterAbbreviation(_ lexeme: Lexeme, at i: Int) -> Int {
      token(i) == .dot && lexeme.roles.contains(.abbreviation) ? i + 1 : i
    }

    /// Whether a number follows a phrase closely enough to belong to it unread: "hösten -21", "maj 11",
    /// "vecka 37, 38 och 39", "Kvartal 2, 2022". Reading the phrase without it would be a guess.
    private func strayNumber(at i: Int) -> Bool {
      guard case .number = token(i + 1) else {
        return token(i).isNumber && clockTime(at: i, afterKl: false) == nil
      }
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
