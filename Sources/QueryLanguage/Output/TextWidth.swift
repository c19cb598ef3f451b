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

extension TextWidth {
  /// The pieces a line of text may break between: words at spaces, and a word after a hyphen between letters
  /// ("kommun-|och", not "25-årsjubileum", "19-20" or a date). Each piece but a word's first carries no space.
  static func pieces<Text: StringProtocol>(of word: Text) -> [Substring] {
    let word = Substring(word)
    var pieces: [Substring] = []
    var start = word.startIndex
    var index = word.startIndex
    while index < word.endIndex {
      let next = word.index(after: index)
      if word[index] == "-", index > start, word[word.index(before: index)].isLetter, next < word.endIndex,
        word[next].isLetter
      {
        pieces.append(word[start..<next])
        start = next
      }
      index = next
    }
    pieces.append(word[start...])
    return pieces
  }

  /// The widest piece of a text that a break can not go inside (see `pieces`).
  static func widestPiece(_ text: String) -> Int {
    var widest = 0
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      for piece in pieces(of: word) { widest = max(widest, of(piece)) }
    }
    return widest
  }

  /// A text in lines of at most `width` characters, broken at spaces and after hyphens; inside a word only
  /// when it is longer than a whole line. A line feed of the text starts a new line.
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      var used = 0
      for word in paragraph.split(separator: " ") {
        for (index, piece) in pieces(of: word).enumerated() {
          let gap = index == 0 && used > 0 ? 1 : 0
          let pieceWidth = of(piece)
          if used + gap + pieceWidth <= width {
            if gap == 1 { current += " " }
            current += piece
            used += gap + pieceWidth
            continue
          }
          if used > 0 {
            lines.append(current)
            current = ""
            used = 0
          }
          var rest = Substring(piece)
          while of(rest) > width {
            let cut = rest.prefix(width)
            lines.append(String(cut))
            rest = rest[cut.endIndex...]
          }
          current = String(rest)
          used = of(rest)
        }
      }
      lines.append(current)
    }
    return lines
  }
}
