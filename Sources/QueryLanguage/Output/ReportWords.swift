import PlanModel

/// Every word sekom writes around the plan's data in results and reports, in each `ReportLanguage`: one
/// table, so that a report never mixes the languages and a new phrase is written in both. The field names
/// (`vad`, `vem`, `antal`) and the month names are the language's own and Swedish in both.
public struct ReportWords: Sendable {
  public let language: ReportLanguage

  public init(_ language: ReportLanguage = .en) { self.language = language }

  // MARK: Results

  /// A table's footer: "(15 activities)".
  func activityFooter(_ n: Int) -> String { "(\(activities(n)))\n" }

  /// "(3 changes)", "(3 ändringar)": the footer of the log's rows.
  func changeFooter(_ n: Int) -> String {
    switch language {
    case .en: n == 1 ? "(1 change)\n" : "(\(n) changes)\n"
    case .sv: n == 1 ? "(1 ändring)\n" : "(\(n) ändringar)\n"
    }
  }

  /// "1 activity", "15 activities".
  func activities(_ n: Int) -> String {
    switch language {
    case .en: n == 1 ? "1 activity" : "\(n) activities"
    case .sv: n == 1 ? "1 aktivitet" : "\(n) aktiviteter"
    }
  }

  /// An empty group value where people read it.
  var emptyValue: String {
    switch language {
    case .en: "(none)"
    case .sv: "(tomt)"
    }
  }

  /// A status category's name in results; both are accepted in queries, so either reads back.
  public func category(_ category: StatusCategory) -> String {
    switch language {
    case .en: category.name
    case .sv: category.swedishName
    }
  }

  /// The timeline's heading over the activities that have no interval.
  var noTimeGiven: String {
    switch language {
    case .en: "No time given:"
    case .sv: "Utan angiven tid:"
    }
  }

  /// The timeline's reason for an activity without an interval when `när` has no text at all.
  var whenIsEmpty: String {
    switch language {
    case .en: "när is empty"
    case .sv: "när är tom"
    }
  }

  /// A report's byline: "Plan: …. Made 2021-09-15."
  func byline(planTitle: String, planSource: String, made: Day) -> String {
    switch language {
    case .en: "Plan: \(planTitle) (\(planSource)). Made \(made.iso)."
    case .sv: "Plan: \(planTitle) (\(self.planSource(planSource))). Skapad \(made.iso)."
    }
  }

  /// Where a plan came from: a file's path as it is; the embedded plan in words.
  public func planSource(_ source: String) -> String {
    switch language {
    case .en: source
    case .sv: source == Plan.embedded2021Source ? "den inbyggda planen för 2021" : source
    }
  }

  // MARK: sekom check

  public var checkHeaders: [String] {
    switch language {
    case .en: ["id", "severity", "finding", "detail"]
    case .sv: ["id", "allvar", "fynd", "detalj"]
    }
  }

  public func severity(_ severity: PlanCheck.Finding.Severity) -> String {
    switch (language, severity) {
    case (.en, _): severity.rawValue
    case (.sv, .problem): "problem"
    case (.sv, .note): "notering"
    }
  }

  public func finding(_ kind: PlanCheck.Finding.Kind) -> String {
    switch language {
    case .en: return kind.rawValue
    case .sv:
      switch kind {
      case .missingStatus: return "ingen status"
      case .missingTime: return "ingen tid"
      case .timeNotUnderstood: return "tiden oförstådd"
      case .noTimeOnPurpose: return "ingen tid med avsikt"
      case .unknownStatus: return "status oförstådd"
      case .missingActor: return "ingen vem"
      case .unknownActor: return "okänd aktör"
      case .missingDirection: return "ingen inriktning"
      case .undeclaredDirection: return "inriktning ej angiven i planen"
      case .missingPriority: return "ingen prio"
      case .priorityOutOfRange: return "prio utanför 1–3"
      case .repeatedID: return "upprepat id"
      case .correction: return "rättat"
      case .outsideTheLog: return "utanför loggen"
      }
    }
  }

  /// A finding's detail; in Swedish made from its texts. A correction's reason is the plan's own text
  /// (its `skäl`), kept as written.
  public func detail(_ finding: PlanCheck.Finding) -> String {
    let texts = finding.texts
    func text(_ index: Int) -> String { index < texts.count ? texts[index] : "" }
    func nearest(_ index: Int) -> String { index < texts.count ? "; menar du '\(texts[index])'?" : "" }
    switch language {
    case .en: return finding.message
    case .sv:
      switch finding.kind {
      case .missingStatus: return "status är tom"
      case .missingTime: return "när är tom"
      case .timeNotUnderstood: return "'\(text(0))' ger inget intervall"
      case .noTimeOnPurpose: return "'\(text(0))' anger ingen tid"
      case .unknownStatus: return "'\(text(0))' passar ingen statuskategori"
      case .missingActor: return "vem är tom"
      case .unknownActor: return "'\(text(0))' är ingen känd aktör" + nearest(1)
      case .missingDirection: return "inriktning är tom"
      case .undeclaredDirection: return "'\(text(0))' är inte en av planens inriktningar" + nearest(1)
      case .missingPriority: return "prio är tom"
      case .priorityOutOfRange: return "prio är \(text(0))"
      case .repeatedID: return "id \(text(0)) används av aktivitet nr \(text(1)) och nr \(text(2))"
      case .correction: return "\(text(0)): '\(text(1))' → '\(text(2))' (\(reason(text(3))))"
      case .outsideTheLog: return outsideTheLog(texts)
      }
    }
  }

