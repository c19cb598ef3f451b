import Foundation
import Testing

/// A file already being read cannot be read again inside itself: one positioned error where it is asked
/// for, not a run of copies (with --keep-going, 3 `.read`s of itself once ran 3^16 copies).
@Suite struct ReadStackTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    /// Files of the folder; the first is run.
    var files: [(name: String, text: String)]
    var keepGoing: Bool
    var status: Int32
    /// The errors expected on standard error, each as `FILE:LINE:COL: error: …` starts.
    var errors: [String]
    var output: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a script reading itself three times, keep going",
      files: [("self.sq", ".read self.sq\nactivities count\n.read self.sq\n.read self.sq\n")],
      keepGoing: true, status: 1,
      errors: ["self.sq:1:7: error:", "self.sq:3:7: error:", "self.sq:4:7: error:"], output: "44\n"),
    Case(
      name: "a script reading itself stops at the first",
      files: [("self.sq", "activities where prio = 3 count\n.read self.sq\nactivities count\n")],
      keepGoing: false, status: 1, errors: ["self.sq:2:7: error:"], output: "3\n"),
    Case(
      name: "two files reading each other",
      files: [
        ("a.sq", ".read b.sq\nactivities count\n"), ("b.sq", "activities where prio = 3 count\n.read a.sq\n"),
      ],
      keepGoing: true, status: 1, errors: ["b.sq:2:7: error:"], output: "3\n44\n"),
    Case(
      name: "one file read twice in a row is fine",
      files: [("a.sq", ".read b.sq\n.read b.sq\n"), ("b.sq", "activities where prio = 3 count\n")],
      keepGoing: false, status: 0, errors: [], output: "3\n3\n"),
    Case(
      name: "an error inside a read file stops the reader, reported once",
      files: [("a.sq", ".read b.sq\nactivities count\n"), ("b.sq", "activities where prio = x\n")],
      keepGoing: false, status: 1, errors: ["b.sq:1:"], output: ""),
  ]

  @Test(arguments: cases) func readStack(_ test: Case) throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in test.files {
      try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
    }
    let run = try SekomProcess.run(
      (test.keepGoing ? ["--keep-going"] : []) + [test.files[0].name], directory: folder)
    #expect(run.status == test.status, "\(run.error)")
    #expect(run.output == test.output)
    let errors = run.error.split(separator: "\n").filter { $0.contains(": error:") }
    #expect(errors.count == test.errors.count, "\(run.error)")
    for (line, start) in zip(errors, test.errors) {
      #expect(line.hasPrefix(start), "\(line)")
    }
    if !test.errors.isEmpty && test.status == 1 && test.name.contains("itself") {
      #expect(run.error.contains("already being read"))
    }
  }
}
