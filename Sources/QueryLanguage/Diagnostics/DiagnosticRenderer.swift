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
      lines.append(line)
      let caret = caretLine(for: error.range, on: line, at: location, in: source)
      lines.append(color ? "\u{1B}[1;32m" + caret + "\u{1B}[0m" : caret)
    }
    lines.append(contentsOf: error.notes.map { "note: " + $0 })
    return lines.joined(separator: "\n")
  }

  /// Spaces up to the error's column (tabs kept, so the caret lines up), a caret, and tildes under the rest
  /// of the range on that line.
  static func caretLine(
    for range: SourceRange, on line: String, at location: SourceLocation, in source: SourceText
  ) -> String {
    let prefix = line.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    let end = source.location(of: range.end)
    let width = end.line == location.line ? max(1, end.column - location.column) : 1
    let available = max(1, line.count - (location.column - 1))
    return prefix + "^" + String(repeating: "~", count: max(0, min(width, available) - 1))
  }
}
