extension Plan {
  /// Sveriges Ekokommuner's plan for 2021, compiled into the binary so that sekom runs without any file.
  ///
  /// Transcribed from the handlingsplan of "Verksamhetsplan 2021" (version 1, adopted 22 March 2021): 44
  /// activities in document order. Rows whose Vad cell is empty carry the Vad above them; the two rows split
  /// by a page break are joined; extraction errors are corrected and listed in `metadata.corrections`.
  public static let embedded2021: Plan = Plan2021.build()

  /// The embedded plan's `metadata.source`, the words reports name it by.
  public static let embedded2021Source = "the embedded 2021 plan"
}

enum Plan2021 {
  static let directions = [
    "Förebild och föregångare",
    "Pådrivare och opinionsbildare",
    "Kunskapsförmedlare och en arena för erfarenhetsutbyte",
  ]

  static let corrections = [
    Correction(
      activityID: 6, field: "vem", original: "Styrels", corrected: "Styrelse",
      reason: "last letter lost in the document"),
    Correction(
      activityID: 41, field: "vem", original: "Vårdkommunen", corrected: "Värdkommunen",
      reason: "misspelling: the host municipality of the annual meeting"),
    Correction(
      activityID: 41, field: "när", original: "28-05-01", corrected: "28 maj 2021",
      reason: "garbled date: the annual meeting is held 28 May 2021"),
    Correction(
      activityID: 23, field: "hur", original: "Styrelsen ska ha en stående punkt på / styrelsemöten om …",
      corrected:
        "Styrelsen ska ha en stående punkt på styrelsemöten om omvärldsbevakning kopplat till lobbying.",
      reason: "row split by a page break, joined"),
    Correction(
      activityID: 37, field: "hur", original: "Följa utvecklingen och förmedla / resultatet inom …",
      corrected: "Följa utvecklingen och förmedla resultatet inom samarbetsprojektet med BTH.",
      reason: "row split by a page break, joined"),
  ]

  /// The days each `när` text of the plan stands for, as `SwedishTime` reads it in the plan year 2021 with
  /// the annual meeting on 28 May (a test holds the two to each other): written out, so that a query on
  /// the embedded plan does not start by setting up the time reader. Texts not here name no days.
  static let intervals: [(text: String, start: (Int, Int, Int), end: (Int, Int, Int))] = [
    ("Start 2018, beräknas klar våren 2021", (2018, 1, 1), (2021, 6, 30)),
    ("11 maj 2021", (2021, 5, 11), (2021, 5, 11)),
    ("19-20 oktober", (2021, 10, 19), (2021, 10, 20)),
    ("2021", (2021, 1, 1), (2021, 12, 31)),
    ("28 maj 2021", (2021, 5, 28), (2021, 5, 28)),
    ("3 tillfällen planerade under våren", (2021, 1, 1), (2021, 6, 30)),
    ("Hela året", (2021, 1, 1), (2021, 12, 31)),
    ("Hösten 2021", (2021, 8, 1), (2021, 12, 31)),
    ("Klart 2021", (2021, 1, 1), (2021, 12, 31)),
    ("Klart våren 2021", (2021, 1, 1), (2021, 6, 30)),
    ("Löpande", (2021, 1, 1), (2021, 12, 31)),
    ("Till årsmötet", (2021, 1, 1), (2021, 5, 28)),
    ("Vår och höst 2021", (2021, 1, 1), (2021, 12, 31)),
    ("Vår/Höst", (2021, 1, 1), (2021, 12, 31)),
    ("Våren 2021", (2021, 1, 1), (2021, 6, 30)),
  ]

  /// The category of each status text of the plan, as `StatusCategory(reading:)` reads it (a test holds
  /// the two to each other): written out, so that a query on the embedded plan does not start by setting
  /// up the table of status phrases.
  static let categories: [(text: String, category: StatusCategory)] = [
    ("", .none),
    ("2 genomförda", .ongoing),
    ("Bevakar", .monitoring),
    ("Diskuteras", .planned),
    ("Efter behov", .asNeeded),
    ("Ej påbörjat", .notStarted),
    ("Håller kontakten deltar i webinarier.", .ongoing),
    ("Planeras", .planned),
    ("Planeras i samarbete med Amerikanska nätverket och Argentina", .planned),
    ("Planeras vår 2021", .planned),
    ("Planering pågår", .planned),
    ("På gång", .ongoing),
    ("Pågår", .ongoing),
    ("Pågår, delvis klart", .ongoing),
    ("Pågår – webbinarium genomfört januari 2021", .ongoing),
    ("Vilande", .paused),
    ("Vilande pga Coronapandemi", .paused),
  ]

  /// The entry of a written-out table for `text`, found by comparing bytes: the tables hold a few dozen
  /// texts, and hashing Swedish text into a Dictionary costs more at start than comparing it.
  static func entry<Entry>(for text: String, in table: [Entry], _ key: (Entry) -> String) -> Entry? {
    table.first { key($0).utf8.elementsEqual(text.utf8) }
  }

  static func interval(of text: String) -> DayInterval? {
    guard let (_, start, end) = entry(for: text, in: intervals, { $0.text }) else { return nil }
    return DayInterval(
      start: Day(year: start.0, month: start.1, day: start.2)!,
      end: Day(year: end.0, month: end.1, day: end.2)!)
  }

  /// One row as the document has it after correction, `vem` in its canonical names (the document writes
  /// Kansliet, Styrelsen…): written out, as the days are, so that the embedded plan is not folded at every
  /// start; a test holds each name to `Actors.canonical`.
  struct Row {
    var direction: Int
    var what: String
    var how: String
    var who: [String]
    var when: String
    var status: String
    var priority: Int
  }

  static func build() -> Plan {
    let metadata = PlanMetadata(
      title: "Sveriges Ekokommuner – Verksamhetsplan 2021", year: 2021,
      adopted: Day(year: 2021, month: 3, day: 22), annualMeeting: Day(year: 2021, month: 5, day: 28),
      directions: directions, corrections: corrections, source: Plan.embedded2021Source)
    var statuses: [StatusText] = []
    var activities: [Activity] = []
    activities.reserveCapacity(rows.count)
    for (index, row) in rows.enumerated() {
      let status: StatusText
      if let known = entry(for: row.status, in: statuses, { $0.text }) {
        status = known
      } else {
        let category =
          entry(for: row.status, in: categories, { $0.text })?.category ?? StatusCategory(reading: row.status)
        status = StatusText(text: row.status, category: category)
        statuses.append(status)
      }
      activities.append(
        Activity(
          id: index + 1, direction: directions[row.direction], what: row.what, how: row.how,
          who: row.who,
          when: WhenText(text: row.when, interval: interval(of: row.when)),
          status: status, priority: row.priority))
    }
    return Plan(metadata: metadata, activities: activities)
  }
}
