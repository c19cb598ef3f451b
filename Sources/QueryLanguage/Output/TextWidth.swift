/// How many characters a text shows as, for lining up columns.
enum TextWidth {
  /// The text's Characters, counted without Unicode's grapheme rules where they cannot change the count:
  /// in text of scalars below U+0300 (ASCII and the Latin letters of Swedish, å ä ö é ü) with no CR, each
  /// scalar is a character of its own. Other text is counted by the rules.
  static func of<Text: StringProtocol>(_ text: Text) -> Int {
    var scalars = 0
    for byte in text.utf8 {
      // U+0300, the first combining mark, is 0xCC 0x80: a lead byte from 0xCC on may start one.
      if byte >= 0xCC || byte == 0x0D { return text.count }
      if byte & 0xC0 != 0x80 { scalars += 1 }
    }
    return scalars
  }

  /// Whether the text holds a line feed: a search of its bytes in place.
  static func hasLineBreak(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) } ?? text.utf8.contains(0x0A)
  }
}
