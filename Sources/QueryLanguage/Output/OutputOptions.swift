public struct OutputOptions: Sendable {
  /// Whether tables and delimited formats start with a header row.
  public var header: Bool
  /// The terminal's width in columns when writing to a terminal: tables are fitted to it. nil writes whole
  /// values, never cut.
  public var width: Int?

  /// Whether a table's header may be bold, for a terminal.
  public var color: Bool
  /// What a report says about itself: its title, the plan, the day it was made.
  public var document: DocumentInfo?
  /// Whether what is written goes to a terminal, where every control character of the data is shown by
  /// its picture (`OutputFormat.onTerminal`). A width is given only for a terminal, so by default it
  /// tells.
  public var terminal: Bool
  /// Whether tables are written as records (`.expanded`).
  public var expanded: ExpandedMode
  /// What the rows are, for the footer: activities, or the changes of the log.
  public var rows: RowSource = .activities
  /// The language of the words written around the data.
  public var language: ReportLanguage

  var words: ReportWords { ReportWords(language) }

  public init(
    header: Bool = true, width: Int? = nil, color: Bool = false, document: DocumentInfo? = nil,
    terminal: Bool? = nil, expanded: ExpandedMode = .auto, language: ReportLanguage = .en
  ) {
    self.language = language
    self.expanded = expanded
    self.header = header
    self.width = width
    self.color = color
    self.document = document
    self.terminal = terminal ?? (width != nil)
  }
}
