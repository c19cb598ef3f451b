import PlanModel
import Testing

@testable import QueryLanguage

/// Run without a way to stop it, a condition on a large plan is tested on both halves at once, each
/// half with a test of its own: the rows found, and their order, must be those of one pass.
struct FilterHalvesTests {
  static let plan: Plan = {
    let actors = [["Kansli"], ["Styrelse", "Kansli"], [], ["Ordförande"]]
    let activities = (1...70_001).map { id in
      Activity(
        id: id, direction: id % 3 == 0 ? "Pådrivare" : "Förebild", what: "Vad \((id * 7919) % 997)",
        how: "Hur \(id % 13)", who: actors[id % 4], when: WhenText(text: "", interval: nil),
        status: StatusText(text: id % 5 == 0 ? "Klart" : "Pågår"), priority: id % 7 == 0 ? nil : id % 3 + 1)
    }
    return Plan(
      metadata: PlanMetadata(
        title: "Test", year: 2021, directions: ["Förebild", "Pådrivare"], source: "test"),
      activities: activities)
  }()

  @Test(arguments: [
    "activities where vem contains Kansli and prio = 1 select id",
    "activities where vad contains '99' or hur = 'Hur 4' order by vad select id",
    "activities where not (status = Klart) and inriktning > Förebild select id, inriktning",
    "activities where prio is empty count by vem",
    "activities where vem = Ordförande and kategori = done group by hur select id",
  ])
  func bothHalvesFindWhatOnePassFinds(statement: String) throws {
    let checked = try InterruptionTests.checked(statement, on: Self.plan)
    let halves = try #require(try Evaluator(plan: Self.plan).run(checked, interrupted: nil))
    let onePass = try #require(try Evaluator(plan: Self.plan).run(checked, interrupted: { false }))
    let (a, b) = (ResultWriter.render(halves, as: .csv), ResultWriter.render(onePass, as: .csv))
    #expect(a == b)
    #expect(a.split(separator: "\n").count > 2)
  }
}

/// A large CSV or TSV result is written in two halves at once: the bytes must be those of one pass.
struct DelimitedHalvesTests {
  @Test(arguments: [DelimitedWriter.Style.csv, .tsv])
  func aLargeResultIsWrittenAsInOnePass(style: DelimitedWriter.Style) throws {
    let rows = FilterHalvesTests.plan.activities
    let columns: [Field] = [.id, .what, .how, .who, .status, .priority]
    let whole = DelimitedWriter(style: style, header: true).render(
      .activities(columns: columns, selected: true, rows: rows))
    var pieces = DelimitedWriter(style: style, header: true).render(
      .activities(columns: columns, selected: true, rows: []))
    for start in stride(from: 0, to: rows.count, by: 10_000) {
      pieces += DelimitedWriter(style: style, header: false).render(
        .activities(
          columns: columns, selected: true, rows: Array(rows[start..<min(start + 10_000, rows.count)])))
    }
    #expect(rows.count >= 1 << 16)
    #expect(whole == pieces)
    #expect(whole.split(separator: "\n").count == rows.count + 1)
  }
}

/// The CSV and TSV writers copy stored texts and ids as bytes: each cell must still be the field's text.
struct DelimitedCellTests {
  @Test func everyCellIsTheFieldsText() {
    var rows = [
      Activity(
        id: -12, direction: "Förebild, \"föregångare\"", what: "Vad å", how: "", who: ["Kansli", "Styrelse"],
        when: WhenText(
          text: "Hösten 2021",
          interval: DayInterval(start: Day(iso: "2021-09-01")!, end: Day(iso: "2021-12-31")!)),
        status: StatusText(text: "Klart"), priority: nil),
      Activity(
        id: 0, direction: "", what: "e\u{301}", how: "Hur", who: [], when: WhenText(text: "", interval: nil),
        status: StatusText(text: ""), priority: 3),
      Activity(
        id: Int.max, direction: "Pådrivare", what: "", how: "”citat”", who: ["Ordförande"],
        when: WhenText(text: "Löpande", interval: nil), status: StatusText(text: "Pågår"), priority: -1),
    ]
    rows[1].comment = "Följs upp i maj"
    let words = ReportWords()
    for field in Field.allCases {
      let text = DelimitedWriter(style: .tsv, header: false).render(
        .activities(columns: [.id, field], selected: true, rows: rows))
      let cells = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
        $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      }
      let expected = rows.map { [String($0.id), Cells.text(field, words: words, actorSeparator: "; ")($0)] }
      #expect(cells == expected, "\(field.name)")
    }
  }
}
