/// One JSON token: its kind and where it lies in the bytes.
struct JSONToken {
  enum Kind: Equatable {
    case beginObject, endObject, beginArray, endArray, colon, comma
    case string, number, trueLiteral, falseLiteral, null
    case end
  }

  var kind: Kind
  /// The token's bytes; for a string, its content between the quotes.
  var start: Int
  var end: Int
  var line: Int
  /// A string whose content holds backslash escapes.
  var escaped = false
}

/// Splits JSON bytes (RFC 8259) into tokens, tracking lines and nesting.
///
/// Nesting deeper than `maximumDepth` is refused here, whatever reads the tokens, so that no input can make
/// a reader recurse without bound. Strings are checked as they are scanned (escapes, no raw control
/// characters, at most `CSVScanner.maximumFieldLength` bytes) and decoded only when asked for.
final class JSONTokenizer {
  static let maximumDepth = 64

  let bytes: UnsafeBufferPointer<UInt8>
  let path: String
  // Read and written for every token: `unchecked` spares the run-time exclusivity check on each access,
  // which costs more than the work; the tokenizer is used by one reader on one thread.
  @exclusivity(unchecked) private var position: Int
  @exclusivity(unchecked) private var line = 1
  @exclusivity(unchecked) private var depth = 0
  /// Where decoded strings with escapes are put; no decoded string is longer than its escaped form.
  private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVScanner.maximumFieldLength)

  init(bytes: UnsafeBufferPointer<UInt8>, path: String, start: Int) {
    self.bytes = bytes
    self.path = path
    self.position = start
  }

  deinit {
    scratch.deallocate()
  }

  func next() throws(PlanFileError) -> JSONToken {
    let count = bytes.count
    var start = position
    while start < count {
      let c = bytes[start]
      if c > 0x20 { break }
      if c == 0x0A {
        line += 1
      } else if !(c == 0x20 || c == 0x09 || c == 0x0D) {
        break
      }
      start += 1
    }
    position = start
    guard start < count else { return JSONToken(kind: .end, start: start, end: start, line: line) }
    func single(_ kind: JSONToken.Kind) -> JSONToken {
      position += 1
      return JSONToken(kind: kind, start: start, end: start + 1, line: line)
    }
    switch bytes[start] {
    case 0x7B, 0x5B:
      depth += 1
      if depth > JSONTokenizer.maximumDepth {
        throw error(
          at: start, "the JSON nests deeper than \(JSONTokenizer.maximumDepth) levels; a plan needs four")
      }
      return single(bytes[start] == 0x7B ? .beginObject : .beginArray)
    case 0x7D, 0x5D:
      depth -= 1
      return single(bytes[start] == 0x7D ? .endObject : .endArray)
    case 0x3A: return single(.colon)
    case 0x2C: return single(.comma)
    case 0x22: return try string()
    case 0x2D, 0x30...0x39: return try number()
    case 0x74: return try literal("true", .trueLiteral)
    case 0x66: return try literal("false", .falseLiteral)
    case 0x6E: return try literal("null", .null)
    default: throw error(at: start, "unexpected \(character(at: start)); expected a JSON value")
    }
  }

  private func string() throws(PlanFileError) -> JSONToken {
    let open = position
    var i = open + 1
    var escaped = false
    // The limit is on the text the string stands for, as in CSV; escapes are longer than what they mean.
    var escapeBytes = 0
    let count = bytes.count
    while true {
      i = findStringSpecial(from: i)
      guard i < count else { throw error(at: open, "the string that starts here is never closed") }
      let c = bytes[i]
      if c == 0x22 { break }
      if c == 0x5C {
        escaped = true
        guard i + 1 < count else { throw error(at: open, "the string that starts here is never closed") }
        switch bytes[i + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
          escapeBytes += 1
          i += 2
        case 0x75:
          guard i + 6 <= count, (i + 2..<i + 6).allSatisfy({ JSONTokenizer.hexValue(bytes[$0]) != nil })
          else {
            throw error(at: i, "\\u must be followed by four hexadecimal digits")
          }
          let value = (i + 2..<i + 6).reduce(0) { $0 << 4 | Int(JSONTokenizer.hexValue(bytes[$1])!) }
          escapeBytes += 6 - (value < 0x80 ? 1 : value < 0x800 ? 2 : 3)
          i += 6
        default: throw error(at: i, "unknown escape '\\\(character(at: i + 1, quoted: false))' in a string")
        }
        continue
      }
      if c < 0x20 {
        throw error(
          at: i,
          c == 0x0A ? "a line break inside a string; write it as \\n" : "a control character inside a string")
      }
      i += 1
    }
    if i - open - 1 - escapeBytes > CSVScanner.maximumFieldLength {
      throw error(
        at: open,
        "the string is \(CSVReader.grouped(i - open - 1 - escapeBytes)) bytes long; at most "
          + "\(CSVReader.grouped(CSVScanner.maximumFieldLength)) are accepted")
    }
    position = i + 1
    return JSONToken(kind: .string, start: open + 1, end: i, line: line, escaped: escaped)
  }

  /// The offset of the first quote, backslash or control character from `start`, or the end; eight bytes
  /// at a time.
  private func findStringSpecial(from start: Int) -> Int {
    let count = bytes.count
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    var i = start
    while i + 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let found =
        CSVScanner.zeroBytes(word ^ 0x2222_2222_2222_2222)
        | CSVScanner.zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        | CSVScanner.zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0)
      if found != 0 { return i + found.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < count && bytes[i] != 0x22 && bytes[i] != 0x5C && bytes[i] >= 0x20 { i += 1 }
    return i
  }

  private func number() throws(PlanFileError) -> JSONToken {
    let start = position
    var i = start
    let count = bytes.count
    func digits() -> Int {
      let first = i
      while i < count && (0x30...0x39).contains(bytes[i]) { i += 1 }
      return i - first
    }
    if bytes[i] == 0x2D { i += 1 }
    let leadingZero = i < count && bytes[i] == 0x30
    var valid = digits() > 0 && (!leadingZero || i - start - (bytes[start] == 0x2D ? 1 : 0) == 1)
    if valid && i < count && bytes[i] == 0x2E {
      i += 1
      valid = digits() > 0
    }
    if valid && i < count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
      i += 1
      if i < count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
      valid = digits() > 0
    }
    guard valid else { throw error(at: start, "a malformed number") }
    position = i
    return JSONToken(kind: .number, start: start, end: i, line: line)
  }

  private func literal(_ word: String, _ kind: JSONToken.Kind) throws(PlanFileError) -> JSONToken {
    let start = position
    let utf8 = Array(word.utf8)
    guard start + utf8.count <= bytes.count, utf8.indices.allSatisfy({ bytes[start + $0] == utf8[$0] }) else {
      throw error(at: start, "unexpected \(character(at: start)); expected a JSON value")
    }
    position += utf8.count
    return JSONToken(kind: kind, start: start, end: position, line: line)
  }

  /// The content of a string token, with escapes decoded. The result points into the file or into scratch
  /// space and is valid until the next call.
  func content(of token: JSONToken) throws(PlanFileError) -> UnsafeBufferPointer<UInt8> {
    guard token.escaped else { return UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]) }
    var n = 0
    var i = token.start
    func put(_ byte: UInt8) {
      scratch[n] = byte
      n += 1
    }
    while i < token.end {
      let c = bytes[i]
      guard c == 0x5C else {
        put(c)
        i += 1
        continue
      }
      let e = bytes[i + 1]
      i += 2
      switch e {
      case 0x62: put(0x08)
      case 0x66: put(0x0C)
      case 0x6E: put(0x0A)
      case 0x72: put(0x0D)
      case 0x74: put(0x09)
      case 0x75:
        var scalar = hex4(at: i)
        i += 4
        if (0xD800...0xDBFF).contains(scalar), i + 6 <= token.end, bytes[i] == 0x5C, bytes[i + 1] == 0x75,
          case let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        guard let decoded = Unicode.Scalar(scalar) else {
          throw error(at: i - 6, "\\u\(String(scalar, radix: 16)) is half of a surrogate pair")
        }
        if scalar == 0 { throw error(at: i - 6, "a NUL character (\\u0000) in a string") }
        for byte in UTF8.encode(decoded)! { put(byte) }
      default: put(e)
      }
    }
    return UnsafeBufferPointer(start: scratch, count: n)
  }

  private func hex4(at i: Int) -> UInt32 {
    (i..<i + 4).reduce(0) { $0 << 4 | UInt32(JSONTokenizer.hexValue(bytes[$1])!) }
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
  }

  /// How a token reads in a message: "the number 1.5", "the string 'hög'", "'}'", "the end of the file".
  func describe(_ token: JSONToken) -> String {
    let text = ByteText.string(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
    switch token.kind {
    case .string: return "the string \(ByteText.quoted(text))"
    case .number: return "the number \(text)"
    case .trueLiteral, .falseLiteral, .null: return text
    case .beginObject: return "an object"
    case .beginArray: return "an array"
    case .end: return "the end of the file"
    default: return "'\(text)'"
    }
  }

  /// The character at an offset, quoted, for messages.
  private func character(at offset: Int, quoted: Bool = true) -> String {
    guard offset < bytes.count else { return "the end of the file" }
    var end = offset + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    let character = ByteText.string(UnsafeBufferPointer(rebasing: bytes[offset..<end]))
    return quoted ? "'\(character)'" : character
  }

  /// An error at a byte offset, with its line and, since JSON lines can be long, its column (characters).
  func error(at offset: Int, field: String? = nil, _ message: String) -> PlanFileError {
    var lineStart = min(offset, bytes.count)
    while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
    var column = 1
    for i in lineStart..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
    return PlanFileError(
      path: path, line: ByteText.line(of: offset, in: bytes), field: field,
      message: "\(message) (column \(column))")
  }

  /// An error about a token's value, such as a wrong type; the line is the token's.
  func error(at token: JSONToken, field: String? = nil, _ message: String) -> PlanFileError {
    error(at: token.kind == .string ? token.start - 1 : token.start, field: field, message)
  }
}
