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
    #expect(Set(Plan2021.intervals.map { $0.text }).isSubset(of: texts))
  }

  /// The embedded plan's status categories are written out; they must be what the status reader makes
  /// of its texts, and every status text of the plan must have one written out.
  @Test func writtenOutCategoriesAreWhatTheStatusReaderReads() {
    for activity in plan.activities {
      #expect(
        activity.status.category == StatusCategory(reading: activity.status.text),
        "\(activity.id): \(activity.status.text)")
    }
    for (text, category) in Plan2021.categories {
      #expect(category == StatusCategory(reading: text), "\(text)")
    }
    #expect(Set(Plan2021.categories.map { $0.text }) == Set(plan.activities.map(\.status.text)))
    #expect(Set(Plan2021.categories.map { $0.text }).count == Plan2021.categories.count)
  }

  /// The embedded plan's actors are written out in their canonical names, as a plan file's are read; the
  /// document's own forms (Kansliet, Styrelsen, alla medlemmar) are among them no more.
  @Test func writtenOutActorsAreCanonical() {
    for row in Plan2021.rows {
      for name in row.who { #expect(Actors.canonical(name) == name, "\(name)") }
    }
    let named = Set(plan.activities.flatMap(\.who))
    #expect(named.isSubset(of: Set(Actors.known)), "\(named.subtracting(Actors.known))")
    #expect(plan.activities.filter { $0.who.contains("Kansli") }.count == 32)
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
