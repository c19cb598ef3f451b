import Platform

/// Byte-level helpers shared by the CSV and JSON readers.
///
/// Plan files can be hundreds of megabytes, so the readers work on raw UTF-8 bytes and make a Swift String
/// only per field. Every byte is checked once before a String is made of it (a JSON file whole, up front; a
/// CSV file a buffer at a time, before its rows are read), so that every String is made from bytes known to
/// be valid and a bad byte is reported with its line.
enum ByteText {
  /// What `firstProblem(in:)` found wrong with a byte.
  enum Problem: Equatable {
    case invalidUTF8
    case nul
  }

  /// The offset of the first byte that is not well-formed UTF-8 or is a NUL, with what it is; nil when the
  /// bytes are clean. Overlong forms, surrogates and code points past U+10FFFF are not well-formed.
  static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, problem: Problem)? {
    // Clean text, nearly always, is told 32 bytes at a time; the bad byte is then looked for here.
    if CleanText.check(bytes) == true { return nil }
    return firstProblemByteByByte(in: bytes)
  }

  /// `firstProblem` a byte at a time, eight at a time over ASCII.
  static func firstProblemByteByByte(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, problem: Problem)?
  {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i < count {
      // Plans are mostly ASCII: skip eight bytes at a time while none has the high bit set or is zero,
      // then move straight to the first byte that is neither.
      if i + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let flagged = word & 0x8080_8080_8080_8080 | CSVScanner.zeroBytes(word)
        if flagged == 0 {
          i += 8
          continue
        }
        i += flagged.trailingZeroBitCount >> 3
      }
      let lead = base[i]
      if lead < 0x80 {
        if lead == 0 { return (i, .nul) }
        i += 1
        continue
      }
      // Two-byte letters (å, ä, ö, é) are most of a Swedish plan's non-ASCII text.
      if lead >= 0xC2 && lead <= 0xDF && i + 1 < count && base[i + 1] & 0xC0 == 0x80 {
        i += 2
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return (i, .invalidUTF8)
      }
      guard i + length <= count, (lower...upper).contains(base[i + 1]) else { return (i, .invalidUTF8) }
      for k in 2..<length where !(0x80...0xBF).contains(base[i + k]) { return (i, .invalidUTF8) }
      i += length
    }
    return nil
  }

  /// The 1-based line that holds the byte at `offset`.
  static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1 }
    return line
  }

  /// The error for a file whose bytes are not clean text, or nil when they are.
  static func checkText(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> PlanFileError? {
    guard let (offset, problem) = firstProblem(in: bytes) else { return nil }
    return PlanFileError(
      path: path, line: line(of: offset, in: bytes), message: describe(problem, byte: bytes[offset]))
  }

  /// What a message says of a bad byte.
  static func describe(_ problem: Problem, byte: UInt8) -> String {
    switch problem {
    case .invalidUTF8:
      "the text is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save the file as UTF-8"
    case .nul: "a NUL byte; a plan file is text, and this looks like a binary file"
    }
  }

  /// The length of a UTF-8 byte-order mark at the start, 3 or 0.
  static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// The range without leading and trailing white space: ASCII spaces, tabs and line ends, and the
  /// no-break space (U+00A0) that spreadsheets like to leave behind.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var s = start
    var e = end
    while s < e {
      if isSpace(bytes[s]) {
        s += 1
      } else if bytes[s] == 0xC2 && s + 1 < e && bytes[s + 1] == 0xA0 {
        s += 2
      } else {
        break
      }
    }
    while e > s {
      if isSpace(bytes[e - 1]) {
        e -= 1
      } else if bytes[e - 1] == 0xA0 && e - 2 >= s && bytes[e - 2] == 0xC2 {
        e -= 2
      } else {
        break
      }
    }
    return s..<e
  }

  /// A whole number written as optional sign and decimal digits, or nil (also on overflow).
  static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    var negative = false
    if let first = bytes.first, first == 0x2B || first == 0x2D {
      negative = first == 0x2D
      i = 1
    }
    guard i < bytes.count else { return nil }
    var value = 0
    while i < bytes.count {
      let digit = Int(bytes[i]) &- 0x30
      guard (0...9).contains(digit) else { return nil }
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) =
        negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
      if overflow1 || overflow2 { return nil }
      value = sum
      i += 1
    }
    return value
  }

  /// A String from bytes already known to be valid UTF-8, in NFC: a plan's "e" + U+0300 is held as "è",
  /// so that it compares, orders and prints as the query's "è" does.
  @inline(__always)
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    CanonicalComposition.composed(String(decoding: bytes, as: UTF8.self))
  }

  /// Text for a message: the value quoted, shortened when long so that one bad cell cannot flood a
  /// terminal.
  static func quoted(_ text: String) -> String {
    let limit = 60
    return text.count <= limit ? "'\(text)'" : "'\(text.prefix(limit))…'"
  }
}
