extension HandlingsplanImporter {
  /// The lines of a text one at a time, numbered from 1 and cleaned; a byte order mark is dropped.
  ///
  /// A text of 64 MiB can hold tens of millions of lines; reading them one at a time keeps only the lines
  /// a later stage needs, so memory follows the plan made, not the line count. The text must have passed
  /// `checkLines(of:source:)`.
  struct SourceLineReader {
    private var scalars: String.UnicodeScalarView.Iterator
    private var current: [Unicode.Scalar] = []
    private var afterCR = false
    private var number = 0

    init(_ text: String) {
      scalars = text.unicodeScalars.makeIterator()
    }

    mutating func next() -> SourceLine? {
      while let scalar = scalars.next() {
        defer { afterCR = scalar == "\r" }
        switch scalar {
        case "\n":
          if !afterCR { return finish() }
        case "\r":
          return finish()
        default:
          current.append(scalar)
        }
      }
      return current.isEmpty ? nil : finish()
    }

    private mutating func finish() -> SourceLine {
      number += 1
      let line = HandlingsplanImporter.line(current, number: number)
      current.removeAll(keepingCapacity: true)
      return line
    }
  }
}
