import Foundation
import Testing

/// The binary reads decomposed text (a letter and a combining accent) as the composed letter, in a
/// statement and in a plan file, and looks for a value's spaces as written (issue 9, items 15 and 16).
struct CanonicalTextEndToEndTests {
  static let cases: [(statement: String, output: String, warns: Bool)] = [
    ("activities where vad contains 'Linne\u{0300}' select id", "id\n17\n", false),
    ("activities where vem = 'Styre\u{0300}lse' and prio = 3 select id", "id\n6\n", false),
    ("activities where vem = ' Kansli' select id", "id\n", true),
    ("activities where vad = ' Lobbying' select id", "id\n", false),
    ("activities where vem contains ' med' select id", "id\n6\n12\n40\n", false),
  ]

  @Test(arguments: cases)
  func statementsReadTextAsWritten(statement: String, output: String, warns: Bool) throws {
    let run = try SekomProcess.run(["--format", "csv", "-c", statement])
    #expect(run.status == 0)
    #expect(Array(run.output.utf8) == Array(output.utf8))
    #expect(run.error.contains("warning") == warns, "\(run.error)")
  }

  /// A plan file written decomposed prints its texts composed and answers composed values.
  @Test func decomposedPlanFilePrintsComposed() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("plan.csv")
    let text =
      "id,inriktning,vad,hur,vem,när,status,prio\n"
      + "1,Fo\u{0308}rebild,Samverka med Refarm Linne\u{0301},x,Styre\u{0300}lse,Lo\u{0308}pande,Pa\u{030A}går,1\n"
      + "2,Fo\u{0308}rebild,Lobbying,y,Kansli,Lo\u{0308}pande,Pågår,2\n"
    try Data(text.utf8).write(to: plan)
    let run = try SekomProcess.run([
      "--plan", plan.path, "--format", "csv", "-c",
      "activities where vad contains 'linnè' and vem = Styrelse and status = 'Pågår' select id, vad, när",
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(Array(run.output.utf8) == Array("id,vad,när\n1,Samverka med Refarm Linné,Löpande\n".utf8))
  }
}
