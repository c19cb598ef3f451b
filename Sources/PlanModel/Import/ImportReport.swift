/// What the importer inferred while reading a handlingsplan, line by line.
///
/// A text export loses the table's structure: merged cells, page breaks and the separators between names
/// are gone, and the importer puts them back by rules. Each rule it applies is listed here, so that the
/// secretariat can check the guesses against the original document instead of trusting them blindly.
public struct ImportReport: Sendable, Equatable, CustomStringConvertible {
  /// The notes in line order; notes on the same line keep the order they were made in.
  public var lines: [ImportNote]

  public init(lines: [ImportNote] = []) {
    self.lines = lines
  }

  /// One note a line, as `LINE: [activity ID: ]message`.
  public var description: String {
    lines.map(\.description).joined(separator: "\n")
  }
}

/// One inference: where in the text it was made, the activity it concerns and what was done.
public struct ImportNote: Sendable, Equatable, CustomStringConvertible {
  /// The line number in the text, from 1.
  public var line: Int
  /// The activity the note concerns, when it concerns one.
  public var activityID: Int?
  /// What was inferred, in English.
  public var message: String

  public init(line: Int, activityID: Int? = nil, message: String) {
    self.line = line
    self.activityID = activityID
    self.message = message
  }

  public var description: String {
    "\(line): " + (activityID.map { "activity \($0): " } ?? "") + message
  }
}

/// A text the importer cannot read as a handlingsplan.
///
/// Errors are kept for what cannot be guessed safely: a table without its header row, a row with more cells
/// than the header, text that is not UTF-8. Everything else is inferred and reported instead.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file or other origin of the text, as given to the importer.
  public var source: String
  /// The line the error is on, from 1; nil when it concerns the whole text.
  public var line: Int?
  public var message: String

  public init(source: String, line: Int?, message: String) {
    self.source = source
    self.line = line
    self.message = message
  }

  /// `FILE:LINE: error: message`, the form compilers use, so that editors can jump to the line.
  public var description: String {
    "\(source):" + (line.map { "\($0):" } ?? "") + " error: \(message)"
  }
}
