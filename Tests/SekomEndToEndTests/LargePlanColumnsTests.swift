import Foundation
import Testing

/// Statements on the command line read a large plan file's columns as they need them (those the
/// condition tests for every activity, the rest for the activities found): each answer must be the one a
/// whole read gives, which statements from standard input get.
@Suite struct LargePlanColumnsTests {
  /// About 1.5 MiB: past the size where a plan file's columns are left for later.
  static let plan: URL = {
    let directions = ["Förebild och föregångare", "Pådrivare och opinionsbildare", "\"Nätverk, samverkan\""]
    let actors = ["Kansliet", "Styrelse; Kansli", "", "Expertgruppen; Ordförande"]
    let times = ["Våren 2021", "Löpande", "", "Hösten 2021", "11 maj 2021", "Vid behov"]
    let statuses = ["Pågår", "Klart", ""]
    let rows = (1...12_000).map { n in
      "\(n),\(directions[n % 3]),Vad \(n % 500) för \(n % 7 == 0 ? "året" : "kommunerna"),\"Hur, steg "
        + "\(n)\",\(actors[n % 4]),\(times[n % 6]),\(statuses[n % 3]),\(n % 5 == 0 ? "" : String(n % 3 + 1))\n"
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sekom-large-\(UUID()).csv")
    try? Data(("id,inriktning,vad,hur,vem,när,status,prio\n" + rows.joined()).utf8).write(to: url)
    return url
  }()

  @Test(arguments: [
    ["activities where vem contains Kansli and prio = 1 order by när select id, vad, när"],
    ["activities count by vem"],
    ["activities order by vad select id"],
    ["activities where prio = 2 limit 3"],
    ["activities where inriktning > 'Pådrivare och opinionsbildare' group by vem select id, hur limit 4"],
    ["activities where kategori = done order by status, inriktning desc select id, status, inriktning"],
    ["activities where vad contains 'Vad 13 ' and när overlaps hösten select id, hur, vem, kategori"],
    [
      "activities count by kategori", "activities where prio = 1 order by hur limit 3 select hur, inriktning",
    ],
    ["activities where id < 5", ".fields"],
    ["activities where status is empty and vem is not empty count"],
    [
      "activities where vem contains Kansli and status != Klart order by vem desc select vem, status, id limit 9"
    ],
  ])
  func statementsGiveTheAnswersOfAWholeRead(statements: [String]) throws {
    for format in ["csv", "json", "table"] {
      let options = ["--plan", Self.plan.path, "--format", format]
      let parts = try SekomProcess.run(options + statements.flatMap { ["-c", $0] })
      let whole = try SekomProcess.run(options, stdin: statements.joined(separator: "\n") + "\n")
      #expect(parts.status == 0, "\(parts.error)")
      #expect(parts.error == whole.error)
      #expect(parts.output == whole.output, "\(statements) as \(format)")
      #expect(parts.output.contains { $0.isNumber })
    }
  }

  @Test func aTimelineReadsWhatItDraws() throws {
    let options = ["--plan", Self.plan.path, "--format", "timeline", "--today", "2021-06-01"]
    let statement = "activities where prio = 1 and vem contains Styrelse limit 6"
    let parts = try SekomProcess.run(options + ["-c", statement])
    let whole = try SekomProcess.run(options, stdin: statement + "\n")
    #expect(parts.status == 0)
    #expect(parts.output == whole.output)
    #expect(parts.output.contains("Vad "))
  }
}
