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

  public init(header: Bool = true, width: Int? = nil, color: Bool = false, document: DocumentInfo? = nil) {
    self.header = header
    self.width = width
    self.color = color
    self.document = document
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
    switch format {
    case .table: return TableWriter(options: options).render(result)
    case .csv: return DelimitedWriter(style: .csv, header: options.header).render(result)
    case .tsv: return DelimitedWriter(style: .tsv, header: options.header).render(result)
    case .json: return JSONWriter().render(result)
    case .markdown: return MarkdownWriter(document: options.document).render(result)
    case .html: return HTMLWriter(document: options.document).render(result)
    case .timeline: return TimelineWriter(options: options).render(result)
    }
  }
}
