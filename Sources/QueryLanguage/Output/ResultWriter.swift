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
    case .csv:
      text = DelimitedWriter(style: .csv, header: options.header, words: options.words).render(result)
    case .tsv:
      text = DelimitedWriter(style: .tsv, header: options.header, words: options.words).render(result)
    case .json: text = JSONWriter(words: options.words).render(result)
    case .markdown: text = MarkdownWriter(document: options.document, words: options.words).render(result)
    case .html: text = HTMLWriter(document: options.document, words: options.words).render(result)
    case .timeline: text = TimelineWriter(options: options).render(result)
    }
    return options.terminal ? format.onTerminal(text) : text
  }
}
