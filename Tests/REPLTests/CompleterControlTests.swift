import Foundation
import PlanModel
import QueryLanguage
import Testing

@testable import REPL

/// Tab lists candidates on the terminal as they are: a plan value holding a control character is not
/// offered, since listed it would reach the terminal raw and typed it cannot be.
struct CompleterControlTests {
  static let plan: Plan = {
    let activities = ["Zeta\u{1b}]0;x\u{07}", "Zetor", "Zebra\u{9b}2J", "Zeppelin\r"].enumerated().map {
      index, name in
      Activity(
        id: index + 1, direction: "A", what: name, how: "h", who: [name],
        when: WhenText(text: "maj", interval: nil), status: StatusText(text: "Pågår"), priority: 1)
    }
    return Plan(metadata: PlanMetadata(title: "T", year: 2021, source: "test"), activities: activities)
  }()

  @Test(arguments: ["activities where vem = Ze", "activities where vad = 'Ze", "activities where vem in (Ze"])
  func valuesWithControlCharactersAreNotOffered(_ line: String) {
    let session = Session(plan: Self.plan, standardOutput: { _ in }, standardError: { _ in })
    let candidates = Completer(session: session).complete(pending: [], line: line).candidates
    #expect(candidates.count == 1)
    #expect(candidates.allSatisfy { $0.hasPrefix("Zetor") })
  }

  /// File names after `.read` are left out the same way.
  @Test func fileNamesWithControlCharactersAreNotOffered() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sekom-names-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["fråga.sq", "fråga\u{1b}]0;x\u{07}.sq", "fråga\u{9b}2J.sq"] {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil))
    }
    let session = Session(plan: Self.plan, standardOutput: { _ in }, standardError: { _ in })
    let completion = Completer(session: session).complete(pending: [], line: ".read \(folder.path)/fr")
    #expect(completion.candidates == ["fråga.sq"])
  }
}
