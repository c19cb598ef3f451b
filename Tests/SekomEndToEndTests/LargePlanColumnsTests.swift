import Foundation
import Testing

/// Statements on the command line, in script files and from standard input read a large plan file's
/// columns as they need them (those the condition tests for every activity, the rest for the activities
/// found): each answer must be the one a whole read gives, which a dot-command before the statements
/// asks for (it may look at anything).
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
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("q.sq")
    let text = statements.joined(separator: "\n") + "\n"
    try Data(text.utf8).write(to: script)
    for format in ["csv", "json", "table"] {
      let options = ["--plan", Self.plan.path, "--format", format]
      let whole = try SekomProcess.run(options, stdin: ".format \(format)\n" + text)
      let ways = [
        ("-c", try SekomProcess.run(options + statements.flatMap { ["-c", $0] })),
        ("a script", try SekomProcess.run(options + [script.path])),
        ("standard input", try SekomProcess.run(options, stdin: text)),
        (
          "standard input from a file",
          try SekomProcess.runShell(
            "sekom " + options.map { "'\($0)'" }.joined(separator: " ") + " < q.sq", directory: folder)
        ),
      ]
      for (way, parts) in ways {
        #expect(parts.status == 0, "\(way): \(parts.error)")
        #expect(parts.error == whole.error, "\(way)")
        #expect(parts.output == whole.output, "\(statements) as \(format), by \(way)")
      }
      #expect(whole.output.contains { $0.isNumber })
    }
  }

  /// Scripts are read ahead only when they are regular files, and run as they are when their turn comes: a
  /// script an earlier one writes runs its new text, and a FIFO after `.quit` is never opened.
  @Test func scriptsRunAsTheyAreWhenTheirTurnComes() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(".format csv\n.output gen.sq\nactivities where id = 1 select id\n.output\n".utf8)
      .write(to: folder.appendingPathComponent("w.sq"))
    try Data("activities where id = 2 select id, vad\n".utf8).write(
      to: folder.appendingPathComponent("gen.sq"))
    let plan = "'\(Self.plan.path)'"
    let written = try SekomProcess.runShell("sekom --plan \(plan) w.sq gen.sq", directory: folder)
    #expect(written.status == 1)
    #expect(written.error.hasPrefix("gen.sq:1:1: error: a statement starts with"), "\(written.error)")
    let created = try SekomProcess.runShell(
      "rm gen.sq && sekom --plan \(plan) w.sq gen.sq", directory: folder)
    #expect(created.status == 1)
    #expect(created.error.hasPrefix("gen.sq:1:1: error: a statement starts with"), "\(created.error)")
    let fifo = try SekomProcess.runShell(
      "mkfifo ff && timeout 20 sekom --plan \(plan) -c .quit ff; echo \"status $?\"", directory: folder)
    #expect(fifo.output == "status 0\n")
  }

  /// A script or standard input that cannot be read is reported where it runs, after what came before
  /// it; with --keep-going, what comes after it runs and reads the columns it needs then.
  @Test func sourcesReadAheadReportTheirErrorsWhereTheyRun() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let later = folder.appendingPathComponent("later.sq")
    try Data("activities where id = 7 select id, hur, när\n".utf8).write(to: later)
    let missing = folder.appendingPathComponent("missing.sq").path
    let options = ["--plan", Self.plan.path, "--format", "csv", "--keep-going"]
    let run = try SekomProcess.run(
      options + ["-c", "activities where id = 5 select id, vad", missing, later.path])
    #expect(run.status == 3)
    #expect(run.output == "id,vad\n5,Vad 5 för kommunerna\nid,hur,när\n7,\"Hur, steg 7\",Löpande\n")
    #expect(
      run.error == "sekom: error: cannot read '\(missing)': No such file or directory\n", "\(run.error)")
    let stopped = try SekomProcess.run(
      [
        "--plan", Self.plan.path, "--format", "csv", "-c", "activities where id = 5 select id", missing,
        later.path,
      ])
    #expect(stopped.status == 3)
    #expect(stopped.output == "id\n5\n")
    // Standard input that is not UTF-8, read before the plan file: refused with its place, nothing run.
    let input = try SekomProcess.runShell(
      "sekom --plan '\(Self.plan.path)'", directory: folder, input: Data("activities\n\u{1}".utf8) + [0xFF])
    #expect(input.status == 1, "\(input.error)")
    #expect(input.error == "<stdin>:2:2: error: invalid UTF-8 (byte 0xFF); sekom reads UTF-8 text\n")
    #expect(input.output == "")
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
