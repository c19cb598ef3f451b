import Platform

/// The REPL's history file, in libedit's format (a first line `_HiStOrY_V2_`, then one entry a line with
/// vis-style escapes), read and written here rather than by libedit: libedit saves by truncating the file
/// and writing it again, which a hangup between the two leaves empty.
///
/// Each entry is appended as it is entered, in one write to a `SharedFile` under its lock, so a hangup at any moment loses at most the line being typed and two REPLs at once both
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

  /// A file whose first line is not `header`: never read as history, never written to.
  static let notAHistoryFile = Problem(reason: "it is not a history file (its first line is not \(header))")

  public init(path: String, limit: Int = 1000) {
    self.path = path
    self.limit = limit
  }

  // MARK: Reading

  /// The entries, oldest first; none when the file does not exist or is empty. A file holding more than
  /// `limit` entries is trimmed to its last `limit` when no other REPL holds its lock.
  public func load() throws(Problem) -> [String] {
    try HistoryFile.asProblem {
      guard let file = try SharedFile.forReading(path) else { return [] }
      var entries = try HistoryFile.read(file)
      if entries.count > limit {
        // Another REPL holding the lock is left alone: the file is trimmed at a later start.
        if try file.lock(path: path, waiting: false), let current = try? HistoryFile.read(file) {
          entries = current
          if entries.count > limit { try? rewrite(Array(entries.suffix(limit))) }
        }
        entries = Array(entries.suffix(limit))
      }
      return entries
    }
  }

  /// The entries of an open history file.
  private static func read(_ file: SharedFile) throws(Problem) -> [String] {
    let bytes: [UInt8]
    do {
      bytes = try file.readAll(limit: maximumBytes)
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
      throw notAHistoryFile
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
    let firstLine = Array((HistoryFile.header + "\n").utf8)
    try HistoryFile.asProblem {
      // A retry when another REPL made the file first or replaced it while this one waited for the lock.
      for _ in 0..<20 {
        guard let file = try SharedFile.forAppending(path), try file.lock(path: path, waiting: true) else {
          continue
        }
        let size = try file.size()
        var bytes: [UInt8] = []
        if size == 0 {
          bytes = firstLine
        } else {
          // Written over by something else since it was read: not ours to add to.
          guard (try? file.read(count: firstLine.count, at: 0)) == firstLine else {
            throw HistoryFile.notAHistoryFile
          }
          // A last line without its line end, as another program may leave it, stays a line of its own.
          if let last = try? file.read(count: 1, at: size - 1), last.count == 1, last[0] != UInt8(ascii: "\n")
          {
            bytes = [UInt8(ascii: "\n")]
          }
        }
        try file.append(bytes + line)
        return
      }
      throw Problem(reason: "it keeps being replaced")
    }
  }

  /// Runs the file work of `load` or `append`: whatever fails in it is a reason not to use the file.
  private static func asProblem<Result>(_ work: () throws -> Result) throws(Problem) -> Result {
    do {
      return try work()
    } catch let problem as Problem {
      throw problem
    } catch let failure as FileAccess.Failure {
      throw Problem(reason: failure.reason)
    } catch {
      throw Problem(reason: "\(error)")
    }
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
