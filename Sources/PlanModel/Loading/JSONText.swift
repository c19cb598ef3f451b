/// Writing JSON text, for plan files and for query results alike.
public enum JSONText {
  /// A JSON string literal: UTF-8 as is, quotes, backslashes and control characters escaped. Query
  /// results in JSON use it too.
  public static func quoted(_ text: String) -> String {
    // Most texts need no escape: copied whole, since appending scalar by scalar made writing a plan of
    // 100,000 activities (every change statement writes the whole file) take a second.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      return "\"" + text + "\""
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
