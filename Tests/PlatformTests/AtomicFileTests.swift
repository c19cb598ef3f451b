import Foundation
import Platform
import Testing

/// The atomic writer against planted links, devices, FIFOs, modes, races and full disks.
struct AtomicFileTests {
  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("platform-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func names(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  static func mode(of path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  static func text(of path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  static func write(_ text: String, to path: String, existing: AtomicFile.Existing = .replace) throws {
    let file = try AtomicFile(path: path, existing: existing)
    try file.write(text)
    try file.commit()
  }

  /// Links planted under every name the old scheme (`.NAME.sekom-PID`) would use are never followed: the
  /// files they point to stay, and the target is a regular file.
  @Test func aPlantedLinkAtTheTemporaryNameIsNotFollowed() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let victim = folder + "/victim.txt"
    try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
    #expect(symlink(victim, folder + "/.out.json.sekom-\(getpid())") == 0)
    let file = try AtomicFile(path: folder + "/out.json")
    let temporary = try Self.names(in: folder).filter {
      $0.hasPrefix(".out.json.sekom-") && !$0.hasSuffix("\(getpid())")
    }
    #expect(temporary.count == 1)
    // Unpredictable, and private while written.
    #expect(Self.mode(of: folder + "/" + temporary[0]) == 0o600)
    try file.write("new\n")
    try file.commit()
    #expect(try Self.text(of: victim) == "precious\n")
    #expect(try Self.text(of: folder + "/out.json") == "new\n")
    var info = stat()
    #expect(lstat(folder + "/out.json", &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
  }

  @Test func aDeviceIsWrittenInPlaceAndNotReplaced() throws {
    var before = stat()
    #expect(stat("/dev/null", &before) == 0)
    let file = try AtomicFile(path: "/dev/null")
    #expect(file.writesInPlace)
    try file.write("nothing\n")
    try file.commit()
    var after = stat()
    #expect(lstat("/dev/null", &after) == 0)
    #expect((after.st_mode & S_IFMT) == S_IFCHR)
    #expect(after.st_ino == before.st_ino && after.st_rdev == before.st_rdev)
  }

  @Test func aFullDeviceIsAFailure() throws {
    let file = try AtomicFile(path: "/dev/full")
    #expect(throws: FileAccess.Failure.self) { try file.write("x") }
    // Once a write failed, nothing is put in place as if whole.
    #expect(throws: FileAccess.Failure.self) { try file.commit() }
  }

  @Test func aFIFOIsWrittenInPlace() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    // The reader opens first, without waiting for a writer, so that the writer's open does not block.
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    try Self.write("through the pipe\n", to: fifo)
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(reader, &buffer, buffer.count)
    #expect(count > 0 && String(decoding: buffer[0..<count], as: UTF8.self) == "through the pipe\n")
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    #expect(try Self.names(in: folder) == ["pipe"])
  }

  @Test func aLinkToARegularFileReplacesThatFileAndStays() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
    try "old\n".write(toFile: folder + "/real/file.txt", atomically: false, encoding: .utf8)
    #expect(symlink("real/file.txt", folder + "/link.txt") == 0)
    try Self.write("new\n", to: folder + "/link.txt")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.txt") == "real/file.txt")
    #expect(try Self.text(of: folder + "/real/file.txt") == "new\n")
    #expect(try Self.names(in: folder) == ["link.txt", "real"])
    #expect(try Self.names(in: folder + "/real") == ["file.txt"])
  }

  @Test func aDanglingLinkIsAnExistingNameWithoutReplace() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(symlink("nowhere", folder + "/out.json") == 0)
    #expect {
      try Self.write("x", to: folder + "/out.json", existing: .keep)
    } throws: { ($0 as? FileAccess.Failure)?.nameTaken == true }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/out.json") == "nowhere")
    #expect(try Self.names(in: folder) == ["out.json"])
  }

  /// The name taken between opening and committing (another run won): `.keep` fails at the commit.
  @Test func keepFailsWhenTheNameIsTakenWhileWriting() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = try AtomicFile(path: folder + "/out.json", existing: .keep)
    try file.write("mine\n")
    try "theirs\n".write(toFile: folder + "/out.json", atomically: false, encoding: .utf8)
    #expect { try file.commit() } throws: { ($0 as? FileAccess.Failure)?.nameTaken == true }
    #expect(try Self.text(of: folder + "/out.json") == "theirs\n")
    #expect(try Self.names(in: folder) == ["out.json"])
  }

  @Test(arguments: [0o600, 0o640, 0o755] as [mode_t])
  func theModeOfAReplacedFileIsKept(mode: mode_t) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/kept.txt"
    try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, mode) == 0)
    try Self.write("new\n", to: path)
    #expect(Self.mode(of: path) == mode)
    #expect(try Self.text(of: path) == "new\n")
  }

  @Test func aNewFileGetsTheUsualModeLessTheUmask() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let mask = umask(0o022)
    umask(mask)
    try Self.write("new\n", to: folder + "/new.txt")
    #expect(Self.mode(of: folder + "/new.txt") == 0o666 & ~mask)
  }

  @Test func discardLeavesTheTargetAndNoTemporaryFile() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "old\n".write(toFile: folder + "/f.txt", atomically: false, encoding: .utf8)
    do {
      let file = try AtomicFile(path: folder + "/f.txt")
      try file.write([0x6E, 0x65, 0x77])
      #expect(try Self.names(in: folder).count == 2)
      file.discard()
    }
    do {
      // Dropped without commit: the same.
      let file = try AtomicFile(path: folder + "/f.txt")
      try file.write("new")
    }
    #expect(try Self.names(in: folder) == ["f.txt"])
    #expect(try Self.text(of: folder + "/f.txt") == "old\n")
  }

  @Test func aDirectoryIsRefused() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect { try Self.write("x", to: folder) } throws: {
      ($0 as? FileAccess.Failure)?.reason == "it is a directory"
    }
  }

  /// Several writers, started together, to one new name without replacing: exactly one wins, and every
  /// loser leaves no temporary file. (End-to-end tests race whole processes of the binary.)
  @Test func ofConcurrentKeepWritersExactlyOneWins() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/race.txt"
    let files = try (0..<8).map { _ in try AtomicFile(path: path, existing: .keep) }
    for (index, file) in files.enumerated() { try file.write("writer \(index)\n") }
    let outcomes = await withTaskGroup(of: Bool.self) { group in
      for file in files {
        nonisolated(unsafe) let file = file
        group.addTask {
          do {
            try file.commit()
            return true
          } catch { return false }
        }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(outcomes.filter { $0 }.count == 1)
    #expect(try Self.names(in: folder) == ["race.txt"])
    #expect(try Self.text(of: path).hasPrefix("writer "))
  }
}
