import Foundation
import Testing

/// `matches` on texts at the 64 KiB limit with patterns at the 5,000-step limit, through the binary: the
/// issue's pattern is answered, and one that would cost too much is refused with its limit named.
struct MatchingCostTests {
  /// A plan of three activities, `vad` 65,000 letters `a`, `hur` 65,000 pseudo-random `a` and `b`.
  static func writePlan(in folder: URL) throws -> URL {
    var state: UInt64 = 5
    var rows = "id,inriktning,vad,hur,vem,när,status,prio\n"
    for id in 1...3 {
      let random = String(
        (0..<65_000).map { _ -> Character in
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return (state >> 33) & 1 == 0 ? "a" : "b"
        })
      rows += "\(id),Förebild,\(String(repeating: "a", count: 65_000)),\(random),Kansli,2021,Pågår,1\n"
    }
    let plan = folder.appendingPathComponent("long.csv")
    try rows.write(to: plan, atomically: true, encoding: .utf8)
    return plan
  }

  @Test func countedRepetitionsAreAnsweredAndACostlyPatternIsRefused() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = try Self.writePlan(in: folder)
    let answered = try SekomProcess.run([
      "--plan", plan.path, "-c",
      "activities where vad matches '(a?){1000}(a?){1000}Q' or vad matches '^(a?){1000}a{1000}$' count",
    ])
    #expect(answered.status == 0)
    #expect(answered.output == "0\n")
    #expect(answered.error == "")
    let refused = try SekomProcess.run([
      "--plan", plan.path, "-c", "activities where hur matches '[ab]*a[ab]{12}(a?){1000}(a?){1000}Q' count",
    ])
    #expect(refused.status == 1)
    #expect(refused.output == "")
    #expect(
      refused.error.hasPrefix(
        "<command line>:1:30: error: the pattern costs too much on these texts (over 20,000,000 steps of its "
          + "automaton, the limit of 'matches'); make it simpler or anchor it\n"))
  }
}
