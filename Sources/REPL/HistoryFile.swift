import Platform

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The REPL's history file, in libedit's format (a first line `_HiStOrY_V2_`, then one entry a line with
/// vis-style escapes), read and written here rather than by libedit: libedit saves by truncating the file
/// and writing it again, which a hangup between the two leaves empty.
///
/// Each entry is appended as it is entered, in one `write` on a descriptor opened with `O_APPEND` and locked
/// with `flock`, so a hangup at any moment loses at most the line being typed and two REPLs at once both
/// keep theirs. The only whole-file rewrite, trimming to `limit` entries, goes through `AtomicFile` under
/// the same lock. A file that is not this format is never written.
public struct HistoryFile: Sendable {
  public static let header = "_HiStOrY_V2_"
  /// More than this is not a history file anyone typed; it is refused rather than read.
  static let maximumBytes = 64 << 20

  public let path: String
  /// Entries kept when the file is trimmed, as many as the line editor holds.
  public let limit: Int

  /// Why a history file is not used.
  public struct Problem: Error, Equatable, Sendable {
    public var reason: String
  }

  public init(path: String, limit: Int = 1000) {
    self.path = path
    self.limit = limit
  }

  // MARK: Reading

  /// The entries, oldest first; none when the file does not exist or is empty. A file holding more than
  /// `limit` entries is trimmed to its last `limit` when no other REPL holds its lock.
  public func load() throws(Problem) -> [String] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard fd >= 0 else {
      let error = errno
      var info = stat()
      // A dangling link: writing would create the file it points to, wherever that is.
      if error == ENOENT && lstat(path, &info) == 0 { throw Problem(reason: "it is a link to nothing") }
      if error == ENOENT { return [] }
      throw Problem(reason: String(cString: strerror(error)))
    }
    defer { close(fd) }
    var entries = try HistoryFile.read(fd)
    if entries.count > limit {
      // Another REPL holding the lock is left alone: the file is trimmed at a later start.
      if flock(fd, LOCK_EX | LOCK_NB) == 0, HistoryFile.isStill(fd, at: path), lseek(fd, 0, SEEK_SET) == 0,
        let current = try? HistoryFile.read(fd)
      {
        entries = current
        if entries.count > limit { try? rewrite(Array(entries.suffix(limit))) }
      }
      entries = Array(entries.suffix(limit))
    }
    return entries
  }

  /// The entries of an open history file, read from its current offset.
  private static func read(_ fd: Int32) throws(Problem) -> [String] {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Problem(reason: String(cString: strerror(errno))) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw Problem(reason: "it is a directory")
    default: throw Problem(reason: "it is not a regular file")
    }
    var bytes: [UInt8] = []
    do {
      try FileAccess.readAll(descriptor: fd, limit: maximumBytes, into: &bytes)
    } catch {
      throw Problem(reason: error.reason)
    }
    guard bytes.count <= maximumBytes else { throw Problem(reason: "it is larger than 64 MiB") }
    return try parse(bytes)
  }

  /// The entries of a history file's bytes; an empty file has none.
  public static func parse(_ bytes: [UInt8]) throws(Problem) -> [String] {
    guard !bytes.isEmpty else { return [] }
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    guard lines.first?.elementsEqual(header.utf8) == true else {
      throw Problem(reason: "it is not a history file (its first line is not \(header))")
    }
    lines.removeFirst()
    var entries: [String] = []
    for (index, line) in lines.enumerated() where !line.isEmpty {
      guard let entry = decode(line) else {
        throw Problem(reason: "line \(index + 2) is not in the history format")
      }
      entries.append(entry)
    }
    return entries
  }

  // MARK: Writing

  /// Appends one entry. The file and its missing folders (0700, as the XDG rules ask) are made when the
  /// file does not exist; an empty file gets the first line first.
  public func append(_ entry: String) throws(Problem) {
    let line = Array((HistoryFile.encode(entry) + "\n").utf8)
    // A retry when another REPL made the file first or replaced it while this one waited for the lock.
    for _ in 0..<20 {
      var fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
      if fd < 0 && errno == ENOENT {
        var info = stat()
        if lstat(path, &info) == 0 { throw Problem(reason: "it is a link to nothing") }
        HistoryFile.makeFolders(for: path)
        fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 && errno == EEXIST { continue }
      }
      guard fd >= 0 else { throw Problem(reason: String(cString: strerror(errno))) }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0 else { throw Problem(reason: String(cString: strerror(errno))) }
      guard info.st_mode & S_IFMT == S_IFREG else { throw Problem(reason: "it is not a regular file") }
      while flock(fd, LOCK_EX) != 0 {
        guard errno == EINTR else { throw Problem(reason: String(cString: strerror(errno))) }
      }
      guard HistoryFile.isStill(fd, at: path), fstat(fd, &info) == 0 else { continue }
      var bytes: [UInt8] = []
      if info.st_size == 0 {
        bytes = Array((HistoryFile.header + "\n").utf8)
      } else {
        // Written over by something else since it was read: not ours to add to.
        var start = [UInt8](repeating: 0, count: HistoryFile.header.utf8.count + 1)
        guard pread(fd, &start, start.count, 0) == start.count,
          start.elementsEqual((HistoryFile.header + "\n").utf8)
        else {
          throw Problem(reason: "it is not a history file (its first line is not \(HistoryFile.header))")
        }
        // A last line without its line end, as another program may leave it, stays a line of its own.
        var last: UInt8 = 0
        if pread(fd, &last, 1, off_t(info.st_size) - 1) == 1 && last != UInt8(ascii: "\n") {
          bytes = [UInt8(ascii: "\n")]
        }
      }
      bytes += line
      // One write: the entry is in the file whole or not at all, whatever signal comes.
      let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
      guard written == bytes.count else {
        let reason = written < 0 ? String(cString: strerror(errno)) : "the disk is full"
        throw Problem(reason: reason)
      }
      return
    }
    throw Problem(reason: "it keeps being replaced")
  }

  /// Replaces the file with `entries`, whole or not at all. The caller holds the lock.
  private func rewrite(_ entries: [String]) throws(FileAccess.Failure) {
    let file = try AtomicFile(path: path)
    do {
      try file.write(([HistoryFile.header] + entries.map(HistoryFile.encode)).joined(separator: "\n") + "\n")
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }

  /// Whether `path` still names the file open as `fd`, and not one put in its place.
  private static func isStill(_ fd: Int32, at path: String) -> Bool {
    var open = stat()
    var named = stat()
    return fstat(fd, &open) == 0 && stat(path, &named) == 0 && open.st_dev == named.st_dev
      && open.st_ino == named.st_ino
  }

  /// Makes the missing folders of `path`, 0700 each.
  static func makeFolders(for path: String) {
    var folder = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/").dropLast() {
      folder += "/" + part
      var info = stat()
      if stat(folder, &info) != 0 { mkdir(folder, 0o700) }
    }
  }

  // MARK: The format

  /// One entry as a line: space, tab, newline and other control characters as three-digit octal escapes,
  /// a backslash doubled, as libedit writes them. Other characters, å ä ö too, are written as they are.
  public static func encode(_ entry: String) -> String {
    var line = ""
    for scalar in entry.unicodeScalars {
      if scalar == "\\" {
        line += "\\\\"
      } else if scalar.value <= 0x20 || scalar.value == 0x7f {
        let octal = String(scalar.value, radix: 8)
        line += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
      } else {
        line.unicodeScalars.append(scalar)
      }
    }
    return line
  }

  /// One line as an entry, undoing every escape libedit's `strunvis` knows (octal, `\\`, C-style letters,
  /// `\^X`, `\M-X`, `\M^X`); nil when an escape is unknown or cut short, or the text is not UTF-8.
  public static func decode<Line: Collection<UInt8>>(_ line: Line) -> String? {
    let input = Array(line)
    var bytes: [UInt8] = []
    var index = 0
    func next() -> UInt8? {
      guard index < input.count else { return nil }
      defer { index += 1 }
      return input[index]
    }
    func control(_ byte: UInt8) -> UInt8 { byte == UInt8(ascii: "?") ? 0x7f : byte & 0x1f }
    while let byte = next() {
      guard byte == UInt8(ascii: "\\") else {
        bytes.append(byte)
        continue
      }
      guard let escape = next() else { return nil }
      switch escape {
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var value = Int(escape - UInt8(ascii: "0"))
        for _ in 0..<2 {
          guard index < input.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(input[index]) else {
            break
          }
          value = value * 8 + Int(input[index] - UInt8(ascii: "0"))
          index += 1
        }
        guard value <= 0xff else { return nil }
        bytes.append(UInt8(value))
      case UInt8(ascii: "\\"): bytes.append(escape)
      case UInt8(ascii: "n"): bytes.append(0x0a)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "r"): bytes.append(0x0d)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "a"): bytes.append(0x07)
      case UInt8(ascii: "v"): bytes.append(0x0b)
      case UInt8(ascii: "f"): bytes.append(0x0c)
      case UInt8(ascii: "s"): bytes.append(0x20)
      case UInt8(ascii: "E"): bytes.append(0x1b)
      case UInt8(ascii: "$"): break
      case UInt8(ascii: "^"):
        guard let letter = next() else { return nil }
        bytes.append(control(letter))
      case UInt8(ascii: "M"):
        switch next() {
        case UInt8(ascii: "-"):
          guard let letter = next() else { return nil }
          bytes.append(letter | 0x80)
        case UInt8(ascii: "^"):
          guard let letter = next() else { return nil }
          bytes.append(control(letter) | 0x80)
        default: return nil
        }
      default: return nil
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }
}

/// write(2), named apart from `HistoryFile`'s own so that the C function is found on every C library.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
