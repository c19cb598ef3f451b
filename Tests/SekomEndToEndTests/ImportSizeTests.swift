import Foundation
import Testing

/// `sekom import` on large texts: the size limit, and a report of many notes written whole.
struct ImportSizeTests {
  static let limit = 64 << 20
  static let plan =
    "VERKSAMHETSPLAN 2021\nInriktning\nVad\tHur\tVem\tNär/Resurs\tStatus\tPrio\nGöra\t\t\t\t\t1\n"

  /// The plan padded with blank lines to `size` bytes.
  static func padded(to size: Int) -> Data {
    var bytes = Data(plan.utf8)
    bytes.append(Data(repeating: 0x0A, count: size - bytes.count))
    return bytes
  }

  @Test func aTextOverTheLimitIsRefused() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.padded(to: Self.limit + 1).write(to: folder.appendingPathComponent("over.txt"))
    let run = try SekomProcess.run(["import", "over.txt"], directory: folder)
    #expect(run.status == 3)
    #expect(run.output.isEmpty)
    #expect(
      run.error == "sekom: error: 'over.txt' is larger than 64 MiB; a handlingsplan text is far smaller\n")
  }

  /// The report is written in pieces: every note once, in line order, across the pieces' ends.
  @Test func aReportOfManyNotesIsWrittenWhole() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = 5_000
    let text = Self.plan + String(repeating: "\tOch så\t\t\t\t\n", count: rows)
    try Data(text.utf8).write(to: folder.appendingPathComponent("many.txt"))
    let run = try SekomProcess.run(["import", "many.txt"], directory: folder)
    #expect(run.status == 0, "\(run.error)")
    let carried = run.error.split(separator: "\n").map(String.init).filter {
      $0.hasSuffix("the row carries the Vad of line 4")
    }
    let expected = (0..<rows).map {
      "many.txt:\($0 + 5): note: empty Vad: the row carries the Vad of line 4"
    }
    #expect(carried == expected)
    #expect(run.error.contains("\nsekom: \(rows + 1) activities read from 'many.txt'\n"))
  }
}
