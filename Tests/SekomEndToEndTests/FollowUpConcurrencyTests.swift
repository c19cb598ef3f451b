import Foundation
import Testing

/// Several writers on one plan file (issue 10): changes made at the same time are all kept, each made on
/// the plan as the one before left it, and a writer killed at any moment leaves a plan that loads with
/// every change it reported made.
@Suite(.serialized) struct FollowUpConcurrencyTests {
  /// A started `sekom` whose output and errors go to files, so that nothing blocks on a full pipe.
  struct Writer {
    var process: Process
    var output: URL
    var error: URL

    init(_ arguments: [String], in folder: URL, name: String) throws {
      process = Process()
      process.executableURL = SekomProcess.binary
      process.arguments = arguments
      process.currentDirectoryURL = folder
      var environment = ProcessInfo.processInfo.environment
      (environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]) = (nil, nil, "C.UTF-8")
      process.environment = environment
      output = folder.appendingPathComponent("\(name).out")
      error = folder.appendingPathComponent("\(name).err")
      for url in [output, error] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
      process.standardOutput = try FileHandle(forWritingTo: output)
      process.standardError = try FileHandle(forWritingTo: error)
      process.standardInput = FileHandle.nullDevice
      try SekomProcess.start(process)
    }

    var errorText: String { (try? String(contentsOf: error, encoding: .utf8)) ?? "" }
  }

  static func log(_ folder: URL) throws -> (activities: [[String: Any]], log: [[String: Any]]) {
    let data = try Data(contentsOf: folder.appendingPathComponent("plan.json"))
    let plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (
      try #require(plan["aktiviteter"] as? [[String: Any]]), plan["logg"] as? [[String: Any]] ?? []
    )
  }

  /// The log replays to the plan: for each activity the changes of `hur` follow one another (each one's
  /// `från` is the `till` before it, starting from the exported plan), and the last one is what the plan
  /// holds. A lost update would break the chain.
  static func expectReplays(
    _ log: [[String: Any]], to activities: [[String: Any]], from original: [Int: String]
  ) {
    var current = original
    for entry in log {
      guard let id = entry["id"] as? Int, entry["fält"] as? String == "hur" else {
        Issue.record("an entry that is not a change of hur: \(entry)")
        continue
      }
      #expect(entry["från"] as? String == current[id], "entry \(entry)")
      current[id] = entry["till"] as? String
    }
    for activity in activities {
      guard let id = activity["id"] as? Int else { continue }
      #expect(activity["hur"] as? String == current[id], "activity \(id)")
    }
  }

  static func exported() throws -> (folder: URL, hur: [Int: String]) {
    let folder = try SekomProcess.temporaryDirectory()
    let export = try SekomProcess.run(["export", "--output", "plan.json"], directory: folder)
    #expect(export.status == 0, "\(export.error)")
    var hur: [Int: String] = [:]
    for activity in try log(folder).activities {
      hur[activity["id"] as! Int] = activity["hur"] as? String
    }
    return (folder, hur)
  }

  @Test func fourWritersFiftyChangesEach() throws {
    let (folder, original) = try Self.exported()
    var writers: [Writer] = []
    for writer in 0..<4 {
      var arguments = ["--plan", "plan.json", "--by", "p\(writer)"]
      for change in 0..<50 {
        // Every writer changes the same ten activities, so that they meet on each.
        arguments += ["-c", "activities where id = \(change % 10 + 1) set hur = 'p\(writer)-\(change)'"]
      }
      writers.append(try Writer(arguments, in: folder, name: "w\(writer)"))
    }
    for writer in writers {
      writer.process.waitUntilExit()
      #expect(writer.process.terminationStatus == 0, "\(writer.errorText)")
    }
    let (activities, log) = try Self.log(folder)
    #expect(log.count == 200)
    let made = Set(log.compactMap { $0["till"] as? String })
    let wanted = Set((0..<4).flatMap { writer in (0..<50).map { "p\(writer)-\($0)" } })
    #expect(made == wanted)
    #expect(Set(log.compactMap { $0["grupp"] as? Int }) == Set(1...200))
    for writer in 0..<4 {
      // Each writer's own changes are logged in the order it made them.
      let own = log.filter { $0["av"] as? String == "p\(writer)" }.compactMap { $0["till"] as? String }
      #expect(own == (0..<50).map { "p\(writer)-\($0)" })
    }
    Self.expectReplays(log, to: activities, from: original)
    // The plan loads, and sekom's own reading of its log agrees.
    let count = try SekomProcess.run(["--plan", "plan.json", "-c", "changes count"], directory: folder)
    #expect(count.output == "200\n", "\(count.error)")
    let check = try SekomProcess.run(["check", "--plan", "plan.json"], directory: folder)
    #expect(check.status == 0, "\(check.error)")
  }

  /// A writer killed with SIGKILL at a random moment, thirty times on one plan file: the plan always
  /// loads, and every change the writer reported made (its summary line on standard error, printed after
  /// the write) is in the plan and its log.
  @Test func aWriterKilledAtAnyMomentLosesNothingItReported() throws {
    let (folder, original) = try Self.exported()
    var generator = SystemRandomNumberGenerator()
    var reported: [String] = []
    var killedMidway = 0
    for run in 0..<30 {
      var arguments = ["--plan", "plan.json"]
      for change in 0..<20 {
        arguments += ["-c", "activities where id = \(change % 10 + 1) set hur = 'k\(run)-\(change)'"]
      }
      let writer = try Writer(arguments, in: folder, name: "k\(run)")
      usleep(UInt32.random(in: 0..<400_000, using: &generator))
      kill(writer.process.processIdentifier, SIGKILL)
      writer.process.waitUntilExit()
      let summaries = writer.errorText.split(separator: "\n").filter { $0.contains("activity changed in") }
      if writer.process.terminationReason == .uncaughtSignal { killedMidway += 1 }
      // Each summary line is one statement, in order: the first ones of the run were made.
      reported += (0..<summaries.count).map { "k\(run)-\($0)" }
      if writer.process.terminationReason == .exit {
        #expect(writer.process.terminationStatus == 0, "\(writer.errorText)")
        #expect(summaries.count == 20)
      }
      let loads = try SekomProcess.run(["--plan", "plan.json", "-c", "changes count"], directory: folder)
      #expect(loads.status == 0, "run \(run): \(loads.error)")
    }
    let (activities, log) = try Self.log(folder)
    let made = Set(log.compactMap { $0["till"] as? String })
    #expect(Set(reported).isSubset(of: made), "\(Set(reported).subtracting(made).sorted())")
    Self.expectReplays(log, to: activities, from: original)
    // The kills came at different moments: most runs were cut short.
    #expect(killedMidway > 0)
  }

  /// A REPL that read the plan before another writer changed it makes its own change on the plan as it
  /// is now, keeping the other's, and sees the new state afterwards.
  @Test func aReplThatReadEarlierKeepsAnotherWritersChange() throws {
    let (folder, _) = try Self.exported()
    let plan = folder.appendingPathComponent("plan.json").path
    let home = try ReplHome()
    let terminal = try home.startAtPrompt(["--plan", plan, "--format", "csv"])
    terminal.enter("activities where id = 1 select prio")
    #expect(try terminal.waitForPrompt().contains("prio\n1\n"))
    let other = try SekomProcess.run(
      ["--plan", "plan.json", "-c", "activities where id = 1 set hur = 'Ändrad av en annan'"],
      directory: folder)
    #expect(other.status == 0, "\(other.error)")
    terminal.enter("activities where id = 2 set prio = 3")
    try terminal.waitForPrompt()
    terminal.enter("activities where id = 1 select hur")
    #expect(try terminal.waitForPrompt().contains("hur\nÄndrad av en annan\n"))
    try terminal.quitWithDotQuit()
    let (activities, log) = try Self.log(folder)
    #expect(activities.first { $0["id"] as? Int == 1 }?["hur"] as? String == "Ändrad av en annan")
    #expect(activities.first { $0["id"] as? Int == 2 }?["prio"] as? Int == 3)
    #expect(log.count == 2)
  }
}
