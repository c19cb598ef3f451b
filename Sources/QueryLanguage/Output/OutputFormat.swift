import PlanModel

/// The forms a result can be written in.
public enum OutputFormat: String, CaseIterable, Sendable {
  case table, csv, tsv, json, markdown, html, timeline

  public init?(name: String) {
    let folded = SwedishCollation.fold(name)
    guard
      let format = OutputFormat.allCases.first(where: {
        $0.rawValue == folded || (folded == "md" && $0 == .markdown)
      })
    else { return nil }
    self = format
  }
}

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

  public init(
    header: Bool = true, width: Int? = nil, color: Bool = false, document: DocumentInfo? = nil,
    terminal: Bool? = nil
  ) {
    self.header = header
    self.width = width
    self.color = color
    self.document = document
    self.terminal = terminal ?? (width != nil)
  }
}

/// The heading of a report for the meeting papers.
public struct DocumentInfo: Sendable {
  public var title: String
  public var planTitle: String
  public var planSource: String
  public var planYear: Int
  /// The day the report was made (`--today` fixes it).
  public var made: Day
  /// Whether the title was given, by `--title` or a script's header comment, rather than made from the
  /// statement: only then is an ungrouped result in markdown a document.
  public var titleGiven: Bool

  public init(
    title: String, titleGiven: Bool = true, planTitle: String, planSource: String, planYear: Int, made: Day
  ) {
    self.title = title
    self.titleGiven = titleGiven
    self.planTitle = planTitle
    self.planSource = planSource
    self.planYear = planYear
    self.made = made
  }

  /// "Plan: …. Made 2021-09-15."
  var byline: String { "Plan: \(planTitle) (\(planSource)). Made \(made.iso)." }
}

/// Writes a result in a format, whole: markdown and HTML as a document of their own. `count` is one number
/// in every format, on an HTML page a paragraph. `ResultDocument` writes the results of a run.
public enum ResultWriter {
  public static func render(_ result: QueryResult, as format: OutputFormat, options: OutputOptions = .init())
    -> String
  {
    if case .count(let n) = result, format != .html && format != .markdown { return "\(n)\n" }
    let text: String
    switch format {
    case .table: text = TableWriter(options: options).render(result)
    case .csv: text = DelimitedWriter(style: .csv, header: options.header).render(result)
    case .tsv: text = DelimitedWriter(style: .tsv, header: options.header).render(result)
    case .json: text = JSONWriter().render(result)
    case .markdown: text = MarkdownWriter(document: options.document).render(result)
    case .html: text = HTMLWriter(document: options.document).render(result)
    case .timeline: text = TimelineWriter(options: options).render(result)
    }
    return options.terminal ? format.onTerminal(text) : text
  }
}

extension OutputFormat {
  /// A format's text as written to a terminal, where no control character of the data may arrive as it
  /// is: an escape sequence would set the title, write the clipboard or clear the screen. Tables and
  /// timelines are drawn for reading and show their cells' control characters as pictures wherever they
  /// go (`TableWriter`, `TimelineWriter`): their only escapes are the colours of their own. Markdown,
  /// HTML and CSV show them as pictures here, line ends kept; TSV keeps its tabs, which are its
  /// separators (its fields' tabs are written `\t`). JSON stays JSON: DEL and the C1 controls are
  /// escaped as C0 always is. Written to a file or a pipe, these formats keep the data exact.
  public func onTerminal(_ text: String) -> String {
    switch self {
    case .table, .timeline: return text
    case .json: return ControlPictures.escapedInJSON(text)
    case .tsv: return ControlPictures.visible(text, keeping: [.lineFeeds, .tabs])
    case .csv, .markdown, .html: return ControlPictures.visible(text, keeping: .lineFeeds)
    }
  }
}
