import CLibedit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a line reader gives back.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// A pasted block of several lines, with what was typed before it: run as the same text in a file.
  case block(String)
  /// Ctrl-C: the line being typed is dropped.
  case interrupted
  /// Ctrl-D on an empty line, or the end of the input.
  case end
}

/// What a completion function returns: the candidates for the word before the cursor, and where that word
/// starts, in characters from the start of the line.
public struct Completion: Equatable, Sendable {
  public var wordStart: Int
  public var candidates: [String]

  public init(wordStart: Int, candidates: [String]) {
    self.wordStart = wordStart
    self.candidates = candidates
  }
}

/// A source of typed lines: the line editor on a terminal, or plain reading elsewhere.
public protocol LineReading: AnyObject {
  func readLine(prompt: String) -> LineInput
  func addHistory(_ entry: String)
  var historyEntries: [String] { get }
  var complete: ((String) -> Completion)? { get set }
}

/// Lines read without editing: when standard output is not a terminal (no prompt is shown then), or
/// when libedit is missing. History lives only as long as the process.
public final class PlainLineReader: LineReading {
  public var complete: ((String) -> Completion)?
  public private(set) var historyEntries: [String] = []
  private let showsPrompt: Bool

  /// With `showsPrompt` (a terminal without libedit), the prompt is written to standard output before each
  /// line is read, and Ctrl-C drops the line being typed instead of ending sekom.
  public init(showsPrompt: Bool = false) {
    self.showsPrompt = showsPrompt
    if showsPrompt { LineEditor.installInterruptHandler() }
  }

  public func readLine(prompt: String) -> LineInput {
    guard showsPrompt else {
      guard let line = Swift.readLine(strippingNewline: true) else { return .end }
      return .line(line)
    }
    print(prompt, terminator: "")
    fflush(sekom_stdout())
    _ = LineEditor.takeInterrupt()
    return readTerminalLine()
  }

  /// A line from a terminal in its ordinary line mode, where each read gives at most one line: one that
  /// does not end in a line feed was ended by Ctrl-D, and the cursor still stands after it.
  private func readTerminalLine() -> LineInput {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      switch LineEditor.readChunk(into: &buffer) {
      case .interrupted:
        return .interrupted
      case .end:
        guard !bytes.isEmpty else { return .end }
        return .line(String(decoding: bytes, as: UTF8.self))
      case .bytes(let count):
        bytes += buffer[0..<count]
        if bytes.last == UInt8(ascii: "\n") {
          bytes.removeLast()
          return .line(String(decoding: bytes, as: UTF8.self))
        }
        // Ctrl-D on a non-empty line gives it without its line end: the result starts on a line of its own.
        print("")
        fflush(sekom_stdout())
        return .line(String(decoding: bytes, as: UTF8.self))
      }
    }
  }

  public func addHistory(_ entry: String) {
    if historyEntries.last != entry { historyEntries.append(entry) }
  }
}
