import Foundation
import Testing

/// `timeline` in JSON, CSV and TSV is the chart's data, never its drawing: JSON that a parser reads,
/// delimited rows of id, vad, start, slut and månader.
struct TimelineDataTests {
  /// Each statement's JSON output parsed; an activity's months, start and slut, by id.
  @Test(arguments: [
    "activities where id in (19, 6, 1) timeline", "activities where id in (19, 6, 1) order by id timeline",
  ])
  func jsonParses(_ statement: String) throws {
    let run = try SekomProcess.run(["--format", "json", "-c", statement])
    #expect(run.status == 0, "\(run.error)")
    let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]]
    let objects = try #require(parsed)
    #expect(Set(objects.compactMap { $0["id"] as? Int }) == [1, 6, 19])
    for object in objects { #expect(Set(object.keys) == ["id", "vad", "start", "slut", "månader"]) }
    let byID = Dictionary(uniqueKeysWithValues: objects.map { ($0["id"] as! Int, $0) })
    #expect(byID[19]?["vad"] as? String == "Hållbar kommun")
    #expect(byID[19]?["start"] as? String == "2021-05-11")
    #expect(byID[19]?["slut"] as? String == "2021-05-11")
    #expect(byID[19]?["månader"] as? [String] == ["2021-05"])
    #expect(byID[1]?["start"] as? String == "2018-01-01")
    #expect((byID[1]?["månader"] as? [String])?.count == 42)
    #expect((byID[1]?["månader"] as? [String])?.last == "2021-06")
    #expect(byID[6]?["start"] is NSNull)
    #expect(byID[6]?["slut"] is NSNull)
    #expect(byID[6]?["månader"] as? [String] == [])
  }

  @Test func groupedJSONParses() throws {
    let run = try SekomProcess.run([
      "--format", "json", "-c", "activities where prio = 1 group by kategori timeline",
    ])
    #expect(run.status == 0, "\(run.error)")
    let groups = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
    #expect(!groups.isEmpty)
    for group in groups {
      #expect(group["kategori"] is String)
      let activities = try #require(group["aktiviteter"] as? [[String: Any]])
      for activity in activities { #expect(activity["månader"] is [String]) }
    }
    #expect(groups.flatMap { ($0["aktiviteter"] as? [[String: Any]]) ?? [] }.count == 19)
  }

  /// Several statements make a stream of JSON values, one after another, each parseable.
  @Test func streamOfTwo() throws {
    let run = try SekomProcess.run([
      "--format", "json", "-c", "activities where id = 19 timeline", "-c", "activities where id = 6 timeline",
    ])
    #expect(run.status == 0)
    let values = run.output.components(separatedBy: "\n]\n").dropLast().map { $0 + "\n]" }
    #expect(values.count == 2)
    for value in values { #expect(try JSONSerialization.jsonObject(with: Data(value.utf8)) is [Any]) }
  }

  @Test(arguments: [("csv", ","), ("tsv", "\t")]) func delimited(_ format: String, _ separator: String) throws
  {
    let run = try SekomProcess.run([
      "--format", format, "-c", "activities where id in (19, 6, 40) order by id timeline",
    ])
    #expect(run.status == 0, "\(run.error)")
    let year: [String] = (1...12).map { month in "2021-" + (month < 10 ? "0" : "") + String(month) }
    let rows: [[String]] = [
      ["id", "vad", "start", "slut", "månader"],
      ["6", "Chilenska ekokommunnätverket", "", "", ""],
      ["19", "Hållbar kommun", "2021-05-11", "2021-05-11", "2021-05"],
      ["40", "Nyckeltalen", "2021-01-01", "2021-12-31", year.joined(separator: " ")],
    ]
    let expected: [String] = rows.map { $0.joined(separator: separator) }
    #expect(run.output.split(separator: "\n").map(String.init) == expected)
  }
}
