import Testing

@testable import PlanModel

struct EmbeddedPlanTests {
  let plan = Plan.embedded2021

  /// The embedded plan's days are written out; they must be what the time reader makes of its texts.
  @Test func writtenOutDaysAreWhatTheTimeReaderReads() {
    for activity in plan.activities {
      #expect(
        activity.when.interval == SwedishTime.interval(of: activity.when.text, in: plan.timeContext),
        "\(activity.id): \(activity.when.text)")
    }
    let texts = Set(plan.activities.map(\.when.text))
    #expect(Set(Plan2021.intervals.keys).isSubset(of: texts))
  }

  @Test func hasTheFortyFourActivitiesInDocumentOrder() {
    #expect(plan.activities.count == 44)
    #expect(plan.activities.map(\.id) == Array(1...44))
    #expect(plan.activities.filter { $0.direction == plan.metadata.directions[0] }.count == 12)
    #expect(plan.activities.filter { $0.direction == plan.metadata.directions[1] }.count == 14)
    #expect(plan.activities.filter { $0.direction == plan.metadata.directions[2] }.count == 18)
  }

  @Test func metadata() {
    let metadata = plan.metadata
    #expect(metadata.year == 2021)
    #expect(metadata.adopted?.iso == "2021-03-22")
    #expect(metadata.annualMeeting?.iso == "2021-05-28")
    #expect(
      metadata.directions == [
        "Förebild och föregångare", "Pådrivare och opinionsbildare",
        "Kunskapsförmedlare och en arena för erfarenhetsutbyte",
      ])
  }

  /// Rows with an empty Vad cell carry the Vad above them.
  @Test(arguments: [
    (4, "Det internationella miljökommunnätverket ICLEI"), (9, "Argentinska ekokommunnätverket"),
    (12, "Nordamerikanska ekokommunnätverket"), (21, "Svara på remisser"), (23, "Lobbying"),
    (26, "Extern kommunikation"), (28, "Använda webbrummet Ecomuna"),
    (35, "Kontakt mellan medlemmar för ökat erfarenhetsutbyte"),
    (40, "Nyckeltalen"), (42, "Årskonferens"),
  ])
  func continuationRowsCarryTheVadAbove(id: Int, what: String) {
    #expect(plan.activities[id - 1].what == what)
  }

  /// The two rows split by a page break are one activity each.
  @Test func pageBreakRowsAreJoined() {
    let lobbying = plan.activities[22]
    #expect(
      lobbying.how
        == "Styrelsen ska ha en stående punkt på styrelsemöten om omvärldsbevakning kopplat till lobbying.")
    #expect(lobbying.who == ["Styrelse", "Expertgrupp", "Kansli"])
    #expect(lobbying.when.text == "Löpande")
    #expect(lobbying.status.text == "Pågår")
    #expect(lobbying.priority == 1)
    let bth = plan.activities[36]
    #expect(bth.how == "Följa utvecklingen och förmedla resultatet inom samarbetsprojektet med BTH.")
    #expect(bth.status.text == "Pågår – webbinarium genomfört januari 2021")
    #expect(bth.what == "Sprida kunskapen om ”ekokommunmetodik” bland kontaktpersoner i nätverket.")
  }

  @Test func correctionsAreMadeAndListed() {
    #expect(plan.activities[5].who == ["Styrelse", "Kansli", "Intresserade medlemmar"])
    #expect(plan.activities[40].who == ["Kansli", "Värdkommunen"])
    #expect(plan.activities[40].when.text == "28 maj 2021")
    let listed = plan.metadata.corrections.map {
      "\($0.activityID) \($0.field): \($0.original) → \($0.corrected)"
    }
    #expect(listed.contains("6 vem: Styrels → Styrelse"))
    #expect(listed.contains("41 vem: Vårdkommunen → Värdkommunen"))
    #expect(listed.contains("41 när: 28-05-01 → 28 maj 2021"))
  }

  @Test func actorsAreCanonical() {
    let actors = Set(plan.activities.flatMap(\.who))
    #expect(actors.isSubset(of: Set(Actors.known)))
    #expect(plan.activities[3].who == ["Styrelse", "Internationella arbetsgruppen"])
    #expect(plan.activities[11].who == ["Internationella arbetsgruppen", "Alla medlemmar"])
    #expect(plan.activities[29].who == ["Medlemmar", "Kansli"])
  }

  @Test func everyActivityHasAPriorityFromOneToThree() {
    #expect(plan.activities.allSatisfy { (1...3).contains($0.priority ?? 0) })
  }
}

