// The lexer of `när` texts: its tokens, the Swedish words that name or bend periods, and what a written
// period means in days. The grammar that joins them is in SwedishTime.swift.

extension SwedishTime {
  /// One piece of a `när` text. Letters and digits are split apart, so "v37" reads as "v" and 37.
  enum Token: Equatable {
    /// A word, as what the reader knows of it; every unknown word has the empty lexeme.
    case word(Lexeme)
    case number(Int, digits: Int)
    case dash, slash, comma, dot, colon, other
    /// An apostrophe, which abbreviates a year: "hösten '21".
    case apostrophe

    /// The tokens of a text, case-folded; whitespace separates and is dropped.
    static func tokens(of text: String) -> [Token] {
      // Most texts need only ASCII and å, ä, ö lower-cased; others go through the full Swedish fold, which
      // also joins decomposed letters and strips accents.
      tokens(of: text.unicodeScalars, folded: false)
        ?? tokens(of: SwedishCollation.fold(text).unicodeScalars, folded: true)!
    }

    /// The tokens, or nil when `folded` is false and a scalar needs the full fold.
    private static func tokens(of scalars: String.UnicodeScalarView, folded: Bool) -> [Token]? {
      let lexicon = Words.lexicon
      var tokens: [Token] = []
      // One allocation for short texts: a token takes at least one scalar.
      tokens.reserveCapacity(min(scalars.count, 32))
      var word = String.UnicodeScalarView()
      var number = 0
      var digits = 0
      func endWord(gluedToNumber: Bool = false) {
        guard !word.isEmpty else { return }
        var lexeme = lexicon[String(word)] ?? Lexeme()
        if gluedToNumber { lexeme.roles.insert(.gluedToNumber) }
        tokens.append(.word(lexeme))
        word = String.UnicodeScalarView()
      }
      func endNumber() {
        guard digits > 0 else { return }
        tokens.append(.number(number, digits: digits))
        number = 0
        digits = 0
      }
      for scalar in scalars {
        let value = scalar.value
        if value &- 0x30 < 10 {
          endWord(gluedToNumber: true)
          // Runs longer than a year never name a period, so their value may stop growing.
          if digits < 9 { number = number * 10 + Int(value - 0x30) }
          digits += 1
          continue
        }
        endNumber()
        switch value {
        case 0x61...0x7A, 0xE4, 0xE5, 0xF6:  // a–z, ä, å, ö
          word.append(scalar)
          continue
        case 0x41...0x5A, 0xC4, 0xC5, 0xD6:  // A–Z, Ä, Å, Ö
          word.append(Unicode.Scalar(value + 0x20)!)
          continue
        case 0x80...:
          let isPunctuation =
            (0x2010...0x2014).contains(value) || value == 0x2212 || value == 0x2019
            || value == 0xB4 || scalar.properties.isWhitespace
          if !isPunctuation {
            guard folded else { return nil }
            if scalar.properties.isAlphabetic {
              word.append(scalar)
              continue
            }
          }
        default: break
        }
        endWord()
        switch scalar {
        // Hyphen, the dashes people type for ranges, and minus.
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": tokens.append(.dash)
        case "/": tokens.append(.slash)
        case ",": tokens.append(.comma)
        case ".": tokens.append(.dot)
        case ":": tokens.append(.colon)
        case "'", "\u{2019}", "\u{00B4}": tokens.append(.apostrophe)
        default: if !scalar.properties.isWhitespace { tokens.append(.other) }
        }
      }
      endWord()
      endNumber()
      return tokens
    }
  }

  /// What the reader knows of a word: its roles, and the numbers that go with them.
  struct Lexeme: Equatable {
    struct Roles: OptionSet {
      let rawValue: UInt32
      static let month = Roles(rawValue: 1 << 0)
      static let season = Roles(rawValue: 1 << 1)
      static let week = Roles(rawValue: 1 << 2)
      static let part = Roles(rawValue: 1 << 3)
      static let ordinal = Roles(rawValue: 1 << 4)
      static let ordinalPart = Roles(rawValue: 1 << 5)
      static let wholeYear = Roles(rawValue: 1 << 6)
      static let annualMeeting = Roles(rawValue: 1 << 7)
      static let abbreviation = Roles(rawValue: 1 << 8)
      static let continuous = Roles(rawValue: 1 << 9)
      static let yearIntroducer = Roles(rawValue: 1 << 10)
      static let endMarker = Roles(rawValue: 1 << 11)
      static let startMarker = Roles(rawValue: 1 << 12)
      static let markerFiller = Roles(rawValue: 1 << 13)
      static let veto = Roles(rawValue: 1 << 14)
      static let listWord = Roles(rawValue: 1 << 15)
      static let rangeJoin = Roles(rawValue: 1 << 16)
      static let listJoin = Roles(rawValue: 1 << 17)
      /// The letters of "t.o.m." and "fr.o.m.".
      static let letterT = Roles(rawValue: 1 << 18)
      static let letterFr = Roles(rawValue: 1 << 19)
      static let letterO = Roles(rawValue: 1 << 20)
      static let letterM = Roles(rawValue: 1 << 21)
      /// The Q and W of ISO forms, "2021-Q2" and "2021-W20".
      static let isoQuarter = Roles(rawValue: 1 << 22)
      static let isoWeek = Roles(rawValue: 1 << 23)
      /// The ending of a day written as an ordinal: "11:e maj", "1:a maj".
      static let ordinalSuffix = Roles(rawValue: 1 << 24)
      /// "kl", before a time of day.
      static let clock = Roles(rawValue: 1 << 25)
      /// "eller": an alternative, not a list.
      static let alternative = Roles(rawValue: 1 << 26)
      /// Set by the tokenizer on a word written together with a number after it: "v37", "W20".
      static let gluedToNumber = Roles(rawValue: 1 << 27)

