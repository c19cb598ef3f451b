import PlanModel

/// The forms a result can be written in.
public enum OutputFormat: String, CaseIterable, Sendable {
  case table, csv, tsv, json, markdown

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

  public init(header: Bool = true, width: Int? = nil, color: Bool = false) {
    self.header = header
    self.width = width
    self.color = color
  }
}

/// Writes a result in a format. `count` is one number in every format.
public enum ResultWriter {
  public static func render(_ result: QueryResult, as format: OutputFormat, options: OutputOptions = .init())
    -> String
  {
    if case .count(let n) = result { return "\(n)\n" }
    switch format {
    case .table: return TableWriter(options: options).render(result)
    case .csv: return DelimitedWriter(style: .csv, header: options.header).render(result)
    case .tsv: return DelimitedWriter(style: .tsv, header: options.header).render(result)
    case .json: return JSONWriter().render(result)
    case .markdown: return MarkdownWriter().render(result)
    }
  }
}