struct ActorTests {
  @Test(arguments: [
    ("Kansliet", "Kansli"), ("kansli", "Kansli"), ("KANSLIET", "Kansli"), ("Styrelsen", "Styrelse"),
    ("Expertgruppen", "Expertgrupp"), ("Medlemmarna", "Medlemmar"),
    ("internationella gruppen", "Internationella arbetsgruppen"), ("alla medlemmar", "Alla medlemmar"),
    (" Ordförande ", "Ordförande"), ("Miljöbarometern", "Miljöbarometern"), ("Revisorerna", "Revisorerna"),
  ])
  func foldsAliases(written: String, canonical: String) {
    #expect(Actors.canonical(written) == canonical)
  }

  @Test func parsesPlanFileLists() {
    #expect(
      Actors.parseList("Kansliet; Styrelsen;;internationella gruppen") == [
        "Kansli", "Styrelse", "Internationella arbetsgruppen",
      ])
    #expect(Actors.parseList("") == [])
  }

  /// The plan readers split `vem` from bytes; they must agree with `Actors.parseList` on any text.
  @Test(arguments: [
    "Kansliet; Styrelsen;;internationella gruppen", " KANSLI ;\u{A0}styrelsen\u{A0}", "a;\u{301}b",
    "Ny aktör; ny aktör", ";;", "\u{2003}Kansli\u{2003}", "Expertgruppen;Kansliet",
  ])
  func plansReadListsAsParseListDoes(_ text: String) throws {
    let quoted = "\"" + text.replacing("\"", with: "\"\"") + "\""
    let csv = "vad,hur,vem,när,status,prio,inriktning\nV,H,\(quoted),maj,Pågår,1,A\n"
    let plan = try PlanFile.parse(bytes: Array(csv.utf8), format: .csv, path: "t.csv")
    #expect(plan.activities[0].who == Actors.parseList(text))
  }
}

struct StatusCategoryTests {
  @Test(arguments: [
    ("Pågår", StatusCategory.ongoing), ("Pågår, delvis klart", .ongoing),
    ("Pågår – webbinarium genomfört januari 2021", .ongoing), ("På gång", .ongoing),
    ("2 genomförda", .ongoing),
    ("Håller kontakten deltar i webinarier.", .ongoing), ("Planering pågår", .planned),
    ("Planeras", .planned),
    ("Planeras vår 2021", .planned),
    ("Planeras i samarbete med Amerikanska nätverket och Argentina", .planned),
    ("Diskuteras", .planned), ("Vilande", .paused), ("Vilande pga Coronapandemi", .paused),
    ("Ej påbörjat", .notStarted), ("Bevakar", .monitoring), ("Efter behov", .asNeeded), ("", .none),
    ("  ", .none), ("Klart", .done), ("Genomfört", .done), ("Oklart läge", .other),
  ])
  func categoryOfEachStatusText(text: String, category: StatusCategory) {
    #expect(StatusText(text: text).category == category)
  }

  /// Whole words only, and nothing beyond them that turns the category around: a negation, "att" after
  /// "klar", a question, an alternative. Wording that may as well mean the future ("Genomförs…") is other.
  @Test(arguments: [
    ("Genomförs ej", StatusCategory.other), ("Genomförs under hösten", .other), ("Genomförs löpande", .other),
    ("Genomförande pågår", .other), ("Klar att starta", .other), ("Klart att påbörja", .other),
    ("Klart för beslut", .other), ("Klartecken från styrelsen", .other), ("Genomfört delvis", .ongoing),
    ("Delvis klart", .ongoing), ("Delvis genomfört", .ongoing), ("Pågår ej", .other),
    ("Pågår inte", .other), ("Pågår inte längre", .other), ("Planeras ej längre", .other),
    ("Vid behov ej", .other), ("Bevakar inte", .other), ("Klart, ej rapporterat", .other),
    ("Ej påbörjat, inte prioriterat", .other), ("Pågår?", .other), ("Klart (?)", .other),
    ("Pågår/klart", .other), ("Vilande eller avslutat", .other), ("Pågick", .other),
    ("Planerades", .other), ("Avslutas i maj", .other), ("Pausas", .other), ("Bevakningsuppdrag", .other),
    ("Vilandeförklarad", .other), ("2021 genomförda", .other), ("Genomförs", .other),
    ("Ej", .other), ("-", .other), ("PÅGÅR", .ongoing), ("Pa\u{030A}går", .ongoing),
    ("Pågående", .ongoing), ("Pågår, men långsamt", .ongoing), ("3 genomförda, 2 kvar", .ongoing),
    ("Fortsätter 2022", .ongoing), ("Under planering", .planned), ("Planerat till hösten", .planned),
    ("Vilar", .paused), ("Pausad tills vidare", .paused), ("Inte påbörjat", .notStarted),
    ("Ej startad", .notStarted), ("Ännu inte påbörjat", .notStarted), ("Inte ännu startat", .notStarted),
    ("Ej påbörjat, planeras till hösten", .notStarted), ("Bevakas", .monitoring), ("Vid behov", .asNeeded),
    ("Avslutat", .done), ("Slutfört 2021", .done), ("Klart, rapport skickad", .done), ("Klart.", .done),
  ])
  func wordsThatDoNotNameTheCategory(text: String, category: StatusCategory) {
    #expect(StatusCategory(reading: text) == category)
  }

