extension Plan {
  /// Sveriges Ekokommuner's plan for 2021, compiled into the binary so that sekom runs without any file.
  ///
  /// Transcribed from the handlingsplan of "Verksamhetsplan 2021" (version 1, adopted 22 March 2021): 44
  /// activities in document order. Rows whose Vad cell is empty carry the Vad above them; the two rows split
  /// by a page break are joined; extraction errors are corrected and listed in `metadata.corrections`.
  public static let embedded2021: Plan = Plan2021.build()
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

  /// One row as the document has it after correction; `vem` in the document's own words, folded on build.
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
      directions: directions, corrections: corrections, source: "the embedded 2021 plan")
    let context = TimeContext(planYear: metadata.year, annualMeeting: metadata.annualMeeting)
    var intervals: [String: DayInterval?] = [:]
    var activities: [Activity] = []
    activities.reserveCapacity(rows.count)
    for (index, row) in rows.enumerated() {
      if intervals[row.when] == nil { intervals[row.when] = SwedishTime.interval(of: row.when, in: context) }
      activities.append(
        Activity(
          id: index + 1, direction: directions[row.direction], what: row.what, how: row.how,
          who: row.who.map(Actors.canonical), when: WhenText(text: row.when, interval: intervals[row.when]!),
          status: StatusText(text: row.status), priority: row.priority))
    }
    return Plan(metadata: metadata, activities: activities)
  }
}
