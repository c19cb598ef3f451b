/// What a status text means, whatever its wording, so that the board can ask for all paused or all planned
/// activities. The language calls it `kategori`.
///
/// | category      | Swedish form | status texts of that kind                                            |
/// |---------------|--------------|----------------------------------------------------------------------|
/// | `ongoing`     | pågår        | Pågår…, På gång, "2 genomförda", "Håller kontakten…", Delvis klart    |
/// | `planned`     | planerad     | Planeras…, Planerat, Planering pågår, Diskuteras                     |
/// | `paused`      | vilande      | Vilande…, Vilar, Pausad                                              |
/// | `not started` | ej påbörjad  | Ej påbörjat, Inte startat, Ännu inte påbörjat                        |
/// | `monitoring`  | bevakar      | Bevakar, Bevakas                                                     |
/// | `as needed`   | vid behov    | Efter behov, Vid behov                                               |
/// | `done`        | klar         | Klart, Genomfört, Avslutat, Slutfört                                 |
/// | `none`        | ingen        | empty                                                                |
/// | `other`       | övrig        | any text not understood ("Pågår ej", "Genomförs…", "Klar att…"); it  |
/// |               |              | is never guessed                                                     |
public enum StatusCategory: String, CaseIterable, Sendable {
  case ongoing
  case planned
  case paused
  case notStarted = "not started"
  case monitoring
  case asNeeded = "as needed"
  case done
  case none
  case other

  /// The name the language and the output use.
  public var name: String { rawValue }

  /// The Swedish name, accepted in queries as well.
  public var swedishName: String {
    switch self {
    case .ongoing: "pågår"
    case .planned: "planerad"
    case .paused: "vilande"
    case .notStarted: "ej påbörjad"
    case .monitoring: "bevakar"
    case .asNeeded: "vid behov"
    case .done: "klar"
    case .none: "ingen"
    case .other: "övrig"
    }
  }

  /// The category for a name as a user may write it: English or Swedish, any case, the Swedish also
  /// without its accents (`pagar`, `ovrig`), as keywords are.
  public init?(name: String) {
    guard let found = StatusCategory.byName[StatusCategory.unaccented(SwedishCollation.fold(name))] else {
      return nil
    }
    self = found
  }

  /// Every category by its English name and its Swedish one without accents; no two names are alike.
  private static let byName: [String: StatusCategory] = Dictionary(
    uniqueKeysWithValues: allCases.flatMap { [($0.rawValue, $0), (unaccented($0.swedishName), $0)] })