  @Test func everyStatusOfThe2021PlanIsUnderstood() {
    #expect(!Plan.embedded2021.activities.contains { $0.status.category == .other })
  }

  @Test(arguments: [
    ("paused", StatusCategory.paused), ("Vilande", .paused), ("NOT STARTED", .notStarted),
    ("ej påbörjad", .notStarted),
  ])
  func namesInEitherLanguage(name: String, category: StatusCategory) {
    #expect(StatusCategory(name: name) == category)
  }
}

struct CollationTests {
  @Test func swedishOrder() {
    let words = ["ödla", "Zebra", "ärlig", "åka", "apa", "Émile", "Eva", "öl", "Ägg", "ett"]
    #expect(
      words.sorted(by: SwedishCollation.precedes) == [
        "apa", "Émile", "ett", "Eva", "Zebra", "åka", "Ägg", "ärlig", "ödla", "öl",
      ])
  }

  @Test func foldingIgnoresCaseButKeepsÅÄÖ() {
    #expect(SwedishCollation.fold("KANSLIET") == "kansliet")
    #expect(SwedishCollation.fold("Årsmöte") == "årsmöte")
    #expect(SwedishCollation.fold("Café") == "cafe")
    #expect(SwedishCollation.fold("a\u{030A}rsmo\u{0308}te") == "årsmöte")
    #expect(SwedishCollation.fold("år") != SwedishCollation.fold("ar"))
  }

  /// `fold` takes shortcuts for ASCII and Latin-1; it must fold as Unicode's own lower-case mapping does,
  /// followed by the letters Swedish sorts as their base letter, on every scalar up to U+024F and on
  /// texts that mix them with decomposed letters, which fold as the composed letters do.
  @Test func foldingAgreesWithUnicodesLowerCase() {
    func reference(_ text: String) -> String {
      var result = String.UnicodeScalarView()
      // Composing decomposed letters (NFC) is the one step taken from the library itself.
      for scalar in CanonicalComposition.composed(text).unicodeScalars {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
          result.append(SwedishCollation.fold(String(lower)).unicodeScalars.first!)
        }
      }
      return String(result)
    }
    for value in UInt32(0x20)...0x24F {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "X" + String(Character(scalar)) + "y"
      let lower = scalar.properties.lowercaseMapping
      let expected = "x" + (lower.unicodeScalars.count == 1 ? SwedishCollation.fold(lower) : lower) + "y"
      #expect(SwedishCollation.fold(text) == expected, "U+\(String(value, radix: 16))")
    }
    for text in [
      "ÅRSMÖTE i Värdkommunen", "A\u{030A}RSMO\u{0308}TE", "Café Émile Über", "ÆØÅ æøå ÀÉÎÕÜ", "×ß",
      "İstanbul",
      "Ǆ ǅ", "a\u{0301}", "KANSLIET; Styrelsen",
    ] {
      #expect(SwedishCollation.fold(text) == reference(text), "\(text)")
    }
  }

  @Test(arguments: [("vemm", "vem"), ("prioo", "prio"), ("inriktnign", "inriktning"), ("nar", "när")])
  func spellingSuggestions(typo: String, suggestion: String) {
    #expect(Spelling.nearest(typo, in: ["vem", "prio", "inriktning", "när", "vad"]) == suggestion)
  }

  @Test func noSuggestionForSomethingElse() {
    #expect(Spelling.nearest("xyz", in: ["vem", "prio"]) == nil)
  }
}

struct DayTests {
  @Test(arguments: [("2021-01-01", 18628), ("1970-01-01", 0), ("2020-02-29", 18321), ("2021-12-31", 18992)])
  func ordinals(iso: String, ordinal: Int32) {
    let day = Day(iso: Substring(iso))
    #expect(day?.ordinal == ordinal)
    #expect(day?.iso == iso)
  }

  @Test func invalidDaysAreRefused() {
    #expect(Day(year: 2021, month: 2, day: 29) == nil)
    #expect(Day(year: 2021, month: 4, day: 31) == nil)
    #expect(Day(year: 2021, month: 13, day: 1) == nil)
    #expect(Day(iso: "2021-5-1") == nil)
  }

  @Test func weekdays() {
    #expect(Day(year: 2021, month: 5, day: 28)?.isoWeekday == 5)  // a Friday
    #expect(Day(year: 2021, month: 1, day: 4)?.isoWeekday == 1)
  }
}
