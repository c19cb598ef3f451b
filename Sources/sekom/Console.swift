import Platform
import QueryLanguage

#if canImport(Glibc)
  import Glibc
#endif

/// Standard input, output and error, unbuffered where it matters: errors appear in order with results.
enum Console {
  static func output(_ text: String) {
    writeAll(1, text)
  }

  /// A message on standard error. Messages quote file names and what plan files and imported texts hold:
  /// their control characters are shown as pictures, line ends aside.
  static func error(_ text: String) {
    writeAll(2, ControlPictures.visible(text, keeping: .lineFeeds))
  }

  /// Standard error for a session, whose messages show their control characters as pictures already and
  /// may be coloured by escapes of their own.
  static func sessionError(_ text: String) {
    writeAll(2, text)
  }

  /// Standard input whole, or its first `limit + 1` bytes when it holds more.
  static func readStandardInput(limit: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    // A read error ends the input where it came, as the end of the input would.
    try? FileAccess.readAll(descriptor: 0, limit: limit, into: &bytes)
    return bytes
  }

  /// The option before the first argument that is not valid UTF-8 and follows one of `options`, if any.
  static func argumentNotUTF8(after options: Set<String>) -> String? {
    let count = Int(CommandLine.argc)
    guard count > 2 else { return nil }
    for index in 2..<count {
      guard let raw = CommandLine.unsafeArgv[index], let previous = CommandLine.unsafeArgv[index - 1] else {
        continue
      }
      let option = String(cString: previous)
      if options.contains(option) && String(validatingCString: raw) == nil { return option }
    }
    return nil
  }

  /// The first argument that is not valid UTF-8, its bytes shown with the invalid ones as `\xFF`, if any.
  /// Swift repairs such arguments: a file name so repaired would name another file.
  static func firstArgumentNotUTF8() -> String? {
    for index in 1..<Int(CommandLine.argc) {
      guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
      let bytes = UnsafeRawBufferPointer(start: raw, count: strlen(raw))
      var shown = ""
      var rest = bytes[...]
      while !rest.isEmpty {
        // The longest valid prefix is shown as text; the byte that breaks it, in hex.
        var valid = rest.endIndex
        while String(validating: rest[rest.startIndex..<valid], as: UTF8.self) == nil { valid -= 1 }
        shown += String(decoding: rest[rest.startIndex..<valid], as: UTF8.self)
        guard valid < rest.endIndex else { break }
        shown += "\\x" + String(rest[valid], radix: 16, uppercase: true)
        rest = rest[(valid + 1)...]
      }
      return shown
    }
    return nil
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  static func exit(_ status: ExitStatus) -> Never {
    Glibc.exit(status.rawValue)
  }

  private static func writeAll(_ fd: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let count = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        // SIGPIPE is ignored for the files sekom writes; a reader of ours that left still ends the run.
        if count < 0 && errno == EPIPE { ProcessSignals.endForBrokenPipe() }
        if count <= 0 { return }
        offset += count
      }
    }
  }
}

enum Terminal {
  enum Stream: Int32 {
    case standardInput = 0
    case standardOutput = 1
    case standardError = 2
  }

  static func isTerminal(_ stream: Stream) -> Bool { isatty(stream.rawValue) == 1 }

  /// The width in columns of the terminal a stream goes to, or $COLUMNS, or 80.
  static func width(of stream: Stream = .standardOutput) -> Int {
    var size = winsize()
    if ioctl(stream.rawValue, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
    return 80
  }
}
