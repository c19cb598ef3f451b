import Testing

@testable import PlanModel

/// The 2021 plan: Y = 2021, the annual meeting on 28 May 2021.
private let plan2021 = TimeContext(planYear: 2021, annualMeeting: Day(year: 2021, month: 5, day: 28))
/// A later plan without a known annual meeting.
private let plan2022 = TimeContext(planYear: 2022)

/// The interval as "start..end", even for a single day, so that expectations spell out both ends.
private func read(_ text: String, _ context: TimeContext) -> String? {
  SwedishTime.interval(of: text, in: context).map { "\($0.start.iso)..\($0.end.iso)" }
}

/// Every distinct När text of the 2021 plan, as the embedded plan has it after correction.
private let texts2021: [(String, String?)] = [
  ("Start 2018, beräknas klar våren 2021", "2018-01-01..2021-06-30"),
  ("Löpande", "2021-01-01..2021-12-31"),
  ("Klart 2021", "2021-01-01..2021-12-31"),
  ("Klart våren 2021", "2021-01-01..2021-06-30"),
  ("Vid behov", nil),
  ("Vilande pga Coronapandemin", nil),
  ("3 tillfällen planerade under våren", "2021-01-01..2021-06-30"),
  ("Vilande", nil),
  ("Hösten 2021", "2021-08-01..2021-12-31"),
  ("Bevaka", nil),
  ("", nil),
  ("11 maj 2021", "2021-05-11..2021-05-11"),
  ("Vår/Höst", "2021-01-01..2021-12-31"),
  ("Delvis genomfört", nil),
  ("2021", "2021-01-01..2021-12-31"),
  ("Våren 2021", "2021-01-01..2021-06-30"),
  ("Hela året", "2021-01-01..2021-12-31"),
  ("Vår och höst 2021", "2021-01-01..2021-12-31"),
  ("28 maj 2021", "2021-05-28..2021-05-28"),
  ("Till årsmötet", "2021-01-01..2021-05-28"),
  ("19-20 oktober", "2021-10-19..2021-10-20"),
]

struct SwedishTimeTests {
  @Test(arguments: texts2021)
  func plan2021Texts(text: String, expected: String?) {
    #expect(read(text, plan2021) == expected)
  }

  /// The table above covers the embedded plan, and the plan holds what the reader reads.
  @Test func embeddedPlanMatchesTheTable() {
    let plan = Plan.embedded2021
    let expected = Dictionary(uniqueKeysWithValues: texts2021)
    for activity in plan.activities {
      let text = activity.when.text
      #expect(expected.keys.contains(text), "\(text) is missing from the 2021 table")
      #expect(activity.when.interval.map { "\($0.start.iso)..\($0.end.iso)" } == expected[text] ?? nil)
    }
  }

