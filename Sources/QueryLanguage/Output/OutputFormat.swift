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

extension OutputFormat {
  /// Whether a result in this format shows a title: an HTML page's, a markdown document's heading.
  public var showsTitle: Bool { self == .html || self == .markdown }

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
