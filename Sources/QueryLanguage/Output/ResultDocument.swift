/// What has been written to one place (standard output, or a file of `.output`) in a run, so that the
/// results of several statements make one document there:
///
/// - markdown: results apart by a blank line, so that two tables never read as one; a document's title
///   and byline (the plan, the day) written where they change, so once for a script or `--title`.
/// - HTML: one page, opened by the first result and titled by it, each result a section; the title and
///   byline written where they change; other text on the page (a timeline, a dot-command's listing)
///   preformatted. The page is closed by `close`, when the place is, or when a result in another format
///   comes.
/// - table: tables apart by a blank line, as markdown's; a `count`'s number is a line of its own.
/// - Every other format: each result as `ResultWriter` writes it. JSON is then one JSON value per
///   statement, each ending in a line end: a stream, as jq reads it (`jq -s` gathers it into an array).
struct ResultDocument {
  private enum Last { case nothing, markdown, table, other }

  private var last = Last.nothing
  private var pageOpen = false
  /// The title and byline the results now stand under, as written.
  private var title: String?
  private var byline: String?

  init() {}

  /// The text for a result. `timeline` is a timeline clause: the chart, on a page as preformatted text.
  mutating func render(
    _ result: QueryResult, as format: OutputFormat, timeline: Bool = false, options: OutputOptions
  ) -> String {
    let out = write(result, as: format, timeline: timeline, options: options)
    let shown = format == .html || !timeline || TimelineDataWriter.isData(format) ? format : .timeline
    return options.terminal ? shown.onTerminal(out) : out
  }

  private mutating func write(
    _ result: QueryResult, as format: OutputFormat, timeline: Bool, options: OutputOptions
  ) -> String {
    var out = format == .html ? "" : close()
    switch format {
    case .html:
      let writer = HTMLWriter(document: options.document, words: options.words)
      if !pageOpen {
        out += writer.start
        pageOpen = true
      }
      out += heading(title: writer.title, byline: writer.byline)
      out +=
        timeline
        ? "<section class=\"result\">\n"
          + writer.preformatted(TimelineWriter(options: options).render(result), class: "timeline")
          + "</section>\n"
        : writer.section(result)
      last = .other
    case .markdown where !timeline:
      let writer = MarkdownWriter(document: options.document, words: options.words)
      if last != .nothing { out += "\n" }
      if writer.isDocument(result) { out += heading(title: writer.title, byline: writer.byline) }
      out += writer.body(result)
      last = .markdown
    case .json where timeline, .csv where timeline, .tsv where timeline:
      // A timeline in a machine format is data: the stream stays in its format.
      out += TimelineDataWriter(format: format, options: options).render(result)
      (title, byline) = (nil, nil)
      last = .other
    default:
      let shown = timeline ? OutputFormat.timeline : format
      var isTable = shown == .table
      if case .count = result { isTable = false }
      if last == .markdown || (last == .table && isTable) { out += "\n" }
      out += ResultWriter.render(result, as: shown, options: options)
      (title, byline) = (nil, nil)
      last = isTable ? .table : .other
    }
    return out
  }

  /// The text for anything else written here, such as the listing of `.param` or `.fields`.
  mutating func text(_ text: String) -> String {
    if pageOpen { return HTMLWriter().preformatted(text, class: "message") }
    defer { last = .other }
    return last == .markdown ? "\n" + text : text
  }

  /// What ends the document: the end of an open page. Whatever is written after starts afresh.
  mutating func close() -> String {
    guard pageOpen else { return "" }
    pageOpen = false
    (title, byline) = (nil, nil)
    last = .other
    return HTMLWriter.end
  }

  private mutating func heading(title newTitle: String, byline newByline: String) -> String {
    var out = ""
    if newTitle != title {
      out += newTitle
      title = newTitle
    }
    if newByline != byline {
      out += newByline
      byline = newByline
    }
    return out
  }
}
