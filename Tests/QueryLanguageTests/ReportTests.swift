import PlanModel
import Testing

@testable import QueryLanguage

/// Reports for the meeting papers: markdown documents, HTML pages and the timeline.
struct ReportTests {
  static let document = DocumentInfo(
    title: "Uppföljning <styrelsemöte> & \"test\"", planTitle: Plan.embedded2021.metadata.title,
    planSource: "the embedded 2021 plan", planYear: 2021, made: Day(year: 2021, month: 9, day: 15)!)

  static func render(_ query: String, _ format: OutputFormat, width: Int? = nil) throws -> String {
    ResultWriter.render(
      try EvaluationTests.result(query), as: format, options: OutputOptions(width: width, document: document))
  }

  @Test func markdownDocumentHasTitleBylineAndAHeadingPerGroup() throws {
    let text = try Self.render("activities where prio = 3 select id, vad group by inriktning", .markdown)
    #expect(
      text == """
        # Uppföljning \\<styrelsemöte\\> \\& "test"

        Plan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.

        ## Förebild och föregångare

        | id | vad |
        | ---: | --- |
        | 6 | Chilenska ekokommunnätverket |
        | 7 | Planerat projekt med städer i Sydamerika. |
        | 10 | Etiopiska ekokommunnätverket |

        """)
  }

  /// The real plan with texts that CommonMark or GitHub would read as markup put in place of some `vad`s.
  static let markupPlan: Plan = {
    var plan = Plan.embedded2021
    let texts = [
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "*em* and __strong__", "[l](http://x)",
      "`code` ~~struck~~ $x$", "&lt; &amp; \\ back | pipe", "Höstkonferens, 25-årsjubileum (del 1). Klart!",
      "rad 1\nrad 2 #", "se https://www.sekom.se/om_oss#mer och www.ex.se/a_b~c?x=1&y=2 eller a_b",
    ]
    for (index, text) in texts.enumerated() { plan.activities[index].what = text }
    return plan
  }()

  /// Markup in plan texts is escaped with backslashes, in cells and in headings; ordinary punctuation
  /// is left as written, and web addresses stay links. (Checked by hand with cmark-gfm, GitHub's renderer,
  /// and markdown-it-py: each cell renders as its text.)
  @Test func markdownEscapesWhatWouldBeMarkup() throws {
    let result = try EvaluationTests.result("activities where id <= 9 select id, vad", plan: Self.markupPlan)
    #expect(
      ResultWriter.render(result, as: .markdown) == ##"""
        | id | vad |
        | ---: | --- |
        | 1 | \<script\>alert(1)\</script\> |
        | 2 | \<img src=x onerror=alert(1)\> |
        | 3 | \*em\* and \_\_strong\_\_ |
        | 4 | \[l\](http://x) |
        | 5 | \`code\` \~\~struck\~\~ \$x\$ |
        | 6 | \&lt; \&amp; \\ back \| pipe |
        | 7 | Höstkonferens, 25-årsjubileum (del 1). Klart! |
        | 8 | rad 1<br>rad 2 \# |
        | 9 | se https://www.sekom.se/om_oss#mer och www.ex.se/a_b~c?x=1&y=2 eller a\_b |

        """##)
    let grouped = try EvaluationTests.result(
      "activities where id in (1, 4) select id group by vad", plan: Self.markupPlan)
    let headings = ResultWriter.render(
      grouped, as: .markdown, options: OutputOptions(document: Self.document)
    )
    .split(separator: "\n").filter { $0.hasPrefix("#") }
    #expect(
      headings == [
        #"# Uppföljning \<styrelsemöte\> \& "test""#, #"## \<script\>alert(1)\</script\>"#,
        #"## \[l\](http://x)"#,
      ])
  }

  /// The results of a run in one place: markdown tables apart by a blank line, and so is other text, the
  /// title written once; an HTML page closed by a result in another format.
  @Test func aRunsResultsMakeOneDocument() throws {
    var document = ResultDocument()
    let options = OutputOptions(document: Self.document)
    let counts = try EvaluationTests.result("activities where prio = 3 count by kategori")
    let total = try EvaluationTests.result("activities where prio = 3 count")
    let text =
      document.render(counts, as: .markdown, options: options) + document.text("$vem = Kansli\n")
      + document.render(total, as: .markdown, options: options) + document.close()
    #expect(
      text == #"""
        # Uppföljning \<styrelsemöte\> \& "test"

        Plan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.

        | kategori | antal |
        | --- | ---: |
        | paused | 3 |

        $vem = Kansli

        3

        """#)
    var page = ResultDocument()
    let html = page.render(total, as: .html, options: options) + page.text("<$vem>\n")
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    #expect(
      html.hasSuffix(
        "<section class=\"result\">\n<p class=\"count\">3</p>\n</section>\n<pre class=\"message\">&lt;$vem&gt;\n</pre>\n"
      ))
    #expect(page.render(total, as: .csv, options: options) == "</body>\n</html>\n3\n")
    #expect(page.close() == "")
  }

  @Test func aCountIsAnHTMLPage() throws {
    let html = try Self.render("activities count", .html)
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    #expect(
      html.hasSuffix("<section class=\"result\">\n<p class=\"count\">44</p>\n</section>\n</body>\n</html>\n"))
  }

  @Test func htmlEscapesEveryText() throws {
    let html = try Self.render("activities where id = 1 select id, vad group by inriktning", .html)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
    #expect(html.contains("<title>Uppföljning &lt;styrelsemöte&gt; &amp; &quot;test&quot;</title>"))
    #expect(html.contains("<h2>Förebild och föregångare</h2>"))
    #expect(html.contains("<td>Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”</td>"))
    #expect(!html.contains("http"))
  }

  /// The timeline at the widths of each kind of month label: names in cells of four or more, numbers in
  /// cells of three (ma and ju would not say which month), every other number in cells of two. Each month
  /// is a cell of the same size, days placed within it.
  static let timelines: [(width: Int, chart: [String])] = [
    (
      100,
      [
        "id  vad                                 jan  feb  mar  apr  maj  jun  jul  aug  sep  okt  nov  dec",
        " 5  Utvärdera Sekoms internationella …  ██████████████████████████████·    ·    ·    ·    ·    ·",
        "41  Årskonferens                        ·    ·    ·    ·    ·   █·    ·    ·    ·    ·    ·    ·",
        "43  Höstkonferens, 25-årsjubileum       ·    ·    ·    ·    ·    ·    ·    ·    ·    · ██ ·    ·",
      ]
    ),
    (
      78,
      [
        "id  vad                       jan feb mar apr maj jun jul aug sep okt nov dec",
        " 5  Utvärdera Sekoms intern…  ████████████████████████·   ·   ·   ·   ·   ·",
        "41  Årskonferens              ·   ·   ·   ·   ·  █·   ·   ·   ·   ·   ·   ·",
        "43  Höstkonferens, 25-årsju…  ·   ·   ·   ·   ·   ·   ·   ·   ·   · █ ·   ·",
      ]
    ),
    (
      70,
      [
        "id  vad                           1  2  3  4  5  6  7  8  9  10 11 12",
        " 5  Utvärdera Sekoms internatio…  ██████████████████·  ·  ·  ·  ·  ·",
        "41  Årskonferens                  ·  ·  ·  ·  · █·  ·  ·  ·  ·  ·  ·",
        "43  Höstkonferens, 25-årsjubile…  ·  ·  ·  ·  ·  ·  ·  ·  ·  ·█ ·  ·",
      ]
    ),
    (
      60,
      [
        "id  vad                             1   3   5   7   9   11",
        " 5  Utvärdera Sekoms internatione…  ████████████· · · · · ·",
        "41  Årskonferens                    · · · · ·█· · · · · · ·",
        "43  Höstkonferens, 25-årsjubileum   · · · · · · · · · ·█· ·",
      ]
    ),
  ]

  @Test(arguments: timelines)
  func timelineAtAWidth(width: Int, chart: [String]) throws {
    let text = try Self.render("activities where id in (5, 15, 41, 43) timeline", .timeline, width: width)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(Array(lines.prefix(4)) == chart)
    #expect(lines.prefix(4).allSatisfy { $0.count <= width })
    #expect(lines.suffix(2) == ["No time given:", "15  Samverka med Klimatkommunerna (när is empty)"])
  }

  @Test func theTimelineClauseChoosesTheFormat() throws {
    let statement = try ParserTests.statement("activities where id = 43 timeline")
    let checked = try Checker(plan: .embedded2021, parameters: [:]).check(statement)
    #expect(checked.timeline)
    #expect(ASTPrinter.print(statement) == "activities where id = 43 timeline")
  }

  @Test func todayIsADay() throws {
    let statement = try ParserTests.statement("activities where slut < today and kategori != done select id")
    let checked = try Checker(plan: .embedded2021, parameters: [:], today: Day(year: 2021, month: 6, day: 1)!)
      .check(statement)
    let rows = try Evaluator(plan: .embedded2021).run(checked)
    guard case .activities(_, _, let activities) = rows else {
      Issue.record("expected activities")
      return
    }
    #expect(activities.map(\.id) == [19, 41, 42])
  }

  /// The first comment with words among a script's first ten lines that are not empty, up to a colon.
  @Test(
    arguments: [
      ("#!/usr/bin/env sekom\n-- Uppföljning av planen.\n-- More.\nactivities", "Uppföljning av planen"),
      ("activities -- x", nil),
      ("\n\n\n\n\n\n\n\n\n\n\n\n# Styrelsemöte: allt som pågår\nactivities", "Styrelsemöte"),
      ("--\n#\n-- ...\n# Hösten  \nactivities", "Hösten"),
      (String(repeating: "--\n", count: 10) + "-- Too late\nactivities", nil),
      (String(repeating: "--\n", count: 9) + "-- In time\nactivities", "In time"),
      ("-- Sista raden", "Sista raden"),
      ("-- Rapport\r\n-- mer\r\nactivities where prio = 1\r\n", "Rapport"),
      ("", nil),
    ] as [(String, String?)])
  func headerTitleComesFromTheScriptsFirstComment(text: String, title: String?) {
    #expect(Session.headerTitle(of: SourceText(name: "f.sq", text: text)) == title)
  }
}
