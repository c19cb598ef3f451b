import Foundation
import Platform
import Testing

/// Reading files and folders through Platform: the errors say which step failed, reads at an offset leave
/// the file's own offset alone.
struct ReadableFileTests {
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("readable-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func bytes(_ file: borrowing ReadableFile, count: Int, at offset: Int? = nil) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    let read = try buffer.withUnsafeMutableBytes { raw in
      try offset.map { try file.read(into: raw, at: $0) } ?? file.read(into: raw)
    }
    return Array(buffer[0..<read])
  }

  @Test func aFileIsReadWholeAndAtAnOffset() throws {
    let path = try Self.folder() + "/plan.csv"
    try "id,vad\n1,x\n".write(toFile: path, atomically: false, encoding: .utf8)
    let file = try ReadableFile(path: path)
    #expect(file.size == 11)
    #expect(try Self.bytes(file, count: 3, at: 7) == Array("1,x".utf8))
    #expect(try Self.bytes(file, count: 64) == Array("id,vad\n1,x\n".utf8))
    #expect(try Self.bytes(file, count: 64) == [])
  }

  @Test func anEmptyFileHasNoSize() throws {
    let path = try Self.folder() + "/empty.csv"
    try "".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(try ReadableFile(path: path).size == nil)
  }

  @Test func aMissingFileFailsToOpenAndAFolderAtItsStatus() throws {
    let folder = try Self.folder()
    #expect(throws: ReadableFile.OpenFailure.open(ReadableFile.Failure(code: ENOENT))) {
      _ = try ReadableFile(path: folder + "/missing.csv")
    }
    #expect(throws: ReadableFile.OpenFailure.status(.isDirectory)) { _ = try ReadableFile(path: folder) }
    #expect(ReadableFile.Failure(code: ENOENT).reason == "No such file or directory")
  }

  @Test func aFoldersEntriesAreSortedWithFoldersMarked() throws {
    let folder = try Self.folder()
    for name in ["b.sq", ".hidden", "a.csv"] {
      try "".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
    }
    try FileManager.default.createDirectory(atPath: folder + "/planer", withIntermediateDirectories: false)
    #expect(FileAccess.entries(of: folder, includeHidden: false) == ["a.csv", "b.sq", "planer/"])
    #expect(
      FileAccess.entries(of: folder + "/", includeHidden: true) == [".hidden", "a.csv", "b.sq", "planer/"])
    #expect(FileAccess.entries(of: folder + "/missing", includeHidden: true) == [])
    #expect(FileAccess.exists(folder + "/a.csv") && FileAccess.exists(folder + "/planer"))
    #expect(!FileAccess.exists(folder + "/missing"))
  }
}
