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

  /// What the first argument that is not valid UTF-8 is refused as, if any: the value of an option that
  /// runs or titles statements (`-c`, `--param`, `--title`), or any other argument, shown with its bytes.
  ///
  /// `arguments` are `CommandLine.arguments` without the program's name, which Swift has repaired: an
  /// argument is valid exactly when repairing left its bytes as they were, so no argument is decoded again.
  static func argumentNotUTF8(in arguments: [String]) -> ArgumentNotUTF8? {
    var first: ArgumentNotUTF8?
    for (index, argument) in arguments.enumerated() {
      guard let raw = CommandLine.unsafeArgv[index + 1], !argument.hasBytes(of: raw) else { continue }
      let option = index > 0 ? arguments[index - 1] : ""
      if option == "-c" || option == "--param" || option == "--title" { return .value(after: option) }
      first = first ?? .argument(shown(raw))
    }
    return first
  }

  enum ArgumentNotUTF8 {
    /// A statement or a parameter value so repaired would run as something the user did not write.
    case value(after: String)
    /// A file name so repaired would name another file; shown with its invalid bytes as `\xFF`.
    case argument(String)
  }

  /// An argument's bytes, the longest valid runs as text and each byte that breaks them in hex.
  private static func shown(_ raw: UnsafePointer<CChar>) -> String {
    var length = 0
    while raw[length] != 0 { length += 1 }
    let bytes = UnsafeRawBufferPointer(start: raw, count: length)
    var shown = ""
    var rest = bytes[...]
    while !rest.isEmpty {
      var valid = rest.endIndex
      while String(validating: rest[rest.startIndex..<valid], as: UTF8.self) == nil { valid -= 1 }
      shown += String(decoding: rest[rest.startIndex..<valid], as: UTF8.self)
      guard valid < rest.endIndex else { break }
      shown += "\\x" + String(rest[valid], radix: 16, uppercase: true)
      rest = rest[(valid + 1)...]
    }
    return shown
  }

  static func exit(_ status: CommandStatus) -> Never {
    ProcessIO.exit(status.code)
  }

  static func exit(_ status: ExitStatus) -> Never {
    exit(.session(status))
  }
}

extension String {
  /// Whether the string's UTF-8 is exactly the C string's bytes.
  fileprivate func hasBytes(of raw: UnsafePointer<CChar>) -> Bool {
    var index = 0
    for byte in utf8 {
      guard raw[index] != 0, UInt8(bitPattern: raw[index]) == byte else { return false }
      index += 1
    }
    return raw[index] == 0
  }
}
