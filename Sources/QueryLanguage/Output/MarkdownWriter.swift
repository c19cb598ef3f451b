import PlanModel

/// GitHub-flavoured Markdown: a table, or a heading and a table for each group.
/// A result becomes a document for the meeting papers when its title was given (by `--title` or the
/// script's header comment) or it is grouped: a title, the plan and the day it was made, then the table,
/// or a heading and a table for each group.
struct MarkdownWriter {
  var document: DocumentInfo?
  var words = ReportWords()

  func render(_ result: QueryResult) -> String {
    (isDocument(result) ? heading : "") + body(result)
  }

  /// Whether the result is written under the title and byline.
  func isDocument(_ result: QueryResult) -> Bool {
    guard let document else { return false }
    if case .groups = result { return true }
    return document.titleGiven
  }

  /// The title and the byline, each a block of its own.
  var heading: String { title + byline }
  var title: String { document.map { "# \(cell($0.title))\n\n" } ?? "" }
  var byline: String { document.map { "\(cell($0.byline))\n\n" } ?? "" }

  /// The result without the heading.
  func body(_ result: QueryResult) -> String {
    switch result {
    case .activities(let columns, _, let rows):
      return table(columns, rows)
    case .groups(let field, let columns, _, let groups):
      return groups.map { group in
        let label = Cells.groupLabel(group.value, of: field, words: words)
        let heading = document == nil ? "\(field.name): \(label)" : label
        return "## \(cell(heading))\n\n" + table(columns, group.rows)
      }
      .joined(separator: "\n")
    case .counts(let field, let entries):
      var out = "| \(field.name) | \(Cells.countHeader) |\n| --- | ---: |\n"
      for entry in entries {
        out += "| \(cell(Cells.groupLabel(entry.value, of: field, words: words))) | \(entry.count) |\n"
      }
      return out
    case .count(let n):
      return "\(n)\n"
    }
  }

  private func table(_ columns: [Field], _ rows: [Activity]) -> String {
    var out = "| " + columns.map(\.name).joined(separator: " | ") + " |\n"
    out += "| " + columns.map { Cells.isNumeric($0) ? "---:" : "---" }.joined(separator: " | ") + " |\n"
    let cells = columns.map { Cells.text($0, words: words) }
    for row in rows { out += "| " + cells.map { cell($0(row)) }.joined(separator: " | ") + " |\n" }
    return out
  }

  /// Plan text as CommonMark and GitHub read it back in a table cell or heading: a backslash before each
  /// ASCII mark that could start markup there (emphasis, code, links, raw HTML, entities, strikethrough,
  /// math, a heading's closing #s, the cell's end). Block markup (lists, quotes) needs a line start, which
  /// a cell or heading never gives its text, so - . , ( ) : ! ? and quotes are left as the plan wrote
  /// them. Line ends become <br>, the one markup written here.
  ///
  /// A web address (http://, https://, www.) is made a link by GitHub from the text as written, escapes
  /// and all, so inside one only what could reach out of it is escaped: `/om_oss#mer` stays a working link
  /// rather than showing `\_` and `\#`.
  func cell(_ text: String) -> String {
    // Most texts hold none of these: leave them without looking at their characters.
    guard text.utf8.contains(where: MarkdownWriter.isMark) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = Substring(text)
    var atWordStart = true
    var inAddress = false
    while let character = rest.first {
      if character.isWhitespace || character == "<" {
        inAddress = false
      } else if atWordStart && !inAddress
        && (character == "h" || character == "w" || character == "H" || character == "W")
      {
        let start = rest.prefix(8).lowercased()
        inAddress = start.hasPrefix("http://") || start.hasPrefix("https://") || start.hasPrefix("www.")
      }
      switch character {
      case "\r\n", "\n", "\r": out += "<br>"
      case _
      where (inAddress ? MarkdownWriter.escapedInAddresses : MarkdownWriter.escaped).contains(character):
        out.append("\\")
        out.append(character)
      default: out.append(character)
      }
      // Where GitHub starts a link: after a space or one of ( * _ ~.
      atWordStart = character.isWhitespace || "(*_~".contains(character)
      rest = rest.dropFirst()
    }
    return out
  }

  private static let escaped: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#", "$",
  ]
  private static let escapedInAddresses: Set<Character> = ["\\", "`", "*", "[", "]", "<", ">", "|"]
  /// The ASCII bytes of `escaped` and the line ends, as bits: tested for every byte of every cell.
  private static let markBits: (low: UInt64, high: UInt64) = escaped.union(["\n", "\r"]).reduce((0, 0)) {
    bits, mark in
    let value = UInt64(mark.asciiValue!)
    return value < 64 ? (bits.low | 1 << value, bits.high) : (bits.low, bits.high | 1 << (value - 64))
  }

  private static func isMark(_ byte: UInt8) -> Bool {
    byte < 64
      ? markBits.low & 1 << UInt64(byte) != 0 : byte < 128 && markBits.high & 1 << UInt64(byte - 64) != 0
  }
}
