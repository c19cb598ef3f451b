extension String {
  /// The text without white space at either end. Trimmed by Unicode scalars, not Characters: a combining
  /// mark after a space makes one Character with it, and trimming that Character would drop the mark, as
  /// it once dropped an actor written "; \u{365}" in a CSV file.
  public var trimmingSpaces: String { trimmingWhiteSpace(atStart: true) }

  /// The text without white space at its end, and at its start too when `atStart`: the one trimming rule,
  /// also for the padding after the last cell of a row.
  public func trimmingWhiteSpace(atStart: Bool) -> String {
    let scalars = unicodeScalars
    guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let first = atStart ? scalars.firstIndex(where: { !$0.properties.isWhitespace })! : scalars.startIndex
    // Most texts have nothing to trim: no new String for them.
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
    return String(scalars[first...last])
  }
}
