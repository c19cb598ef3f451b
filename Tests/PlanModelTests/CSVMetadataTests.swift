import Testing

@testable import PlanModel

/// What a CSV file of a plan leaves out, for the note `import` and `export` give: every phrase must be
/// true, so the directions are named exactly when reading the CSV back would not give them again.
struct CSVMetadataTests {
  static let activity =
    #"{"inriktning": "A", "vad": "V", "hur": "H", "vem": "Kansli", "när": "2021", "status": "Pågår", "prio": 1}"#
  static let other =
    #"{"inriktning": "B", "vad": "V", "hur": "H", "vem": "Kansli", "när": "2021", "status": "Pågår", "prio": 1}"#

  @Test(arguments: [
    (#"{"år": 2022, "aktiviteter": [\#(activity), \#(other)]}"#, ["the title", "the plan year 2022"]),
    (
      #"{"år": 2022, "inriktningar": ["A", "B"], "aktiviteter": [\#(activity), \#(other)]}"#,
      ["the title", "the plan year 2022"]
    ),
    (
      #"{"år": 2022, "inriktningar": ["B", "A"], "aktiviteter": [\#(activity), \#(other)]}"#,
      ["the title", "the plan year 2022", "the declared inriktningar"]
    ),
    (
      #"{"år": 2022, "inriktningar": ["A", "C"], "aktiviteter": [\#(activity)]}"#,
      ["the title", "the plan year 2022", "the declared inriktningar"]
    ),
    (
      #"{"år": 2022, "fastställd": "2022-03-21", "årsmöte": "2022-05-20", "rättelser": [{"id": 1, "fält": "vem", "original": "Kanslt", "rättat": "Kansli", "skäl": "typo"}], "aktiviteter": [\#(activity)]}"#,
      [
        "the title", "the plan year 2022", "the adoption day 2022-03-21", "the annual meeting 2022-05-20",
        "the correction",
      ]
    ),
  ])
  func namesWhatCSVLeavesOut(json: String, expected: [String]) throws {
    let plan = try PlanFile.parse(bytes: Array(json.utf8), format: .json, path: "plan.json")
    #expect(plan.metadataLeftOutOfCSV == expected)
    let back = try PlanFile.parse(bytes: Array(PlanFile.csv(plan).utf8), format: .csv, path: "plan.csv")
    #expect(
      (back.metadata.directions == plan.metadata.directions) == !expected.contains(
        "the declared inriktningar"))
  }

  @Test func theEmbeddedPlan() {
    #expect(
      Plan.embedded2021.metadataLeftOutOfCSV == [
        "the title", "the plan year 2021", "the adoption day 2021-03-22", "the annual meeting 2021-05-28",
        "the 5 corrections",
      ])
  }
}
