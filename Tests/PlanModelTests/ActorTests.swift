import Testing

@testable import PlanModel

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
