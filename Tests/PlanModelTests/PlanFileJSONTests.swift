import Testing

@testable import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

struct PlanFileJSONTests {
  static let full = """
    {
      "titel": "Verksamhetsplan 2021", "år": 2021, "fastställd": "2021-03-22", "årsmöte": "2021-05-28",
      "inriktningar": ["Förebild och föregångare", "Pådrivare och opinionsbildare"],
      "aktiviteter": [
        {"id": 1, "inriktning": "Förebild och föregångare", "vad": "Delta i SIS", "hur": "Ordförandeskap",
         "vem": ["Ordförande", "Kansliet"], "när": "Start 2018, beräknas klar våren 2021", "status": "Pågår",
         "prio": 1},
        {"id": 4, "inriktning": "Pådrivare och opinionsbildare", "vad": "SKR", "hur": "Ta initiativ",
         "vem": "Kansliet; Styrelsen", "när": "Hösten 2021", "status": "", "prio": null,
         "kategori": "none", "start": "2021-09-01", "slut": null}
      ]
    }
    """

  @Test func readsAPlanWithMetadata() throws {
    let plan = try PlanFileTesting.read(Self.full, .json, year: nil)
    #expect(plan.metadata.title == "Verksamhetsplan 2021")
    #expect(plan.metadata.year == 2021)
    #expect(plan.metadata.adopted == Day(year: 2021, month: 3, day: 22))
    #expect(plan.metadata.annualMeeting == Day(year: 2021, month: 5, day: 28))
    #expect(plan.metadata.directions == ["Förebild och föregångare", "Pådrivare och opinionsbildare"])
    #expect(plan.metadata.source == "plan.json")
    #expect(
      plan.activities.map(PlanRow.init) == [
        PlanRow(
          1, "Förebild och föregångare", "Delta i SIS", "Ordförandeskap", ["Ordförande", "Kansli"],
          "Start 2018, beräknas klar våren 2021", "Pågår", 1),
        PlanRow(
          4, "Pådrivare och opinionsbildare", "SKR", "Ta initiativ", ["Kansli", "Styrelse"], "Hösten 2021",
          "",
          nil),
      ])
  }

  @Test func theYearOptionWinsAndTheMeetingIsInTheContext() throws {
    var contexts: [TimeContext] = []
    let plan = try PlanFile.parse(
      bytes: Array(Self.full.utf8), format: .json, path: "p.json", options: PlanReadOptions(year: 2022)
    ) { _, context in
      contexts.append(context)
      return nil
    }
    #expect(plan.metadata.year == 2022)
    #expect(
      contexts
        == Array(
          repeating: TimeContext(planYear: 2022, annualMeeting: Day(year: 2021, month: 5, day: 28)), count: 2)
    )
  }

  @Test func readsATopLevelArrayOfActivities() throws {
    let text = """
      \u{FEFF} [
        {"Inriktning": "A", "VAD": "v1", "hur": "h1", "vem": [], "nar": "Våren 2023", "status": "Planeras",
         "prio": 2},
        {"inriktning": "B", "vad": "v2", "hur": "h2", "vem": null, "när": "Löpande", "status": "Pågår",
         "prio": 3}
      ]
      """
    let plan = try PlanFileTesting.read(text, .json, year: nil)
    #expect(plan.activities.map(\.id) == [1, 2])
    #expect(plan.activities.map(\.when.text) == ["Våren 2023", "Löpande"])
    #expect(plan.activities.map(\.who) == [[], []])
    #expect(plan.metadata.year == 2023)
    #expect(plan.metadata.directions == ["A", "B"])
    #expect(plan.metadata.title == "plan")
  }

  @Test func decodesEscapes() throws {
    let text = #"""
      [{"inriktning": "A", "vad": "S\u00e4ger \"hej\"\n\ttv\u00E5", "hur": "\ud83c\udf31 \/ \\",
        "vem": ["Kansli"], "när": "", "status": "", "prio": -3}]
      """#
    let plan = try PlanFileTesting.read(text, .json)
    #expect(plan.activities[0].what == "Säger \"hej\"\n\ttvå")
    #expect(plan.activities[0].how == "🌱 / \\")
    #expect(plan.activities[0].priority == -3)
  }

  static let activity = #""inriktning": "A", "vad": "v", "hur": "h", "vem": [], "när": "n", "status": "s""#

  static let refused: [RefusedFile] = [
    RefusedFile("empty file", " \n", line: nil, says: "the file is empty: a JSON plan file holds an object"),
    RefusedFile("a string at the top", "\n\"plan\"", line: 2, says: "found the string 'plan'"),
    RefusedFile(
      "trailing garbage", "{\"aktiviteter\": []}\n\n}", line: 3, says: "'}' after the end of the plan"),
    RefusedFile(
      "two plans", "[]\n[]", line: 2, says: "an array after the end of the plan"),
    RefusedFile(
      "deep nesting in an ignored key",
      "[{\(activity), \"prio\": 1,\n\"kategori\": " + String(repeating: "[", count: 100_000) + "}]", line: 2,
      says: "the JSON nests deeper than 64 levels"),
    RefusedFile(
      "deep nesting at the top", String(repeating: "[", count: 1_000_000), line: 1,
      says: "an activity is an object; found an array"),
    RefusedFile(
      "deep objects", "{\"aktiviteter\": [{\"start\":" + String(repeating: "{\"a\":", count: 70), line: 1,
      says: "deeper than 64"),
    RefusedFile(
      "missing comma", "[{\(activity)\n \"prio\": 1}]", line: 2, says: "expected ',' or '}' after a value"),
    RefusedFile("trailing comma", "[{\(activity), \"prio\": 1},\n]", line: 2, says: "a ',' before ']'"),
    RefusedFile(
      "unknown key with a suggestion", "[{\(activity),\n \"stauts\": 1, \"prio\": 1}]", line: 2,
      field: "stauts",
      says: "no such key in an activity; did you mean 'status'?"),
    RefusedFile(
      "unknown metadata key", "{\n\"titlel\": \"x\", \"aktiviteter\": []}", line: 2, field: "titlel",
      says: "did you mean 'titel'?"),
    RefusedFile(
      "unknown key without one", "[{\"ansvarig\": \"x\"}]", line: 1, field: "ansvarig",
      says: "the keys are id, inriktning, vad, hur, vem, när, status, prio"),
    RefusedFile(
      "prio a string", "[{\(activity),\n\"prio\": \"hög\"}]", line: 2, field: "prio",
      says: "expected a whole number or null; found the string 'hög'"),
    RefusedFile(
      "prio a fraction", "[{\(activity), \"prio\": 1.5}]", line: 1, field: "prio", says: "1.5 is not"),
    RefusedFile(
      "vem a number", "[{\"vem\": 5}]", line: 1, field: "vem",
      says: "expected an array of names; found the number 5"),
    RefusedFile(
      "vem holds a number", "[{\"vem\": [\"Kansli\", 5]}]", line: 1, field: "vem", says: "expected a string"),
    RefusedFile(
      "vad a number", "[{\"vad\": 12}]", line: 1, field: "vad", says: "expected a string; found the number 12"
    ),
    RefusedFile("id a fraction", "[{\"id\": 1.5}]", line: 1, field: "id", says: "1.5 is not a whole number"),
    RefusedFile("id zero", "[{\"id\": 0}]", line: 1, field: "id", says: "0 is not a positive whole number"),
    RefusedFile(
      "repeated id", "[{\"id\": 2, \(activity), \"prio\": 1},\n {\"id\": 2, \(activity), \"prio\": 1}]",
      line: 2,
      field: "id", says: "id 2 is used twice, on line 1 and on this line"),
    RefusedFile(
      "missing key",
      "[\n {\"id\": 2, \"inriktning\": \"A\", \"vad\": \"v\", \"hur\": \"h\", \"vem\": [], \"när\": \"n\","
        + "\n \"prio\": 1}]", line: 2, field: "status", says: "activity 1 lacks this key"),
    RefusedFile(
      "repeated key", "[{\"vad\": \"a\",\n\"Vad\": \"b\"}]", line: 2, field: "vad", says: "appears twice"),
    RefusedFile("år a string", "{\"år\": \"2021\"}", line: 1, field: "år", says: "expected a whole number"),
    RefusedFile("år out of range", "{\"år\": 21}", line: 1, field: "år", says: "21 is not a plan year"),
    RefusedFile(
      "date not ISO", "{\"fastställd\": \"22 mars 2021\"}", line: 1, field: "fastställd",
      says: "'22 mars 2021' is not a date written as 2021-05-28"),
    RefusedFile(
      "no activities", "{\n  \"titel\": \"x\"\n}", line: 1, field: "aktiviteter",
      says: "the plan has no activities"),
    RefusedFile("unclosed string", "[{\"vad\": \"abc}]", line: 1, says: "never closed"),
    RefusedFile(
      "line break in a string", "[{\"vad\": \"a\nb\"}]", line: 1, says: "a line break inside a string"),
    RefusedFile("bad escape", "[{\"vad\": \"a\\qb\"}]", line: 1, says: "unknown escape '\\q'"),
    RefusedFile("lone surrogate", "[{\"vad\": \"a\\ud800b\"}]", line: 1, says: "half of a surrogate pair"),
    RefusedFile("NUL escape", "[{\"vad\": \"a\\u0000\"}]", line: 1, says: "NUL"),
    RefusedFile(
      "string too long", "[{\"hur\":\n \"" + String(repeating: "ö", count: 40_000) + "\"}]", line: 2,
      says: "the string is 80,000 bytes long; at most 65,536 are accepted"),
    RefusedFile("malformed number", "[{\"prio\": 01}]", line: 1, says: "a malformed number"),
    RefusedFile("bare word", "[{\"prio\": hög}]", line: 1, says: "unexpected 'h'; expected a JSON value"),
    RefusedFile(
      "invalid UTF-8", Array("[\n{\"vad\": \"".utf8) + [0xC3, 0x28, 0x22, 0x7D, 0x5D], line: 2,
      says: "UTF-8"),
    RefusedFile("NUL byte", Array("[\n\n".utf8) + [0], line: 3, says: "NUL"),
  ]

  @Test(arguments: refused)
  func refuses(_ file: RefusedFile) {
    let error = PlanFileTesting.error(file.bytes, .json)
    #expect(error?.path == "plan.json")
    #expect(error?.line == file.line)
    #expect(error?.field == file.field)
    #expect(error?.message.contains(file.says) == true, "\(error?.description ?? "read")")
  }

  @Test func errorsGiveTheColumn() {
    let error = PlanFileTesting.error(Array("[{\"vad\": 12}]".utf8), .json)
    #expect(
      error?.description
        == "plan.json:1: error: field 'vad': expected a string; found the number 12 (column 10)")
  }

  @Test func embeddedPlanSurvivesJSON() throws {
    let embedded = Plan.embedded2021
    let text = PlanFile.json(embedded)
    let plan = try PlanFile.parse(bytes: Array(text.utf8), format: .json, path: "plan.json")
    var metadata = embedded.metadata
    metadata.source = "plan.json"
    #expect(plan.metadata == metadata)
    #expect(plan.activities == embedded.activities)
    #expect(PlanFile.json(plan) == text)
  }

  @Test func writesTheDocumentedShape() throws {
    let plan = try PlanFileTesting.read(Self.full, .json)
    #expect(
      PlanFile.json(plan) == """
        {
          "titel": "Verksamhetsplan 2021",
          "år": 2021,
          "fastställd": "2021-03-22",
          "årsmöte": "2021-05-28",
          "inriktningar": [
            "Förebild och föregångare",
            "Pådrivare och opinionsbildare"
          ],
          "aktiviteter": [
            {
              "id": 1,
              "inriktning": "Förebild och föregångare",
              "vad": "Delta i SIS",
              "hur": "Ordförandeskap",
              "vem": ["Ordförande", "Kansli"],
              "när": "Start 2018, beräknas klar våren 2021",
              "status": "Pågår",
              "prio": 1
            },
            {
              "id": 4,
              "inriktning": "Pådrivare och opinionsbildare",
              "vad": "SKR",
              "hur": "Ta initiativ",
              "vem": ["Kansli", "Styrelse"],
              "när": "Hösten 2021",
              "status": "",
              "prio": null
            }
          ]
        }

        """)
  }

  @Test func anEmptyPlanRoundTrips() throws {
    let plan = Plan(
      metadata: PlanMetadata(title: "Tom \"plan\"\u{1}", year: 2024, source: "x"), activities: [])
    let text = PlanFile.json(plan)
    #expect(text.contains("\"inriktningar\": []") && text.contains("\"aktiviteter\": []"))
    #expect(text.contains(#""titel": "Tom \"plan\"\u0001""#))
    let back = try PlanFileTesting.read(text, .json, year: nil)
    #expect(back.metadata.title == plan.metadata.title)
    #expect(back.metadata.year == 2024)
    #expect(back.activities.isEmpty)
  }

  @Test func readsARealFileByContent() throws {
    let path = PlanFileTesting.temporaryFile(Self.full, suffix: ".plan")
    defer { unlink(path) }
    let plan = try PlanFile.read(path: path)
    #expect(plan.activities.map(\.id) == [1, 4])
    #expect(plan.metadata.title == "Verksamhetsplan 2021")
  }
}