  /// Periods of the seasons, months, days and the "Klart X" family, in the rules' own examples.
  @Test(
    arguments: [
      ("hösten", "2022-08-01..2022-12-31"),
      ("Sommaren", "2022-06-01..2022-08-31"),
      ("sommar 2023", "2023-06-01..2023-08-31"),
      ("vår", "2022-01-01..2022-06-30"),
      ("Vårterminen 2023", "2023-01-01..2023-06-30"),
      ("höstterminen", "2022-08-01..2022-12-31"),
      ("HT 2023", "2023-08-01..2023-12-31"),
      ("  HÖSTEN   2021. ", "2021-08-01..2021-12-31"),
      ("VÅREN 2023!", "2023-01-01..2023-06-30"),
      ("Ho\u{0308}sten 2021", "2021-08-01..2021-12-31"),
      ("vecka\u{00A0}37", "2022-09-12..2022-09-18"),
      ("Résumé under hösten", "2022-08-01..2022-12-31"),
      ("Våren och hösten", "2022-01-01..2022-12-31"),
      ("Hösten 2022 och våren 2023", "2022-08-01..2023-06-30"),
      ("maj", "2022-05-01..2022-05-31"),
      ("oktober", "2022-10-01..2022-10-31"),
      ("okt", "2022-10-01..2022-10-31"),
      ("okt.", "2022-10-01..2022-10-31"),
      ("februari 2024", "2024-02-01..2024-02-29"),
      ("maj 2022", "2022-05-01..2022-05-31"),
      ("Maj och juni", "2022-05-01..2022-06-30"),
      ("maj, juni och augusti", "2022-05-01..2022-08-31"),
      ("11 maj", "2022-05-11..2022-05-11"),
      ("den 3 juni 2023", "2023-06-03..2023-06-03"),
      ("19–20 oktober", "2022-10-19..2022-10-20"),
      ("19 oktober–3 november", "2022-10-19..2022-11-03"),
      ("19 oktober - 3 november 2023", "2023-10-19..2023-11-03"),
      ("29 februari 2024", "2024-02-29..2024-02-29"),
      ("Klart hösten 2022", "2022-01-01..2022-12-31"),
      ("Senast 11 maj", "2022-01-01..2022-05-11"),
      ("senast maj 2022", "2022-01-01..2022-05-31"),
      ("TILL sommaren", "2022-01-01..2022-08-31"),
      ("Klart 2023", "2022-01-01..2023-12-31"),
      ("Klart 2021", "2021-01-01..2021-12-31"),
      ("Klart senast i oktober", "2022-01-01..2022-10-31"),
      ("Till och med juni", "2022-01-01..2022-06-30"),
      ("t.o.m. vecka 10", "2022-01-01..2022-03-13"),
      ("Från 2018 till våren 2021", "2018-01-01..2021-06-30"),
      ("Start hösten 2022, klart våren 2023", "2022-08-01..2023-06-30"),
      ("från maj till juni", "2022-05-01..2022-06-30"),
      ("Maj–augusti", "2022-05-01..2022-08-31"),
      ("2021-2023", "2021-01-01..2023-12-31"),
      ("hösten 2022 – våren 2023", "2022-08-01..2023-06-30"),
      ("Möten under hösten", "2022-08-01..2022-12-31"),
      ("Enkät skickas under 2023", "2023-01-01..2023-12-31"),
      ("Löpande 2023", "2023-01-01..2023-12-31"),
      ("Löpande, med fokus på hösten", "2022-08-01..2022-12-31"),
      ("Hela året 2023", "2023-01-01..2023-12-31"),
      ("under året", "2022-01-01..2022-12-31"),
      ("Året runt", "2022-01-01..2022-12-31"),
      ("Rapport till styrelsen hösten 2022", "2022-08-01..2022-12-31"),
      ("Hösten 2023 (3 tillfällen)", "2023-08-01..2023-12-31"),
      ("Måndag 11 maj kl. 13.00", "2022-05-11..2022-05-11"),
      ("20 maj – 2 juni 2023", "2023-05-20..2023-06-02"),
      ("december 2022 – januari 2023", "2022-12-01..2023-01-31"),
      ("Från vecka 10 till vecka 12", "2022-03-07..2022-03-27"),
      ("Sommar/höst", "2022-06-01..2022-12-31"),
    ] as [(String, String?)])
  func periods(text: String, expected: String?) {
    #expect(read(text, plan2022) == expected)
  }

  @Test(
    arguments: [
      ("Till årsmötet", "2021-01-01..2021-05-28"),
      ("till årsmöte", "2021-01-01..2021-05-28"),
      ("senast årsmötet", "2021-01-01..2021-05-28"),
      ("Klart till årsmötet 2021", "2021-01-01..2021-05-28"),
      ("Vid årsmötet", "2021-05-28..2021-05-28"),
      ("Från hösten 2020 till årsmötet", "2020-08-01..2021-05-28"),
      ("Klart hösten 2020", "2020-08-01..2020-12-31"),
      ("Senast vecka 53 2020", "2021-01-01..2021-01-03"),
      ("årsmöte 2022", nil),
    ] as [(String, String?)])
  func annualMeetingAndEndsAroundThePlanYear(text: String, expected: String?) {
    #expect(read(text, plan2021) == expected)
  }

