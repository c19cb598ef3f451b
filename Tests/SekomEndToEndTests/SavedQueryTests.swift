import Foundation
import Testing

/// The saved queries of `queries/` on the 2021 plan, as the kansli runs them, on a fixed day.
struct SavedQueryTests {
  static var queries: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("queries")
  }

  /// Each query with its arguments and the first column (ids, or values for counts) of its CSV output.
  static let cases: [(file: String, arguments: [String], firstColumn: [String])] = [
    (
      "follow-up.sq", [],
      ["Förebild och föregångare"] + Array(repeating: "Förebild och föregångare", count: 11)
        + Array(repeating: "Pådrivare och opinionsbildare", count: 14)
        + Array(repeating: "Kunskapsförmedlare och en arena för erfarenhetsutbyte", count: 18)
        // No changes in the embedded plan's log; then the prio-1 activities not followed up since the
        // last meeting (the adoption, 22 March), in time order.
        + [
          "1", "42", "5", "33", "23", "24", "27", "30", "35", "38", "40", "19", "41", "25", "29", "43", "15",
          "16", "31",
        ]
    ),
    (
      "kansli-prio1.sq", [],
      ["1", "42", "33", "23", "24", "27", "30", "35", "19", "41", "25", "29", "43", "15", "31"]
    ),
    (
      "actor.sq", ["--param", "vem=Styrelsen"],
      [
        "42", "5", "23", "24", "29", "43", "15", "16", "3", "4", "17", "20", "21", "22", "26", "13", "14",
        "6",
      ]
    ),
    ("paused.sq", [], ["6", "7", "10", "14", "26", "44"]),
    (
      "period.sq", ["--param", "period=2021-10-19"],
      [
        "2", "3", "4", "11", "17", "18", "20", "21", "22", "23", "24", "26", "27", "30", "32", "34", "35",
        "36", "37", "38", "40", "44", "12", "13", "25", "29", "39", "43",
      ]
    ),
    ("before-annual-meeting.sq", [], ["42", "19", "41"]),
    ("overdue.sq", [], ["1", "42", "5", "9", "33", "19", "41"]),
    ("missing.sq", [], ["6", "7", "8", "10", "13", "14", "15", "16", "28", "31"]),
    (
      "counts.sq", [],
      [
        "Alla medlemmar", "Expertgrupp", "Internationella arbetsgruppen", "Intresserade medlemmar", "Kansli",
        "Kontaktjänstepersoner", "Medlemmar", "Miljöbarometern", "Ordförande", "Samarbetspartners",
        "Styrelse", "Värdkommunen", "Förebild och föregångare", "Pådrivare och opinionsbildare",
        "Kunskapsförmedlare och en arena för erfarenhetsutbyte", "ongoing", "planned", "paused",
        "not started", "monitoring", "as needed", "none",
      ]
    ),
  ]

  @Test(arguments: cases)
  func savedQuery(file: String, arguments: [String], firstColumn: [String]) throws {
    let path = Self.queries.appendingPathComponent(file).path
    let run = try SekomProcess.run(
      ["--today", "2021-09-15", "--format", "csv", "--no-header"] + arguments + [path])
    #expect(run.status == 0, "\(run.error)")
    let column = run.output.split(separator: "\n").map { line -> String in
      if line.hasPrefix("\"") { return String(line.dropFirst().prefix { $0 != "\"" }) }
      return String(line.prefix { $0 != "," })
    }
    #expect(column == firstColumn)
  }

  /// A CSV plan file carries no annual meeting: the saved query says that this is what is missing, at
  /// `årsmötet`. A JSON plan's `årsmöte` gives it.
  @Test func beforeTheAnnualMeetingOnPlanFiles() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let query = Self.queries.appendingPathComponent("before-annual-meeting.sq").path
    let csv = folder.appendingPathComponent("plan.csv")
    try SekomProcess.run(["--format", "csv", "-c", "activities"]).output.write(
      to: csv, atomically: true, encoding: .utf8)
    let refused = try SekomProcess.run(["--plan", csv.path, query])
    #expect(refused.status == 1)
    #expect(
      refused.error.hasPrefix(
        "\(query):5:17: error: 'årsmötet' is not a time in this plan: it has no annual meeting date\n"),
      "\(refused.error)")
    #expect(refused.error.contains("note: a CSV plan file carries no metadata"))
    let json = folder.appendingPathComponent("plan.json")
    try """
    {"år": 2021, "årsmöte": "2021-05-28", "aktiviteter": [
      {"id": 42, "inriktning": "Kunskapsförmedlare", "vad": "Årskonferens", "hur": "", "vem": ["Kansli"],
       "när": "Till årsmötet", "status": "På gång", "prio": 1},
      {"id": 43, "inriktning": "Kunskapsförmedlare", "vad": "Höstkonferens", "hur": "", "vem": ["Kansli"],
       "när": "19-20 oktober", "status": "På gång", "prio": 1}]}
    """.write(to: json, atomically: true, encoding: .utf8)
    let answered = try SekomProcess.run(["--plan", json.path, "--format", "csv", "--no-header", query])
    #expect(answered.status == 0, "\(answered.error)")
    #expect(answered.output.hasPrefix("42,"))
    #expect(answered.output.split(separator: "\n").count == 1)
  }

  @Test func everySavedQueryHasAHeaderComment() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.queries.path).filter {
      $0.hasSuffix(".sq")
    }
    #expect(files.count >= 9)
    for file in files {
      let text = try String(contentsOf: Self.queries.appendingPathComponent(file), encoding: .utf8)
      let lines = text.split(separator: "\n")
      #expect(lines.first == "#!/usr/bin/env sekom", "\(file)")
      #expect(lines.dropFirst().first?.hasPrefix("-- ") == true, "\(file)")
      #expect(text.contains("For:"), "\(file)")
      #expect(text.contains("Parameters:"), "\(file)")
    }
  }

  @Test func followUpListAsAMarkdownDocument() throws {
    let run = try SekomProcess.run([
      "--today", "2021-09-15", "--format", "markdown",
      Self.queries.appendingPathComponent("follow-up.sq").path,
    ])
    #expect(run.status == 0)
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "# Uppföljning av verksamhetsplanen")
    #expect(
      lines[2]
        == "Plan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.")
    #expect(
      lines.filter { $0.hasPrefix("## ") } == [
        "## Förebild och föregångare", "## Pådrivare och opinionsbildare",
        "## Kunskapsförmedlare och en arena för erfarenhetsutbyte",
      ])
    #expect(
      lines.filter {
        $0.hasPrefix("| ") && !$0.hasPrefix("| id") && !$0.hasPrefix("| tid") && !$0.hasPrefix("| ---")
      }.count == 44 + 19)
  }

  /// The HTML page read back by a real HTML parser (Python's): the cells' text is the plan's text.
  @Test func followUpListAsAnHTMLPageReadsBackAsThePlan() throws {
    let run = try SekomProcess.run([
      "--today", "2021-09-15", "--format", "html", "--title", "Uppföljning <styrelse> & \"budget\"",
      Self.queries.appendingPathComponent("follow-up.sq").path,
    ])
    #expect(run.status == 0)
    let page = try HTMLPage(run.output)
    #expect(page.isWhole, "\(page)")
    #expect(page.title == "Uppföljning <styrelse> & \"budget\"")
    #expect(page.h2.count == 3)
    // The list by direction, no changes since the last meeting, and the 19 prio-1 activities not followed
    // up since it.
    #expect(page.cells.count == 44 * 7 + 19 * 5)
    #expect(page.cells.contains("Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”"))
    #expect(page.cells.contains("Höstkonferens, 25-årsjubileum"))
    #expect(page.starts["script"] == nil && page.starts["link"] == nil && page.starts["img"] == nil)
  }

  /// Three statements make one document: in markdown three tables apart under the script's title, so that
  /// a renderer sees three tables, not one.
  @Test func countsAsOneMarkdownDocument() throws {
    let run = try SekomProcess.run([
      "--today", "2021-09-15", "--format", "markdown", Self.queries.appendingPathComponent("counts.sq").path,
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(
      run.output == """
        # How the plan's work is spread

        Plan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.

        | vem | antal |
        | --- | ---: |
        | Alla medlemmar | 2 |
        | Expertgrupp | 12 |
        | Internationella arbetsgruppen | 8 |
        | Intresserade medlemmar | 1 |
        | Kansli | 32 |
        | Kontaktjänstepersoner | 1 |
        | Medlemmar | 3 |
        | Miljöbarometern | 1 |
        | Ordförande | 3 |
        | Samarbetspartners | 1 |
        | Styrelse | 18 |
        | Värdkommunen | 1 |

        | inriktning | antal |
        | --- | ---: |
        | Förebild och föregångare | 12 |
        | Pådrivare och opinionsbildare | 14 |
        | Kunskapsförmedlare och en arena för erfarenhetsutbyte | 18 |

        | kategori | antal |
        | --- | ---: |
        | ongoing | 24 |
        | planned | 6 |
        | paused | 6 |
        | not started | 1 |
        | monitoring | 1 |
        | as needed | 3 |
        | none | 3 |

        """)
  }

  /// In HTML one page for the run, each result a section of it.
  @Test func countsAsOneHTMLPage() throws {
    let run = try SekomProcess.run([
      "--today", "2021-09-15", "--format", "html", Self.queries.appendingPathComponent("counts.sq").path,
    ])
    #expect(run.status == 0, "\(run.error)")
    let page = try HTMLPage(run.output)
    #expect(page.isWhole, "\(page)")
    #expect(page.title == "How the plan's work is spread")
    #expect(page.h1 == ["How the plan's work is spread"])
    #expect(page.results == 3)
    #expect(page.cells.count == (12 + 3 + 7) * 2)
    #expect(page.cells.prefix(2) == ["Alla medlemmar", "2"])
    #expect(page.cells.suffix(2) == ["none", "3"])
  }

  /// In JSON one value per statement, each ending in a line end: a stream, as jq reads it.
  @Test func countsAsAJSONStream() throws {
    let run = try SekomProcess.run([
      "--format", "json", Self.queries.appendingPathComponent("counts.sq").path,
    ])
    #expect(run.status == 0, "\(run.error)")
    let reader = """
      import sys, json
      text = sys.stdin.read(); decoder = json.JSONDecoder(); at = 0; values = []
      while text[at:].strip():
          while text[at].isspace(): at += 1
          value, at = decoder.raw_decode(text, at); values.append(value)
      print(json.dumps([[list(entry.values())[0] for entry in value] for value in values]))
      """
    let values = try SekomProcess.runShell(
      "python3 -c '\(reader)'", directory: Self.queries, input: Data(run.output.utf8))
    #expect(values.status == 0, "\(values.error)")
    let firsts = try JSONDecoder().decode([[String]].self, from: Data(values.output.utf8))
    #expect(firsts.map(\.count) == [12, 3, 7])
    #expect(firsts.map(\.first) == ["Alla medlemmar", "Förebild och föregångare", "ongoing"])
  }

  /// A title, by --title or the script's header comment, makes any markdown result a document.
  @Test func overdueWithATitleIsAMarkdownDocument() throws {
    let overdue = Self.queries.appendingPathComponent("overdue.sq").path
    let titled = try SekomProcess.run([
      "--today", "2021-09-15", "--format", "markdown", "--title", "Försenat", overdue,
    ])
    #expect(titled.status == 0, "\(titled.error)")
    let lines = titled.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      Array(lines.prefix(6)) == [
        "# Försenat", "",
        "Plan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.", "",
        "| id | vad | vem | när | status |", "| ---: | --- | --- | --- | --- |",
      ])
    #expect(lines.filter { $0.hasPrefix("| ") }.count == 2 + 7)
    let fromHeader = try SekomProcess.run(["--today", "2021-09-15", "--format", "markdown", overdue])
    #expect(
      fromHeader.output.hasPrefix(
        "# Overdue\n\nPlan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.\n\n| id |"
      ))
  }

  @Test func checkOnTheEmbeddedPlan() throws {
    let run = try SekomProcess.run(["check", "--format", "csv"])
    #expect(run.status == 0)
    let lines = run.output.split(separator: "\n")
    #expect(lines.first == "id,severity,finding,detail")
    #expect(lines.contains("13,problem,no status,the status is empty"))
    #expect(lines.contains("15,problem,no time,när is empty"))
    #expect(lines.contains("6,note,no time on purpose,'Vid behov' names no time"))
    #expect(lines.contains("6,note,corrected,vem: 'Styrels' → 'Styrelse' (last letter lost in the document)"))
    #expect(lines.contains { $0.hasPrefix("41,note,corrected,när: '28-05-01' → '28 maj 2021'") })
    #expect(lines.count == 18)
  }
}
