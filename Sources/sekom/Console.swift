import Platform
import QueryLanguage

/// Standard input, output and error, unbuffered where it matters: errors appear in order with results.
enum Console {
  static func output(_ text: String) {
    ProcessIO.write(text, to: .standardOutput)
  }

  /// A message on standard error. Messages quote file names and what plan files and imported texts hold:
  /// their control characters are shown as pictures, line ends aside.
  static func error(_ text: String) {
    ProcessIO.write(ControlPictures.visible(text, keeping: .lineFeeds), to: .standardError)
  }

  /// Standard error for a session, whose messages show their control characters as pictures already and
  /// may be coloured by escapes of their own.
  static func sessionError(_ text: String) {
    ProcessIO.write(text, to: .standardError)
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
      var length = 0
      while raw[length] != 0 { length += 1 }
      let bytes = UnsafeRawBufferPointer(start: raw, count: length)
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

  static func exit(_ status: CommandStatus) -> Never {
    ProcessIO.exit(status.code)
  }

  static func exit(_ status: ExitStatus) -> Never {
    exit(.session(status))
  }
}
