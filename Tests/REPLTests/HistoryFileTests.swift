import Foundation
import Glibc
import Testing

@testable import REPL

/// The history file in libedit's format, read and appended by sekom itself.
struct HistoryFileTests {
  /// A fresh folder for one test, removed afterwards.
  final class Folder: Sendable {
    let path: String
    init() throws {
      path =
        FileManager.default.temporaryDirectory.appendingPathComponent("sekom-history-\(UUID().uuidString)")
        .path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    var history: String { path + "/state/sekom/history" }

    func write(_ bytes: [UInt8], to file: String) throws {
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    func read(_ file: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: file))) }
  }

  static let entries = [
    "activities count",
    "activities where vad contains 'Årskonferens' select id",
    "tab\there",
    "back\\slash \\040 not an escape",
    "-- a comment\nactivities where prio = 1",
    "  leading and trailing  ",
    "Ärende öppnat på Kansli, €, 😀",
    "control \u{01}\u{1b}\u{7f} characters",
  ]

  @Test(arguments: entries) func anEntryComesBackAsItWasWritten(entry: String) {
    let line = HistoryFile.encode(entry)
    #expect(!line.contains(" ") && !line.contains("\t") && !line.contains("\n"), "\(line)")
    #expect(HistoryFile.decode(Array(line.utf8)) == entry)
  }

  /// As libedit writes them: octal for white space, a doubled backslash.
  @Test(arguments: [
    ("activities count", "activities\\040count"),
    ("a\tb", "a\\011b"),
    ("a\\b", "a\\\\b"),
    ("a\nb", "a\\012b"),
    ("Linné", "Linné"),
  ])
  func entriesAreWrittenAsLibeditWritesThem(entry: String, line: String) {
    #expect(HistoryFile.encode(entry) == line)
  }

  /// Every escape libedit's reader knows is read back; anything else makes the line broken.
  @Test(arguments: [
    ("a\\sb", "a b"),
    ("a\\tb\\nc", "a\tb\nc"),
    ("\\^A\\^?", "\u{01}\u{7f}"),
    ("\\M-C\\M-%", "å"),
    ("\\303\\245", "å"),
    ("\\0", "\u{0}"),
    ("a\\$b", "ab"),
  ])
  func libeditEscapesAreRead(line: String, entry: String) {
    #expect(HistoryFile.decode(Array(line.utf8)) == entry)
  }

  @Test(arguments: ["a\\", "a\\q", "\\M", "\\M-", "\\^", "\\777", "\\377"])
  func aBrokenLineIsRefused(line: String) {
    #expect(HistoryFile.decode(Array(line.utf8)) == nil)
  }

  /// Generated entries from the characters the format escapes, and others: a file of them is read back
  /// entry for entry.
  @Test func generatedEntriesComeBackFromAWholeFile() throws {
    let alphabet: [Character] = [
      " ", "\t", "\n", "\\", "0", "4", "M", "-", "^", "$", "s", "a", "å", "Ö", "\u{1}", "\u{7f}", "\u{1b}",
      "'", "\"", "é", "e\u{301}", "😀", "_",
    ]
    var state: UInt64 = 0x5EC0
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let entries = (0..<500).map { _ in
      String((0..<(1 + next(12))).map { _ in alphabet[next(alphabet.count)] })
    }
    let text = ([HistoryFile.header] + entries.map(HistoryFile.encode)).joined(separator: "\n") + "\n"
    #expect(try HistoryFile.parse(Array(text.utf8)) == entries)
  }

  @Test func entriesWrittenByAppendAreLoadedBack() throws {
    let folder = try Folder()
    let file = HistoryFile(path: folder.history)
    for entry in HistoryFileTests.entries { try file.append(entry) }
    #expect(try file.load() == HistoryFileTests.entries)
    let lines = String(decoding: try folder.read(folder.history), as: UTF8.self).split(separator: "\n")
    #expect(lines.first == "_HiStOrY_V2_")
    #expect(lines.count == HistoryFileTests.entries.count + 1)
  }

  @Test func aMissingFileIsNoHistoryAndIsMadeWithItsFoldersPrivate() throws {
    let folder = try Folder()
    let file = HistoryFile(path: folder.history)
    #expect(try file.load() == [])
    #expect(!FileManager.default.fileExists(atPath: folder.history))
    try file.append("activities count")
    #expect(try folder.read(folder.history) == Array("_HiStOrY_V2_\nactivities\\040count\n".utf8))
    for (path, mode) in [
      (folder.path + "/state", 0o700), (folder.path + "/state/sekom", 0o700), (folder.history, 0o600),
    ] {
      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(Int(info.st_mode & 0o777) == mode, "\(path)")
    }
  }

  @Test func anEmptyFileIsNoHistoryAndGetsItsFirstLineOnTheFirstAppend() throws {
    let folder = try Folder()
    try folder.write([], to: folder.history)
    let file = HistoryFile(path: folder.history)
    #expect(try file.load() == [])
    try file.append("a b")
    #expect(try folder.read(folder.history) == Array("_HiStOrY_V2_\na\\040b\n".utf8))
  }

  @Test func anAppendAfterALastLineWithoutItsEndStartsALine() throws {
    let folder = try Folder()
    try folder.write(Array("_HiStOrY_V2_\nfirst".utf8), to: folder.history)
    let file = HistoryFile(path: folder.history)
    try file.append("second")
    #expect(try file.load() == ["first", "second"])
  }

  /// Two files open at once, as two REPLs have them, appending in turn, and then many at once from
  /// threads: every entry is there once, and the file is whole.
  @Test func twoWritersInterleavedKeepEveryEntry() throws {
    let folder = try Folder()
    let first = HistoryFile(path: folder.history)
    let second = HistoryFile(path: folder.history)
    var expected: [String] = []
    for i in 0..<20 {
      try first.append("first \(i)")
      try second.append("second \(i)")
      expected += ["first \(i)", "second \(i)"]
    }
    #expect(try first.load() == expected)

    let writers = 8
    let each = 50
    let path = folder.history
    DispatchQueue.concurrentPerform(iterations: writers) { writer in
      let file = HistoryFile(path: path)
      for i in 0..<each { try? file.append("writer \(writer) entry \(i)") }
    }
    let entries = try HistoryFile(path: folder.history, limit: 10_000).load()
    #expect(entries.count == expected.count + writers * each)
    #expect(Array(entries.prefix(expected.count)) == expected)
    for writer in 0..<writers {
      #expect(
        entries.filter { $0.hasPrefix("writer \(writer) ") }
          == (0..<each).map { "writer \(writer) entry \($0)" })
    }
  }

  /// A file with more entries than the limit is trimmed to the latest, whole.
  @Test func aLongFileIsTrimmedToTheLatestEntries() throws {
    let folder = try Folder()
    let file = HistoryFile(path: folder.history, limit: 5)
    for i in 0..<12 { try file.append("entry \(i)") }
    let latest = (7..<12).map { "entry \($0)" }
    #expect(try file.load() == latest)
    #expect(try HistoryFile(path: folder.history, limit: 100).load() == latest)
    try file.append("entry 12")
    #expect(try HistoryFile(path: folder.history, limit: 100).load() == latest + ["entry 12"])
  }

  /// Trimming while another REPL appends: no entry written after the trim's reading is lost with the old
  /// file, so what is left is an unbroken run of the latest entries.
  @Test func trimmingWhileAnotherAppendsLosesNothingRecent() throws {
    let folder = try Folder()
    let path = folder.history
    let count = 200
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      if worker == 0 {
        let file = HistoryFile(path: path)
        for i in 0..<count { try? file.append("entry \(i)") }
      } else {
        // Until the last entry is in: trimming all the while the other appends.
        let file = HistoryFile(path: path, limit: 10)
        for _ in 0..<100_000 where (try? file.load())?.last != "entry \(count - 1)" {}
      }
    }
    let entries = try HistoryFile(path: path, limit: 10_000).load()
    let numbers = entries.compactMap { Int($0.dropFirst("entry ".count)) }
    #expect(numbers.count == entries.count)
    #expect(numbers.last == count - 1)
    #expect(numbers == Array((count - numbers.count)..<count), "\(numbers)")
  }

  /// Not sekom's format: refused on reading, and never written.
  @Test(arguments: [
    Array("my notes\nactivities count\n".utf8),
    Array("_HiStOrY_V2_\nactivities\\qcount\n".utf8),
    Array("_HiStOrY_V2_\n".utf8) + [0xFF, 0x0A],
    Array("_HiStOrY_V1_\n".utf8),
  ])
  func aForeignOrBrokenFileIsRefusedAndUntouched(bytes: [UInt8]) throws {
    let folder = try Folder()
    try folder.write(bytes, to: folder.history)
    let file = HistoryFile(path: folder.history)
    #expect(throws: HistoryFile.Problem.self) { try file.load() }
    if bytes.starts(with: Array("_HiStOrY_V2_\n".utf8)) == false {
      #expect(throws: HistoryFile.Problem.self) { try file.append("activities count") }
    }
    #expect(try folder.read(folder.history) == bytes)
  }

  @Test func aDirectoryIsRefused() throws {
    let folder = try Folder()
    try FileManager.default.createDirectory(atPath: folder.history, withIntermediateDirectories: true)
    let file = HistoryFile(path: folder.history)
    #expect(throws: HistoryFile.Problem(reason: "it is a directory")) { try file.load() }
    #expect(throws: HistoryFile.Problem.self) { try file.append("activities count") }
  }

  @Test func aLinkToADeviceIsRefusedAndNotWrittenThrough() throws {
    let folder = try Folder()
    try FileManager.default.createDirectory(
      atPath: folder.path + "/state/sekom", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.history, withDestinationPath: "/dev/null")
    let file = HistoryFile(path: folder.history)
    #expect(throws: HistoryFile.Problem(reason: "it is not a regular file")) { try file.load() }
    #expect(throws: HistoryFile.Problem(reason: "it is not a regular file")) { try file.append("x") }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.history) == "/dev/null")
  }

  @Test func aFIFOIsRefusedWithoutWaiting() throws {
    let folder = try Folder()
    try FileManager.default.createDirectory(
      atPath: folder.path + "/state/sekom", withIntermediateDirectories: true)
    #expect(mkfifo(folder.history, 0o600) == 0)
    let file = HistoryFile(path: folder.history)
    #expect(throws: HistoryFile.Problem(reason: "it is not a regular file")) { try file.load() }
  }

  @Test func aLinkToNothingIsRefusedAndNothingIsMade() throws {
    let folder = try Folder()
    try FileManager.default.createDirectory(
      atPath: folder.path + "/state/sekom", withIntermediateDirectories: true)
    let target = folder.path + "/elsewhere"
    try FileManager.default.createSymbolicLink(atPath: folder.history, withDestinationPath: target)
    let file = HistoryFile(path: folder.history)
    #expect(throws: HistoryFile.Problem.self) { try file.load() }
    #expect(throws: HistoryFile.Problem.self) { try file.append("x") }
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  /// Relative paths in HOME or XDG_STATE_HOME are ignored, as the XDG rules say.
  @Test(arguments: [
    (["HOME": "/home/anna"], "/home/anna/.local/state/sekom/history"),
    (["HOME": "/home/anna", "XDG_STATE_HOME": "/var/state"], "/var/state/sekom/history"),
    (["HOME": "/home/anna", "XDG_STATE_HOME": "state"], "/home/anna/.local/state/sekom/history"),
    (["HOME": "anna", "XDG_STATE_HOME": "state"], nil),
    (["HOME": "anna"], nil),
    (["HOME": ""], nil),
    ([:], nil),
  ])
  func relativeFoldersAreIgnored(environment: [String: String], history: String?) {
    #expect(ReplPaths(environment: environment).history == history)
  }
}
