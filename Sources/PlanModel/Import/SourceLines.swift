extension HandlingsplanImporter {
  /// One line of the export, with its tab-separated cells cleaned.
  ///
  /// Word processors export a table as one line a row and a tab between cells; everything else in the
  /// document is a line without tabs. Cells are cleaned once here so that no later rule has to care about
  /// the export's spacing.
  struct SourceLine: Sendable {
    /// The line number, from 1, as an editor shows it.
    var number: Int
    /// The whole line, cleaned, tabs read as spaces: the form metadata and prose are read in.
    var text: String
    /// The cells between tabs, each cleaned; a single cell when the line has no tab.
    var cells: [String]

    var hasTabs: Bool { cells.count > 1 }
    /// Empty, or only spaces, tabs and page breaks (form feeds), which is how a page break looks in text.
    var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
  }

  /// Checks the lines of `text`, numbered from 1, and throws for the first bad one.
  ///
  /// Line ends may be LF, CRLF or CR, since exports from Windows and old Macs reach the secretariat too.
  /// U+FFFD means the text was decoded from bytes that were not UTF-8 (that is what `String(decoding:as:)`
  /// puts in their place), so it is an error naming the line rather than text that would silently fail to
  /// match an actor or a date. The importer then reads the lines one at a time (`SourceLineReader`), so
  /// that a long text is never held as lines all at once; checking first keeps the error the first bad
  /// line's, wherever the tables end.
  static func checkLines(of text: String, source: String) throws(ImportError) {
    var number = 1
    var bytes = 0
    var hasFFFD = false
    var hasNUL = false
    var afterCR = false
    var isEmpty = true
    func finish() throws(ImportError) {
      if hasFFFD {
        throw ImportError(
          source: source, line: number,
          message: "the line is not valid UTF-8 (it holds U+FFFD, the mark of undecodable bytes)")
      }
      // The plan readers refuse NUL bytes and fields over their limit; a plan made here must load there.
      if bytes > CSVScanner.maximumFieldLength {
        throw ImportError(
          source: source, line: number,
          message:
            "the line is longer than \(CSVScanner.maximumFieldLength) bytes, the most a plan's field holds")
      }
      if hasNUL {
        throw ImportError(
          source: source, line: number, message: "the line holds a NUL byte; a text export has none")
      }
      number += 1
      bytes = 0
      hasFFFD = false
      hasNUL = false
      isEmpty = true
    }
    for scalar in text.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      switch scalar {
      case "\n":
        if !afterCR { try finish() }
      case "\r":
        try finish()
      default:
        isEmpty = false
        bytes += UTF8.width(scalar)
        if scalar == "\u{FFFD}" { hasFFFD = true }
        if scalar == "\u{0}" { hasNUL = true }
      }
    }
    if !isEmpty { try finish() }
  }

  /// Checks that `bytes` are UTF-8 line by line, so that the error names the line a bad byte is on.
  ///
  /// Lines are counted as `checkLines(of:source:)` counts them; LF and CR never occur inside a multi-byte
  /// UTF-8 sequence, so splitting at them first does not hide or create an error.
  static func validateUTF8(_ bytes: [UInt8], source: String) throws(ImportError) {
    var number = 1
    var start = 0
    var index = 0
    while index <= bytes.count {
      let isEnd = index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D
      if isEnd {
        if String(validating: bytes[start..<index], as: UTF8.self) == nil {
          throw ImportError(source: source, line: number, message: "the line is not valid UTF-8")
        }
        // CRLF ends one line, not two.
        if index + 1 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A { index += 1 }
        number += 1
        start = index + 1
      }
      index += 1
    }
  }

  static func line(_ scalars: [Unicode.Scalar], number: Int) -> SourceLine {
    let cells = scalars.split(separator: "\t", omittingEmptySubsequences: false).map { clean($0) }
    return SourceLine(number: number, text: clean(scalars), cells: cells)
  }

  /// The text with its ends trimmed and every run of white space made one space.
  ///
  /// Non-breaking spaces count as spaces: exports put them between words at random, and an actor written
  /// "Styrelsen\u{A0}Kansliet" must split like one with an ordinary space. Byte order marks and zero-width
  /// spaces inside the text are dropped; they are invisible and would only stop names from matching.
  static func clean(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in scalars {
      if scalar == "\u{FEFF}" || scalar == "\u{200B}" { continue }
      // ASCII first: looking up a scalar's Unicode properties costs more than the rest of the loop.
      let isWhitespace =
        scalar.isASCII
        ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
      if isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
    }
    return String(result)
  }

  /// `clean` for text already in a `String`.
  static func clean(_ text: some StringProtocol) -> String {
    clean(text.unicodeScalars)
  }
}
