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
  /// For each long line that is not all ASCII, by line index: places at character boundaries every
  /// `checkpointSpacing` bytes or so, with their columns. A column is counted from the nearest one before
  /// it, so that the errors on one long line do not each cost time in the line's length.
  private let checkpoints: [Int: [(offset: Int, column: Int)]]
  /// The lines with a byte outside ASCII, where a column is not simply a byte count.
  private let nonASCIILines: Set<Int>

  static let checkpointSpacing = 4_096

  public init(name: String, text: String) {
    self.name = name
    self.text = text
    let bytes = Array(text.utf8)
    self.bytes = bytes
    var starts = [0]
    var nonASCII = Set<Int>()
    var lineHasNonASCII = false
    for (offset, byte) in bytes.enumerated() {
      if byte == UInt8(ascii: "\n") {
        if lineHasNonASCII { nonASCII.insert(starts.count - 1) }
        lineHasNonASCII = false
        starts.append(offset + 1)
      } else if byte >= 0x80 {
        lineHasNonASCII = true
      }
    }
    if lineHasNonASCII { nonASCII.insert(starts.count - 1) }
    lineStarts = starts
    nonASCIILines = nonASCII
    var checkpoints: [Int: [(offset: Int, column: Int)]] = [:]
    for line in nonASCII {
      let start = starts[line]
      let end = line + 1 < starts.count ? starts[line + 1] : bytes.count
      guard end - start > SourceText.checkpointSpacing else { continue }
      var marks: [(offset: Int, column: Int)] = []
      var offset = start
      var column = 1
      for character in String(decoding: bytes[start..<end], as: UTF8.self) {
        if offset - (marks.last?.offset ?? start) >= SourceText.checkpointSpacing {
          marks.append((offset, column))
        }
        offset += character.utf8.count
        column += 1
      }
      checkpoints[line] = marks
    }
    self.checkpoints = checkpoints
  }

  /// 1-based line and column of a byte offset; the column counts characters, not bytes.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = min(max(offset, 0), bytes.count)
    let line = lineIndex(of: clamped)
    var from = (offset: lineStarts[line], column: 1)
    if !nonASCIILines.contains(line) {
      return SourceLocation(line: line + 1, column: clamped - from.offset + 1)
    }
    if let marks = checkpoints[line], let last = marks.lastIndex(where: { $0.offset <= clamped }) {
      from = marks[last]
    }
    return SourceLocation(
      line: line + 1, column: from.column + characterCount(from: from.offset, to: clamped))
  }

  /// The byte range of a line (1-based), without its line end; empty for a line past the last.
  public func lineRange(_ number: Int) -> Range<Int> {
    guard number >= 1, number <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<max(start, end)
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

  /// The index of the line an offset is on.
  private func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
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