      /// The words a period may open with.
      static let periodStart: Roles = [.month, .season, .week, .part, .ordinal, .wholeYear, .annualMeeting]
    }

    var roles: Roles = []
    /// A month's number, or a season's first month.
    var month = 0
    /// A season's last month.
    var lastMonth = 0
    /// The months in a part of the year: 3 for a quarter, 4 for a tertial, 6 for a half.
    var partLength = 0
    var ordinal = 0
  }

  /// The words of `när` texts, folded (lower case).
  enum Words {
    /// "jul" is left out: it is Christmas as often as July.
    private static let months: [String: Int] = [
      "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
      "juni": 6, "jun": 6, "juli": 7, "augusti": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
      "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Seasons as months. Spring and autumn are the halves of the working year around the summer break,
    /// so they overlap summer; "vt"/"ht" and the terms are the school year's names for the same halves.
    private static let seasons: [String: ClosedRange<Int>] = [
      "våren": 1...6, "vår": 1...6, "vårterminen": 1...6, "vt": 1...6,
      "sommaren": 6...8, "sommar": 6...8,
      "hösten": 8...12, "höst": 8...12, "höstterminen": 8...12, "ht": 8...12,
    ]

    /// Parts of a year counted by number, as their length in months: "kvartal 2", "Q2", "T1", "halvår 1".
    private static let parts: [String: Int] = [
      "kvartal": 3, "kvartalet": 3, "kv": 3, "q": 3, "tertial": 4, "tertialet": 4, "t": 4,
      "halvår": 6, "halvåret": 6, "h": 6,
    ]

    /// Parts counted by an ordinal word instead: "andra kvartalet", "första halvåret".
    private static let ordinalParts: [String: Int] = [
      "kvartal": 3, "kvartalet": 3, "tertial": 4, "tertialet": 4, "halvår": 6, "halvåret": 6,
    ]
    private static let ordinals: [String: Int] = ["första": 1, "andra": 2, "tredje": 3, "fjärde": 4]

    private static let roles: [(Lexeme.Roles, [String])] = [
      (.week, ["vecka", "veckan", "veckorna", "v"]),
      // Words that are themselves the plan year: "hela året", "under året", "verksamhetsåret".
      (.wholeYear, ["året", "verksamhetsåret"]),
      (.annualMeeting, ["årsmöte", "årsmötet"]),
      // Words a dot may follow without ending anything: "v. 37", "okt.".
      (
        .abbreviation,
        [
          "jan", "feb", "mar", "apr", "jun", "aug", "sep", "sept", "okt", "nov", "dec", "v", "kv", "q", "t",
          "h",
        ]
      ),
      // Work that goes on all year: the plan year when the text names no other period.
      (.continuous, ["löpande", "fortlöpande", "kontinuerligt", "kontinuerlig"]),
      // Words after which a bare number is a year ("under 2021"); elsewhere it is stray ("Agenda 2030").
      (
        .yearIntroducer,
        ["under", "i", "år", "hela", "inom", "löpande", "fortlöpande", "kontinuerligt", "kontinuerlig"]
      ),
      // Words that end a period: "Klart våren 2021" runs from the start of the plan year.
      (
        .endMarker,
        ["klart", "klar", "färdigt", "färdig", "senast", "till", "tom", "slutförs", "avslutas", "deadline"]
      ),
      // Words that start a period: "Start 2018, … klar våren 2021".
      (
        .startMarker,
        [
          "start", "startar", "startat", "startade", "börjar", "påbörjas", "påbörjat", "påbörjades", "från",
          "fom",
        ]
      ),
      // Small words allowed between a marker and its period: "klart i maj", "till och med", "senast vid".
      (.markerFiller, ["och", "med", "i", "under", "på", "vid", "den", "vara"]),
      // Words that leave a text without an interval, or bend a period into one the reader cannot know:
      // paused or watched work, "vid behov", "efter sommaren", "slutet av maj", negations.
      (
        .veto,
        [
          "vilande", "vilar", "pausad", "pausat", "pausas", "bevaka", "bevakas", "bevakar", "behov",
          "inställd", "inställt", "uppskjuten", "uppskjutet", "framflyttad", "framflyttat",
          "efter", "före", "innan", "inför", "sedan", "början", "slutet", "mitten", "tidigast",
          "tidig", "tidigt", "sen", "sent", "senare", "tidigare", "ej", "inte",
          // Periods the reader does not read: beside one it reads ("Hösten/vintern", "under hösten och
          // vintern") the text names more than that one.
          "vinter", "vintern", "jul", "julen", "advent", "påsk", "påsken", "midsommar", "midsommaren",
          "nyår", "nyåret", "årsskifte", "årsskiftet", "försommar", "försommaren", "sensommar",
          "sensommaren", "förvår", "förvåren", "senvår", "senvåren", "förhöst", "förhösten", "senhöst",
          "senhösten", "sportlov", "sportlovet", "påsklov", "påsklovet", "sommarlov", "sommarlovet",
          "höstlov", "höstlovet", "jullov", "jullovet", "semester", "semestern", "halva", "halvan",
          "läsår", "läsåret",
        ]
      ),
      // Words that may sit in a list of numbers: "vecka 37, 38 och 39".
      (.listWord, ["och", "eller", "samt", "till"]),
      (.rangeJoin, ["till"]),
      (.listJoin, ["och", "samt"]),
      (.letterT, ["t"]), (.letterFr, ["fr"]), (.letterO, ["o"]), (.letterM, ["m"]),
      (.isoQuarter, ["q"]), (.isoWeek, ["w"]), (.ordinalSuffix, ["a", "e"]), (.clock, ["kl"]),
      (.alternative, ["eller"]),
    ]

    /// Every word above with all its roles, so that the tokenizer looks each word up once.
    static let lexicon: [String: Lexeme] = {
      var lexicon: [String: Lexeme] = [:]
      lexicon.reserveCapacity(256)
      func add(_ word: String, _ role: Lexeme.Roles, _ fill: (inout Lexeme) -> Void = { _ in }) {
        var lexeme = lexicon[word] ?? Lexeme()
        lexeme.roles.insert(role)
        fill(&lexeme)
        lexicon[word] = lexeme
      }
      for (word, month) in months { add(word, .month) { $0.month = month } }
      for (word, months) in seasons {
        add(word, .season) {
          $0.month = months.lowerBound
          $0.lastMonth = months.upperBound
        }
      }
      for (word, length) in parts { add(word, .part) { $0.partLength = length } }
      for (word, length) in ordinalParts { add(word, .ordinalPart) { $0.partLength = length } }
      for (word, ordinal) in ordinals { add(word, .ordinal) { $0.ordinal = ordinal } }
      for (role, words) in roles { for word in words { add(word, role) } }
      return lexicon
    }()
  }

