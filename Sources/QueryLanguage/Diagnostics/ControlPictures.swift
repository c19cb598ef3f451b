/// The one rule by which text from plan files, scripts and the command line is made safe to show: each
/// control character (C0, DEL and C1, U+0080–U+009F) is written as a visible picture instead of itself,
/// so that no escape sequence, carriage return or bell of the data reaches a terminal. C0 and DEL get
/// Unicode's control pictures (␛ for ESC, ␍ for CR, ␡ for DEL); C1 has none and is written as its code,
/// `<U+009B>`, as `less` writes it.
public enum ControlPictures {
  /// Control characters a format has a place for and which are written as they are.
  public struct Kept: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// LF, where a text may go on over lines (a table's cell, a quoted CSV field).
    public static let lineFeeds = Kept(rawValue: 1)
    /// Tabs, where they line up with the same text above (the caret under a shown line).
    public static let tabs = Kept(rawValue: 2)
  }

  /// The text with every control character but the `kept` ones shown by its picture; the text itself
  /// when it holds none, found by a look at its bytes.
  public static func visible(_ text: String, keeping kept: Kept = []) -> String {
    let found =
      text.utf8.withContiguousStorageIfAvailable { hasControl($0, keeping: kept) }
      ?? hasControl(text.utf8, keeping: kept)
    guard found else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if isControl(scalar) && !isKept(scalar, kept) {
        out += picture(of: scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// JSON text with DEL and the C1 controls, which JSON lets through raw, escaped as `\u009b`, as its
  /// strings' C0 controls always are: the same JSON, with nothing raw for a terminal. Its line feeds are
  /// its layout (a string's are written `\n`).
  public static func escapedInJSON(_ json: String) -> String {
    let found =
      json.utf8.withContiguousStorageIfAvailable { hasControl($0, keeping: .lineFeeds) }
      ?? hasControl(json.utf8, keeping: .lineFeeds)
    guard found else { return json }
    var out = ""
    out.reserveCapacity(json.utf8.count + 16)
    for scalar in json.unicodeScalars {
      guard isControl(scalar) && scalar != "\n" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
    return out
  }

  /// Whether a scalar is a control character: C0, DEL or C1.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// How a control character is shown.
  public static func picture(of scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + scalar.value)!)
    case 0x7F: return "\u{2421}"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
  }

  /// Whether UTF-8 holds a control character other than the `kept` ones: C0 and DEL are single bytes, C1
  /// is 0xC2 followed by 0x80–0x9F.
  static func hasControl<Bytes: Sequence<UInt8>>(_ utf8: Bytes, keeping kept: Kept = []) -> Bool {
    var afterC2 = false
    for byte in utf8 {
      if byte < 0x20 || byte == 0x7F {
        if byte == 0x0A && kept.contains(.lineFeeds) || byte == 0x09 && kept.contains(.tabs) {
          afterC2 = false
          continue
        }
        return true
      }
      if afterC2 && byte >= 0x80 && byte <= 0x9F { return true }
      afterC2 = byte == 0xC2
    }
    return false
  }

  private static func isKept(_ scalar: Unicode.Scalar, _ kept: Kept) -> Bool {
    (scalar == "\n" && kept.contains(.lineFeeds)) || (scalar == "\t" && kept.contains(.tabs))
  }
}
