import PlanModel
import Testing

@testable import QueryLanguage

/// Each format on real results of the 2021 plan.
struct OutputTests {
  static func render(_ query: String, _ format: OutputFormat, _ options: OutputOptions = .init()) throws
    -> String
  {
    ResultWriter.render(try EvaluationTests.result(query), as: format, options: options)
  }

  @Test func table() throws {
    #expect(
      try Self.render("activities where id in (19, 41) select id, vad, vem, när", .table) == """
         id │ vad            │ vem                                              │ när
        ────┼────────────────┼──────────────────────────────────────────────────┼────────────
         19 │ Hållbar kommun │ Ordförande, Kansli, Samarbetspartners, Medlemmar │ 11 maj 2021
         41 │ Årskonferens   │ Kansli, Värdkommunen                             │ 28 maj 2021
        (2 activities)

        """)
  }

  /// On a terminal a table fits the width, long texts wrapped inside their column.
  @Test func tableFittedToTheTerminal() throws {
    let text = try Self.render(
      "activities where id = 2 select id, vad, när", .table, OutputOptions(width: 40, expanded: .off))
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(
      text == """
         id │ vad                      │ när
        ────┼──────────────────────────┼────────
          2 │ Delta i projektet        │ Löpande
            │ ”Hållbar kommun- och     │
            │ regionsutveckling”       │
            │ tillsammans med Blekinge │
            │ Tekniska Högskola        │
        (1 activity)

        """)
  }

  @Test func csvQuotesWhatNeedsIt() throws {
    #expect(
      try Self.render("activities where id in (1, 43) select id, vad, vem, status", .csv) == """
        id,vad,vem,status
        1,Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”,Ordförande; Kansli,Pågår
        43,"Höstkonferens, 25-årsjubileum",Styrelse; Kansli,På gång

        """)
    #expect(
      try Self.render("activities where id = 43 select vad", .csv, OutputOptions(header: false))
        == "\"Höstkonferens, 25-årsjubileum\"\n")
  }

  @Test func tsv() throws {
    #expect(
      try Self.render("activities where id = 43 select id, vad, prio", .tsv)
        == "id\tvad\tprio\n43\tHöstkonferens, 25-årsjubileum\t1\n")
  }

  @Test func jsonGivesWholeActivitiesUnlessSelected() throws {
    #expect(
      try Self.render("activities where id = 41", .json) == """
        [
          {
            "id": 41,
            "inriktning": "Kunskapsförmedlare och en arena för erfarenhetsutbyte",
            "vad": "Årskonferens",
            "hur": "På grund av coronapandemin genomförs själva årsmötet digitalt.",
            "vem": ["Kansli", "Värdkommunen"],
            "när": "28 maj 2021",
            "status": "På gång",
            "kategori": "ongoing",
            "prio": 1,
            "start": "2021-05-28",
            "slut": "2021-05-28",
            "kommentar": ""
          }
        ]

        """)
    #expect(
      try Self.render("activities where id in (15, 43) select id, start", .json) == """
        [
          {
            "id": 15,
            "start": null
          },
          {
            "id": 43,
            "start": "2021-10-19"
          }
        ]

        """)
  }

  @Test func markdown() throws {
    #expect(
      try Self.render("activities where prio = 3 select id, vad group by kategori", .markdown) == """
        ## kategori: paused

        | id | vad |
        | ---: | --- |
        | 6 | Chilenska ekokommunnätverket |
        | 7 | Planerat projekt med städer i Sydamerika. |
        | 10 | Etiopiska ekokommunnätverket |

        """)
  }

  @Test func countsInEachFormat() throws {
    let query = "activities where prio = 1 count by inriktning"
    #expect(
      try Self.render(query, .csv) == """
        inriktning,antal
        Förebild och föregångare,2
        Pådrivare och opinionsbildare,6
        Kunskapsförmedlare och en arena för erfarenhetsutbyte,11

        """)
    #expect(try Self.render("activities count", .json) == "44\n")
    #expect(try Self.render("activities count", .table) == "44\n")
    #expect(
      try Self.render("activities where id = 1 count by vem", .json) == """
        [
          {"vem": "Kansli", "antal": 1},
          {"vem": "Ordförande", "antal": 1}
        ]

        """)
  }

  /// A group with no value: an empty field in CSV and TSV; in JSON the value an activity holds ("" for an
  /// empty text, null for no date), numbers for prio; "(none)" where people read it.
  static let emptyValues: [(query: String, format: OutputFormat, expected: String)] = [
    ("activities where status is empty count by status", .csv, "status,antal\n,3\n"),
    ("activities where status is empty count by status", .tsv, "status\tantal\n\t3\n"),
    ("activities where status is empty count by status", .json, "[\n  {\"status\": \"\", \"antal\": 3}\n]\n"),
    (
      "activities where status is empty count by status", .table,
      " status │ antal\n────────┼──────\n (none) │     3\n"
    ),
    (
      "activities where status is empty count by status", .markdown,
      "| status | antal |\n| --- | ---: |\n| (none) | 3 |\n"
    ),
    ("activities where id in (15, 16) count by när", .csv, "när,antal\n,2\n"),
    ("activities where id in (15, 16) count by start", .json, "[\n  {\"start\": null, \"antal\": 2}\n]\n"),
    ("activities where prio = 3 count by prio", .json, "[\n  {\"prio\": 3, \"antal\": 3}\n]\n"),
    (
      "activities where id in (1, 15) select id group by när", .csv,
      "när,id\n\"Start 2018, beräknas klar våren 2021\",1\n,15\n"
    ),
    ("activities where id = 15 select id group by när", .table, "när: (none)\n id\n───\n 15\n(1 activity)\n"),
    (
      "activities where id = 15 select id group by slut", .json,
      "[\n  {\n    \"slut\": null,\n    \"aktiviteter\": [\n      {\n        \"id\": 15\n      }\n    ]\n  }\n]\n"
    ),
  ]

  @Test(arguments: emptyValues)
  func emptyGroupValues(query: String, format: OutputFormat, expected: String) throws {
    #expect(try Self.render(query, format) == expected)
  }

  @Test func emptyGroupValuesInHTML() throws {
    let html = try Self.render("activities where id in (15, 16) count by status", .html)
    #expect(html.contains("<tr><td>(none)</td><td class=\"number\">2</td></tr>"))
    let groups = try Self.render("activities where id = 15 select id group by när", .html)
    #expect(groups.contains("<h2>(none)</h2>"))
  }
}

struct HelpTextTests {
  /// `.help` names every kind of value, the time words and typographic quotes included.
  @Test(arguments: [
    "’text’", "”text”", "today (idag)", "årsmötet (the plan's annual meeting)", "när not before",
  ])
  func helpNames(text: String) {
    #expect(HelpText.help(commands: []).contains(text))
  }
}
