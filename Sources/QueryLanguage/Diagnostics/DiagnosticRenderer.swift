/// Turns an error and its source into the message users read:
///
///     query.sq:1:18: error: unknown field 'vemm'; did you mean 'vem'?
///     activities where vemm contains Kansli
///                      ^~~~
public enum DiagnosticRenderer {
  /// With `color`, for a terminal: the severity in bold red and the caret in bold green, as compilers do.
  public static func render(_ error: QueryError, in source: SourceText, color: Bool = false) -> String {
    let location = source.location(of: error.range.start)
    let severity = color ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
    var lines = ["\(source.name):\(location): \(severity) \(error.message)"]
    let line = source.line(location.line)
    if !line.isEmpty {
      let (shown, shift) = window(of: line, around: location.column)
      let shifted = SourceLocation(line: location.line, column: location.column - shift)
      lines.append(shown)
      let caret = caretLine(for: error.range, on: shown, at: shifted, in: source, shift: shift)
      lines.append(color ? "\u{1B}[1;32m" + caret + "\u{1B}[0m" : caret)
    }
    lines.append(contentsOf: error.notes.map { "note: " + $0 })
    return lines.joined(separator: "\n")
  }

  static let maximumShownWidth = 160

  /// A long line is shown as the part around the column, cut ends marked with "…"; `shift` is how many
  /// characters the shown part starts later, less the mark.
  static func window(of line: String, around column: Int) -> (text: String, shift: Int) {
    let characters = Array(line)
    guard characters.count > maximumShownWidth else { return (line, 0) }
    let start = max(0, min(column - 1 - maximumShownWidth / 3, characters.count - maximumShownWidth))
    let end = min(characters.count, start + maximumShownWidth)
    let text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    return (text, start > 0 ? start - 1 : 0)
  }

  /// Spaces up to the error's column (tabs kept, so the caret lines up), a caret, and tildes under the rest
  /// of the range on that line.
  static func caretLine(
    for range: SourceRange, on line: String, at location: SourceLocation, in source: SourceText,
    shift: Int = 0
  ) -> String {
    let prefix = line.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    var end = source.location(of: range.end)
    end.column -= shift
    let width = end.line == location.line ? max(1, end.column - location.column) : 1
    let available = max(1, line.count - (location.column - 1))
    return prefix + "^" + String(repeating: "~", count: max(0, min(width, available) - 1))
  }
}