  /// A difference between a plan and its log, in Swedish, from its texts (the last is its kind).
  func outsideTheLog(_ texts: [String]) -> String {
    func text(_ index: Int) -> String { index < texts.count ? texts[index] : "" }
    switch Plan.LogDiscrepancy.Kind(rawValue: texts.last ?? "") {
    case .fieldOfMissingActivity?:
      return "loggen ändrar \(text(0)) \(text(1)), men planen har inte aktiviteten då"
    case .fieldChanged?:
      return
        "\(text(0)) är '\(text(1))' där loggens senaste ändring (\(text(2))) gav '\(text(3))': ändrad utanför sekom"
    case .addedButMissing?:
      return "loggen lägger till aktiviteten \(text(0)), men planen har den inte: borttagen utanför sekom"
    case .removedButThere?:
      return "loggen tar bort aktiviteten \(text(0)), men planen har den: tillagd igen utanför sekom"
    case nil: return texts.dropLast().joined(separator: "; ")
    }
  }

  /// A correction's reason, in Swedish when it is one sekom's importer writes ("row split by a page
  /// break, joined"); any other reason is the plan's own text and kept as written.
  func reason(_ text: String) -> String {
    if let known = ReportWords.swedishReasons[text] { return known }
    if text.hasPrefix(ReportWords.misspelling) {
      let what = String(text.dropFirst(ReportWords.misspelling.count))
      let actor = what.hasPrefix("the actor ") ? "aktören " + what.dropFirst("the actor ".count) : nil
      return "felstavning: " + (ReportWords.swedishDescriptions[what] ?? actor ?? what)
    }
    if text.hasPrefix(ReportWords.garbledDate) {
      let date = text.dropFirst(ReportWords.garbledDate.count).split(separator: " ").map { word in
        MonthNames.english.firstIndex(of: String(word)).map { MonthNames.swedish[$0] }
          ?? String(word)
      }
      return "förvanskat datum: årsmötet hålls " + date.joined(separator: " ")
    }
    return text
  }

  private static let swedishReasons = [
    "last letter lost in the document": "sista bokstaven saknades i dokumentet",
    "last letters lost in the document": "sista bokstäverna saknades i dokumentet",
    "row split by a page break, joined": "raden delad av en sidbrytning, sammanfogad",
  ]
  private static let misspelling = "misspelling: "
  private static let garbledDate = "garbled date: the annual meeting is held "
  /// The actors as the importer's reasons describe them (`ActorSplitter`), in Swedish.
  private static let swedishDescriptions = [
    "the secretariat": "kansliet",
    "the board": "styrelsen",
    "the chair of the board": "styrelsens ordförande",
    "the expert group": "expertgruppen",
    "the international working group": "den internationella arbetsgruppen",
    "the member municipalities and regions": "medlemskommunerna och -regionerna",
    "all the members": "alla medlemmar",
    "the members who take an interest": "de intresserade medlemmarna",
    "the members' contact officials": "medlemmarnas kontaktjänstepersoner",
    "the association's partners": "föreningens samarbetspartner",
    "the key-figure service Miljöbarometern": "nyckeltalstjänsten Miljöbarometern",
    "the host municipality of the annual meeting": "årsmötets värdkommun",
  ]

  /// The footer of `check`'s table: "(3 problems and 2 notes in FILE)".
  public func checkFooter(problems: Int, notes: Int, source: String) -> String {
    switch language {
    case .en:
      "(\(problems) problem\(problems == 1 ? "" : "s") and \(notes) note\(notes == 1 ? "" : "s") in \(source))"
    case .sv:
      "(\(problems) problem och \(notes) notering\(notes == 1 ? "" : "ar") i \(planSource(source)))"
    }
  }

  // MARK: sekom diff

  public var diffHeaders: [String] {
    switch language {
    case .en: ["id", "vad", "change", "was", "now"]
    case .sv: ["id", "vad", "ändring", "före", "efter"]
    }
  }

  public func change(_ kind: PlanDiff.Change.Kind) -> String {
    switch (language, kind) {
    case (.en, _): kind.rawValue
    case (.sv, .added): "tillagd"
    case (.sv, .removed): "borttagen"
    case (.sv, .changed): "ändrad"
    }
  }

  /// The footer of `diff`'s table: "(4 changes)".
  public func diffFooter(_ n: Int) -> String {
    switch language {
    case .en: "(\(n) change\(n == 1 ? "" : "s"))"
    case .sv: "(\(n) ändring\(n == 1 ? "" : "ar"))"
    }
  }
}