  @Test func annualMeetingUnknown() {
    #expect(read("Till årsmötet", plan2022) == nil)
    #expect(read("Årsmötet", plan2022) == nil)
    // What a message says is missing then.
    #expect(["Till årsmötet", "ÅRSMÖTET", "vid årsmöte 2022"].allSatisfy(SwedishTime.namesAnnualMeeting))
    #expect(
      !["hösten 2021", "Vid behov", "årsmötesprotokoll", ""].contains(where: SwedishTime.namesAnnualMeeting))
  }

  /// ISO 8601 weeks: Monday to Sunday, week 1 holds the first Thursday.
  @Test(
    arguments: [
      ("vecka 1 2021", "2021-01-04..2021-01-10"),
      ("vecka 53 2020", "2020-12-28..2021-01-03"),
      ("vecka 1 2020", "2019-12-30..2020-01-05"),
      ("v. 1 2026", "2025-12-29..2026-01-04"),
      ("v53 2026", "2026-12-28..2027-01-03"),
      ("vecka 52 2021", "2021-12-27..2022-01-02"),
      ("vecka 37", "2022-09-12..2022-09-18"),
      ("v. 37", "2022-09-12..2022-09-18"),
      ("v 37", "2022-09-12..2022-09-18"),
      ("v37", "2022-09-12..2022-09-18"),
      ("V37 2021", "2021-09-13..2021-09-19"),
      ("vecka 37 2021", "2021-09-13..2021-09-19"),
      ("vecka 37-39", "2022-09-12..2022-10-02"),
      ("veckorna 37–39 2022", "2022-09-12..2022-10-02"),
      ("vecka 37 - vecka 39", "2022-09-12..2022-10-02"),
      ("vecka 52 2022 – vecka 2 2023", "2022-12-26..2023-01-15"),
    ] as [(String, String?)])
  func weeks(text: String, expected: String?) {
    #expect(read(text, plan2022) == expected)
  }

  /// Week 1 starts on the Monday of the week holding the first Thursday, and a year's last week is 52 or
  /// 53 so that the week after it is week 1 of the next year.
  @Test(arguments: 1990...2040)
  func weekNumberingIsContinuous(year: Int) throws {
    let context = TimeContext(planYear: year)
    let first = try #require(SwedishTime.interval(of: "vecka 1 \(year)", in: context))
    let next = try #require(SwedishTime.interval(of: "vecka 1 \(year + 1)", in: context))
    let thursday = first.start.adding(days: 3)
    #expect(first.start.isoWeekday == 1 && first.end == first.start.adding(days: 6))
    #expect(thursday.year == year && thursday.components.day <= 7)
    let last =
      SwedishTime.interval(of: "vecka 53 \(year)", in: context)
      ?? SwedishTime.interval(of: "vecka 52 \(year)", in: context)
    #expect(last?.end.adding(days: 1) == next.start)
  }

  @Test(
    arguments: [
      ("kvartal 2", "2022-04-01..2022-06-30"),
      ("Q2", "2022-04-01..2022-06-30"),
      ("q4 2023", "2023-10-01..2023-12-31"),
      ("Q2 2022", "2022-04-01..2022-06-30"),
      ("kv 2", "2022-04-01..2022-06-30"),
      ("kv. 3", "2022-07-01..2022-09-30"),
      ("kvartal 1-2", "2022-01-01..2022-06-30"),
      ("Q2–Q3", "2022-04-01..2022-09-30"),
      ("andra kvartalet", "2022-04-01..2022-06-30"),
      ("fjärde kvartalet 2023", "2023-10-01..2023-12-31"),
      ("tertial 1", "2022-01-01..2022-04-30"),
      ("tertial 2", "2022-05-01..2022-08-31"),
      ("tertial 3", "2022-09-01..2022-12-31"),
      ("T1", "2022-01-01..2022-04-30"),
      ("T3 2023", "2023-09-01..2023-12-31"),
      ("första tertialet", "2022-01-01..2022-04-30"),
      ("första halvåret", "2022-01-01..2022-06-30"),
      ("andra halvåret", "2022-07-01..2022-12-31"),
      ("Andra halvåret 2023", "2023-07-01..2023-12-31"),
      ("halvår 1", "2022-01-01..2022-06-30"),
      ("halvår 2", "2022-07-01..2022-12-31"),
      ("H2", "2022-07-01..2022-12-31"),
    ] as [(String, String?)])
  func partsOfTheYear(text: String, expected: String?) {
    #expect(read(text, plan2022) == expected)
  }

  /// ISO forms, and the texts a query gives as values.
  @Test(
    arguments: [
      ("2022-05-11", "2022-05-11..2022-05-11"),
      ("2024-02-29", "2024-02-29..2024-02-29"),
      ("2022-05", "2022-05-01..2022-05-31"),
      ("2021-05-11", "2021-05-11..2021-05-11"),
      ("2021-05", "2021-05-01..2021-05-31"),
      ("2021", "2021-01-01..2021-12-31"),
      ("hösten 2021", "2021-08-01..2021-12-31"),
      ("2022-05-11 – 2022-05-13", "2022-05-11..2022-05-13"),
      ("Senast 2022-06-30", "2022-01-01..2022-06-30"),
      ("Möte 2022-09-14", "2022-09-14..2022-09-14"),
    ] as [(String, String?)])
  func isoForms(text: String, expected: String?) {
    #expect(read(text, plan2022) == expected)
  }

  /// Forms read only when their meaning is certain: ISO quarters, weeks and week days, the year-first
  /// date with dots or slashes, a day written as an ordinal; and times of day, counts and ordinals beside
  /// a period, which do not change its days.
  @Test(
    arguments: [
      ("2021-Q2", "2021-04-01..2021-06-30"),
      ("2021-q4", "2021-10-01..2021-12-31"),
      ("Senast 2021-Q3", "2021-01-01..2021-09-30"),
      ("2021-W20", "2021-05-17..2021-05-23"),
      ("2021-w01", "2021-01-04..2021-01-10"),
      ("2020-W53", "2020-12-28..2021-01-03"),
      ("2021-W20-3", "2021-05-19..2021-05-19"),
      ("2020-W53-7", "2021-01-03..2021-01-03"),
      ("2021-W20 – 2021-W22", "2021-05-17..2021-06-06"),
      ("Klart 2021-W20", "2021-01-01..2021-05-23"),
      ("2021.05.11", "2021-05-11..2021-05-11"),
      ("2021/05/11", "2021-05-11..2021-05-11"),
      ("2021-05-11/2021-05-13", "2021-05-11..2021-05-13"),
      ("11:e maj", "2021-05-11..2021-05-11"),
      ("1:a maj 2022", "2022-05-01..2022-05-01"),
      ("den 3:e juni", "2021-06-03..2021-06-03"),
      ("19:e–20:e oktober", "2021-10-19..2021-10-20"),
      ("31:a maj", "2021-05-31..2021-05-31"),
      ("2018–våren 2021", "2018-01-01..2021-06-30"),
      ("sommaren/hösten", "2021-06-01..2021-12-31"),
      ("11 maj 13:00–15:00", "2021-05-11..2021-05-11"),
      ("Kl 9-12 den 11 maj", "2021-05-11..2021-05-11"),
      ("3:e mötet under hösten", "2021-08-01..2021-12-31"),
      ("3-4 tillfällen under våren", "2021-01-01..2021-06-30"),
      ("Hösten 2021. 3 tillfällen", "2021-08-01..2021-12-31"),
    ] as [(String, String?)])
  func certainForms(text: String, expected: String?) {
    #expect(read(text, plan2021) == expected)
  }

  /// Near misses of the forms above, and texts where something the reader does not read stands beside a
  /// period it reads: a number, a code, a period it does not know, an alternative.
  @Test(arguments: [
    "2021-Q5", "2021-Q0", "2021-Q22", "Q5", "2021 Q2", "2021-W54", "2021-W53", "2021-W00", "2021-W5",
    "2021-W20-8", "2021-W20-0", "2021-W", "W20", "W20 under hösten", "KW20 möte under hösten", "2021-X2",
    "2021.13.01", "2021.02.30", "2021.05", "2021.05/11", "11.05.2021", "11:e", "den 11:e", "11:x maj",
    "2020-talet", "Under 2020-talet", "2021-Q", "vecka 54", "31 april", "2021-13", "Hösten/vintern",
    "Vintern/våren",
    "Under hösten och vintern", "Hösten/jul", "hösten 2021 eller våren 2022", "Hösten eller vid behov",
    "Hösten eller när det passar", "vecka 20 eller 21", "Möte 2 under hösten", "Agenda 2030 under hösten",
    "kl. 25.00 11 maj", "11 maj 13", "Hösten, 5", "Sensommaren 2021",
  ])
  func notCertain(text: String) {
    #expect(read(text, plan2021) == nil)
  }

  /// Texts that name no interval, or none the reader can know without guessing.
  @Test(arguments: [
    "", "   ", "Någon gång", "Vid behov", "Bevaka", "Vilande", "Vilande till hösten 2022", "Delvis genomfört",
    "Efter sommaren", "Före jul", "Till jul", "I början av 2022", "Slutet av maj", "mitten av oktober",
    "Inte under 2022", "31 april", "30 februari 2021", "29 februari 2022", "2021-02-30", "2021-13",
    "2021-00-10", "vecka 54", "vecka 53 2021", "vecka 0", "kvartal 5", "tertial 4", "halvår 3",
    "fjärde halvåret", "Våren 2021 eller hösten 2022", "Hösten 2021. Våren 2022", "juni–maj",
    "20-19 oktober", "hösten -21", "hösten '21", "vt21", "Kvartal 2, 2022", "maj 11", "vecka 37, 38 och 39",
    "v 37/38", "Agenda 2030",
    "3 tillfällen", "1000 kr", "28-05-01", "11/5", "Start 2018", "Från och med hösten", "Klart",
    "Hösten 2022, klart våren 2023", "Vintern", "Försommaren 2022", "Q", "vecka", "v", "kv",
    "Senast efter sommaren",
  ])
  func noInterval(text: String) {
    #expect(read(text, plan2022) == nil)
  }

  @Test func longTextsAreReadInOnePass() {
    let filler = String(repeating: "och möten med medlemmar 3 gånger ", count: 5_000)
    #expect(read(filler + "under hösten", plan2022) == "2022-08-01..2022-12-31")
    #expect(read(String(repeating: "till och ", count: 5_000), plan2022) == nil)
  }
}
