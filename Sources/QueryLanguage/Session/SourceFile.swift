import Platform

/// Reading a script from a file: whole, as UTF-8, with the place of the first invalid byte named.
public enum SourceFile {
  public struct Failure: Error {
    /// The message for standard error, starting with the file's name.
    public var message: String
    /// The reason alone, for messages that name the file themselves.
    public var reason: String
    public var status: ExitStatus
  }

  public static func read(_ path: String) -> Result<SourceText, Failure> {
    let bytes: [UInt8]
    do throws(FileAccess.Failure) {
      bytes = try FileAccess.readBytes(path, limit: Session.maximumSourceBytes)
    } catch {
      let reason = "cannot read '\(path)': \(error.reason)"
      return .failure(Failure(message: "sekom: error: " + reason, reason: reason, status: .fileError))
    }
    return text(from: bytes, name: path)
  }

  /// Text from bytes: refused when they are not UTF-8 or too many. A byte-order mark is dropped.
  public static func text(from bytes: [UInt8], name: String) -> Result<SourceText, Failure> {
    guard bytes.count <= Session.maximumSourceBytes else {
      let reason = "'\(name)' is larger than \(Session.maximumSourceBytes >> 20) MiB"
      return .failure(Failure(message: "sekom: error: " + reason, reason: reason, status: .fileError))
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) {
      return .success(SourceText(name: name, text: text))
    }
    let bad = firstInvalidOffset(body)
    let prefix = SourceText(name: name, text: String(decoding: body[..<bad], as: UTF8.self))
    let location = prefix.location(of: prefix.bytes.count)
    let byte = String(body[bad], radix: 16, uppercase: true)
    let reason = "invalid UTF-8 (byte 0x\(byte)); sekom reads UTF-8 text"
    return .failure(
      Failure(
        message: "\(name):\(location): error: \(reason)", reason: "\(location): \(reason)",
        status: .queryError))
  }

  /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
  static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = bytes.startIndex
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return offset
      case .error: return offset
      }
    }
  }
}
