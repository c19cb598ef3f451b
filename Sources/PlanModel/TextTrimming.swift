extension String {
  /// The text without white space at either end. Trimmed by Unicode scalars, not Characters: a combining
  /// mark after a space makes one Character with it, and trimming that Character would drop the mark, as
  /// it once dropped an actor written "; \u{365}" in a CSV file.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    // Most texts have nothing to trim: no new String for them.
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
    return String(scalars[first...last])
  }
}
