/// Turns an error and its source into the message users read:
///
///     query.sq:1:18: error: unknown field 'vemm'; did you mean 'vem'?
///     activities where vemm contains Kansli
///                      ^~~~
public enum DiagnosticRenderer {
  /// With `color`, for a terminal: the severity in bold red and the caret in bold green, as compilers do.
  /// With `width`, a terminal's, the line is cut to it, so that the caret comes on the row under it.
  public static func render(
    _ error: QueryError, in source: SourceText, color: Bool = false, width: Int? = nil
  )
    -> String
  {
    let location = source.location(of: error.range.start)
    let word = error.kind == .warning ? "warning:" : "error:"
    let severity =
      color ? (error.kind == .warning ? "\u{1B}[1;35m" : "\u{1B}[1;31m") + word + "\u{1B}[0m" : word
    // The message may quote the plan's values ("did you mean …?") and the user's words: shown, as the line
    // is, with their control characters as pictures.
    let message = ControlPictures.visible(error.message)
    var lines = ["\(ControlPictures.visible(source.name)):\(location): \(severity) \(message)"]
    if let shown = shownLine(for: error.range, on: location.line, in: source, width: width) {
      lines.append(shown.text)
      lines.append(color ? "\u{1B}[1;32m" + shown.caret + "\u{1B}[0m" : shown.caret)
    }
    lines.append(contentsOf: error.notes.map { "note: " + ControlPictures.visible($0) })
    return lines.joined(separator: "\n")
  }

  static let maximumShownWidth = 160
  /// The least shown of a line however narrow the terminal.
  static let minimumShownWidth = 20

  /// The line of an error and the caret line under it; nil for an empty line. A long line is shown as the
  /// part around the error, at most `maximumShownWidth` characters or the terminal's `width` (a line the
  /// terminal wrapped would leave the caret under the wrong row), its cut ends marked with "…". Only
  /// bytes near the error are read, so that reporting many errors on one long line costs no time in the
  /// line's length.
  static func shownLine(for range: SourceRange, on line: Int, in source: SourceText, width: Int? = nil) -> (
    text: String, caret: String
  )? {
    let lineRange = source.lineRange(line)
    guard !lineRange.isEmpty else { return nil }
    let offset = min(max(range.start, lineRange.lowerBound), lineRange.upperBound)
    // Enough bytes on either side for the window whatever the script: a character is at most 4 bytes in
    // all but rare clusters.
    let reach = maximumShownWidth * 4
    let from = scalarStart(max(lineRange.lowerBound, offset - reach), in: source.bytes)
    let to = scalarStart(min(lineRange.upperBound, offset + reach), in: source.bytes)
    // Control characters are shown by their pictures (␀, ␛): written as they are, a NUL or an escape
    // would reach the terminal. Tabs stay, for the caret to line up under them. A C1 control's picture is
    // longer than one character, so then the caret's place is counted in the text as shown.
    let decoded = String(decoding: source.bytes[from..<to], as: UTF8.self)
    let hasControl = ControlPictures.hasControl(source.bytes[from..<to], keeping: .tabs)
    let characters = Array(hasControl ? ControlPictures.visible(decoded, keeping: .tabs) : decoded)
    let shownCount = { (start: Int, end: Int) in
      hasControl
        ? ControlPictures.visible(String(decoding: source.bytes[start..<end], as: UTF8.self), keeping: .tabs)
          .count
        : source.characterCount(from: start, to: end)
    }
    let errorIndex = shownCount(from, offset)
    let most = width.map { max(minimumShownWidth, min(maximumShownWidth, $0)) } ?? maximumShownWidth
    let whole = from == lineRange.lowerBound && to == lineRange.upperBound && characters.count <= most
    // Room for the "…" at either end when the line is cut.
    let window = whole ? characters.count : most - 2
    let start = max(0, min(errorIndex - window / 3, characters.count - window))
    let end = min(characters.count, start + window)
    let cutBefore = from > lineRange.lowerBound || start > 0
    let cutAfter = to < lineRange.upperBound || end < characters.count
    let text = (cutBefore ? "…" : "") + String(characters[start..<end]) + (cutAfter ? "…" : "")
    // Spaces up to the error (tabs kept, so the caret lines up), a caret, and tildes under the rest of the
    // range as far as it is shown.
    let prefix =
      (cutBefore ? " " : "") + characters[start..<errorIndex].map { $0 == "\t" ? "\t" : " " }.joined()
    let rangeEnd = min(range.end, lineRange.upperBound)
    let width = rangeEnd > offset ? shownCount(offset, min(rangeEnd, to)) : 1
    let available = max(1, end - errorIndex)
    return (text, prefix + "^" + String(repeating: "~", count: max(0, min(width, available) - 1)))
  }

  /// The offset itself, or the start of the UTF-8 sequence it falls inside.
  private static func scalarStart(_ offset: Int, in bytes: [UInt8]) -> Int {
    var offset = offset
    while offset > 0, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
    return offset
  }
}
