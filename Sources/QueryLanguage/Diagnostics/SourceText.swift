/// A text that queries are read from (a file, a `-c` argument, standard input, a line typed at the REPL),
/// with what it takes to turn a byte offset into a line and column.
public struct SourceText: Sendable {
  /// How messages name it: a path, `<command line>`, `<stdin>`.
  public let name: String
  public let text: String
  /// The text as UTF-8 bytes: the lexer and every range work in byte offsets into it.
  public let bytes: [UInt8]
  /// Byte offset where each line starts.
  private let lineStarts: [Int]

  public init(name: String, text: String) {
    self.name = name
    self.text = text
    self.bytes = Array(text.utf8)
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
    self.lineStarts = starts
  }

  /// 1-based line and column of a byte offset; the column counts characters, not bytes.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = min(max(offset, 0), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
    }
    let column = characterCount(from: lineStarts[low], to: clamped) + 1
    return SourceLocation(line: low + 1, column: column)
  }

  /// The text of a line (1-based), without its line end.
  public func line(_ number: Int) -> String {
    guard number >= 1, number <= lineStarts.count else { return "" }
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }

  /// The source text of a range.
  public func slice(_ range: SourceRange) -> String {
    String(decoding: bytes[range.start..<range.end], as: UTF8.self)
  }

  /// Characters between two offsets on one line.
  func characterCount(from start: Int, to end: Int) -> Int {
    guard end > start else { return 0 }
    return String(decoding: bytes[start..<end], as: UTF8.self).count
  }
}

/// A span of a source, in UTF-8 byte offsets: start included, end excluded.
public struct SourceRange: Hashable, Sendable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The span from the start of one range to the end of another.
  public func through(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}

public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int
  public var description: String { "\(line):\(column)" }
}
