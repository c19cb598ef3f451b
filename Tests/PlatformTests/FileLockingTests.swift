import Foundation
import Testing

@testable import Platform

/// The one rule of `FileLock` and `SharedFile`: a lock counts only while the path still names the file it
/// was won on (`FileAccess.lockExclusive`).
@Suite(.serialized)
struct FileLockingTests {
  /// A fresh file holding "old", in a folder removed by the caller.
  static func file() throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sekom-lock-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("plan.json").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    return (folder, path)
  }

  /// Another file renamed over the path, as `AtomicFile` writes.
  static func replace(_ path: String) throws {
    let other = path + ".new"
    try Data("new".utf8).write(to: URL(fileURLWithPath: other))
    #expect(rename(other, path) == 0)
  }

  @Test(arguments: [false, true])
  func aLockCountsOnlyWhileThePathNamesTheFile(replaced: Bool) throws {
    let (folder, path) = try Self.file()
    defer { try? FileManager.default.removeItem(at: folder) }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    if replaced { try Self.replace(path) }
    #expect(try FileAccess.lockExclusive(descriptor, of: path, waiting: true) == !replaced)
  }

  @Test func aLockHeldElsewhereIsNotWaitedForWhenAsked() throws {
    let (folder, path) = try Self.file()
    defer { try? FileManager.default.removeItem(at: folder) }
    let holder = try FileLock(path: path)
    defer { holder.release() }
    let file = try #require(try SharedFile.forReading(path))
    #expect(try file.lock(path: path, waiting: false) == false)
    holder.release()
    #expect(try file.lock(path: path, waiting: false) == true)
  }

  /// The shared file tells its caller to open again; the lock takes the file now at the path itself.
  @Test func aReplacedFileIsToldOrLockedAnew() throws {
    let (folder, path) = try Self.file()
    defer { try? FileManager.default.removeItem(at: folder) }
    let shared = try #require(try SharedFile.forReading(path))
    try Self.replace(path)
    #expect(try shared.lock(path: path, waiting: true) == false)
    shared.close()
    let lock = try FileLock(path: path)
    defer { lock.release() }
    let again = try #require(try SharedFile.forReading(path))
    #expect(try again.lock(path: path, waiting: false) == false)
  }
}