  /// A period as written, before its year is settled: "Vår" takes its year from "Vår och höst 2021".
  struct WrittenPeriod {
    enum Shape {
      case year
      case months(Int, Int)
      /// Days of one month: "11 maj", "19-20 oktober", "2022-05-11".
      case days(month: Int, Int, Int)
      /// ISO 8601 weeks of the year's week numbering.
      case weeks(Int, Int)
      /// One day of an ISO 8601 week, 1 (Monday) to 7: "2021-W20-3".
      case weekDay(week: Int, Int)
      case fixed(DayInterval)
      /// Names a period that does not exist, "vecka 54", or that the context cannot place.
      case invalid
    }

    var shape: Shape
    /// The year the text gives, if any.
    var year: Int?

    init(_ shape: Shape, year: Int? = nil) {
      self.shape = shape
      self.year = year
    }

    func interval(in year: Int) -> DayInterval? {
      switch shape {
      case .year: return .year(year)
      case .months(let first, let last): return .months(first, through: last, of: year)
      case .days(let month, let first, let last):
        guard let start = Day(year: year, month: month, day: first),
          let end = Day(year: year, month: month, day: last)
        else { return nil }
        return DayInterval(start: start, end: end)
      case .weeks(let first, let last): return .isoWeeks(first, through: last, of: year)
      case .weekDay(let week, let day):
        return DayInterval.isoWeeks(week, through: week, of: year).map {
          DayInterval(day: $0.start.adding(days: day - 1))
        }
      case .fixed(let interval): return interval
      case .invalid: return nil
      }
    }
  }
}

extension DayInterval {
  /// ISO 8601 weeks `first` through `last` of a week-numbering year: weeks run Monday to Sunday and week 1
  /// holds the year's first Thursday, so it may start in December of the year before.
  fileprivate static func isoWeeks(_ first: Int, through last: Int, of year: Int) -> DayInterval? {
    // Week 1 of year 1 would start in year 0, the last week of 9999 end in 10000.
    guard (2...9998).contains(year), let january1 = Day(year: year, month: 1, day: 1),
      let january4 = Day(year: year, month: 1, day: 4)
    else { return nil }
    // A year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    let weekday = january1.isoWeekday
    let weeks = weekday == 4 || (weekday == 3 && Day.isLeap(year)) ? 53 : 52
    guard 1 <= first, first <= last, last <= weeks else { return nil }
    let week1 = january4.adding(days: 1 - january4.isoWeekday)
    return DayInterval(start: week1.adding(days: 7 * (first - 1)), end: week1.adding(days: 7 * last - 1))
  }
}
