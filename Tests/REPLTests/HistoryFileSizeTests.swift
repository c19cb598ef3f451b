import Foundation
import Testing

@testable import REPL

/// A history file larger than anyone typed is refused, not read, and never written.
struct HistoryFileSizeTests {
  @Test func aFileOverTheLimitIsRefusedAndLeftAsItIs() throws {
    let folder = try HistoryFileTests.Folder()
    let line = Array("activities count\n".utf8)
    var bytes = Array((HistoryFile.header + "\n").utf8)
    while bytes.count <= HistoryFile.maximumBytes { bytes += line }
    try folder.write(bytes, to: folder.history)
    let file = HistoryFile(path: folder.history)
    #expect(throws: HistoryFile.Problem.self) { try file.load() }
    #expect(try folder.read(folder.history).count == bytes.count)
  }
}
