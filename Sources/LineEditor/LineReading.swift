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

  /// With `showsPrompt`, the prompt is written to standard output before each line is read.
  public init(showsPrompt: Bool = false) {
    self.showsPrompt = showsPrompt
  }

  public func readLine(prompt: String) -> LineInput {
    if showsPrompt {
      print(prompt, terminator: "")
      fflush(sekom_stdout())
    }
    guard let line = Swift.readLine(strippingNewline: true) else { return .end }
    return .line(line)
  }

  public func addHistory(_ entry: String) {
    if historyEntries.last != entry { historyEntries.append(entry) }
  }
}