  private static func unaccented(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          switch scalar {
          case "å", "ä": "a"
          case "ö": "o"
          default: scalar
          }
        }))
  }

  /// The category of a status text, read from its first words as whole words; what follows them is a
  /// remark ("Pågår, delvis klart"). A text whose first words are no category's, or that a word or sign
  /// beyond them may turn around ("Pågår ej", "Klar att starta", "Pågår?", "Pågår/klart"), is `other`.
  public init(reading text: String) {
    let folded = SwedishCollation.fold(text)
    let words = StatusCategory.words(of: folded)
    guard let first = words.first else {
      self = folded.trimmingSpaces.isEmpty ? .none : .other
      return
    }
    // The longest phrase that opens the text: "ej påbörjat" before a phrase of one word.
    guard
      let (rest, category) = StatusCategory.phrases[first]?.first(where: { rest, _ in
        words.dropFirst().starts(with: rest)
      })
    else {
      self = .other
      return
    }
    let length = rest.count + 1
    let after = words.dropFirst(length)
    // "Klar att starta", "Klart för beslut": ready to start, not done.
    if StatusCategory.readiness.contains(words[length - 1]), let next = after.first,
      next == "att" || next == "för"
    {
      self = .other
      return
    }
    // An alternative right after the category ("Pågår/klart", "Vilande eller avslutat"), a negation beyond
    // its own words ("Pågår ej", "Planeras ej längre") or a question leaves the text not understood.
    if let next = after.first, next == "/" || next == "eller" {
      self = .other
      return
    }
    if words.contains("?") || after.contains(where: StatusCategory.negations.contains) {
      self = .other
      return
    }
    self = category
  }

  /// The words of a folded text; a run of up to three digits is "#" (a count: "2 genomförda"), a longer
  /// one "####", and "/" and "?" are words of their own. Other signs only separate.
  private static func words(of folded: String) -> [Substring] {
    var words: [Substring] = []
    var start: String.Index? = nil
    var digits = 0
    func end(at index: String.Index) {
      if let start { words.append(folded[start..<index]) }
      start = nil
      if digits > 0 { words.append(digits <= 3 ? "#" : "####") }
      digits = 0
    }
    for index in folded.unicodeScalars.indices {
      let scalar = folded.unicodeScalars[index]
      if scalar.properties.isAlphabetic {
        if digits > 0 { end(at: index) }
        if start == nil { start = index }
      } else if ("0"..."9").contains(scalar) {
        if start != nil { end(at: index) }
        digits += 1
      } else {
        end(at: index)
        if scalar == "/" || scalar == "?" { words.append(scalar == "/" ? "/" : "?") }
      }
    }
    end(at: folded.endIndex)
    return words
  }

  /// The words that say "not"; all but "aldrig" also open "ej påbörjat" and its kin.
  private static let negations: Set<Substring> = ["ej", "inte", "icke", "aldrig"]
  /// Words of being done (from `done` below) that also mean being ready for something.
  private static let readiness: Set<Substring> = ["klar", "klart", "färdig", "färdigt"]

  /// The phrases that name a category, folded and split into words.
  private static let categoryPhrases: [(StatusCategory, [[String]])] = {
    let done = [
      "klart", "klar", "genomfört", "genomförd", "avslutad", "avslutat", "slutförd", "slutfört", "färdig",
      "färdigt", "avklarat", "avklarad",
    ]
    let started = ["påbörjad", "påbörjat", "påbörjats", "startad", "startat", "startats"]
    let notStarted = negations.subtracting(["aldrig"]).sorted().map(String.init).flatMap { no in
      started.flatMap { [[no, $0], [no, "ännu", $0], ["ännu", no, $0]] }
    }
    return [
      // Partly done is still going on: "Delvis klart", "Genomfört delvis"; and so is a count of what is
      // done so far, "2 genomförda".
      (
        .ongoing,
        [
          ["pågår"], ["pågående"], ["på", "gång"], ["fortsätter"], ["håller", "kontakten"],
          ["håller", "kontakt"],
        ]
          + [["#", "genomförda"], ["#", "klara"], ["#", "avklarade"]]
          + done.flatMap { [["delvis", $0], [$0, "delvis"]] }
      ),
      (
        .planned,
        [["planeras"], ["planerad"], ["planerat"], ["planering"], ["under", "planering"], ["diskuteras"]]
      ),
      (.paused, [["vilande"], ["vilar"], ["pausad"], ["pausat"]]),
      (.notStarted, notStarted),
      (.monitoring, [["bevakar"], ["bevakas"], ["bevaka"], ["bevakning"]]),
      (.asNeeded, [["efter", "behov"], ["vid", "behov"]]),
      (.done, done.map { [$0] }),
    ]
  }()

  /// The phrases by their first word, the rest of each longest first.
  private static let phrases: [Substring: [(rest: [Substring], category: StatusCategory)]] = {
    var phrases: [Substring: [(rest: [Substring], category: StatusCategory)]] = [:]
    for (category, list) in categoryPhrases {
      for phrase in list {
        phrases[Substring(phrase[0]), default: []].append((phrase[1...].map { Substring($0) }, category))
      }
    }
    return phrases.mapValues { $0.sorted { $0.rest.count > $1.rest.count } }
  }()
}
