import PlanModel

/// One standalone, printable HTML page: its own CSS, no outside resources, every plan text escaped. The
/// results of a run are sections of one page (`ResultDocument`); `render` makes the page of one result.
struct HTMLWriter {
  var document: DocumentInfo?
  var words = ReportWords()

  func render(_ result: QueryResult) -> String {
    start + heading + section(result) + HTMLWriter.end
  }

  /// The page up to its body, titled by the first result's title.
  var start: String {
    """
    <!DOCTYPE html>
    <html lang="sv">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(document?.title ?? "sekom"))</title>
    <style>
    \(HTMLWriter.style)
    </style>
    </head>
    <body>

    """
  }

  static let end = "</body>\n</html>\n"

  /// The title and the byline, each written again on a page when it changes.
  var heading: String { title + byline }
  var title: String { "<h1>\(escape(document?.title ?? "sekom"))</h1>\n" }
  var byline: String { document.map { "<p class=\"byline\">\(escape($0.byline))</p>\n" } ?? "" }

  /// One result, a section of the page.
  func section(_ result: QueryResult) -> String {
    var body = "<section class=\"result\">\n"
    switch result {
    case .activities(let columns, _, let rows):
      body += table(columns, rows) + count(rows.count)
    case .groups(let field, let columns, _, let groups):
      for group in groups {
        body +=
          "<section>\n<h2>\(escape(Cells.groupLabel(group.value, of: field, words: words)))</h2>\n"
          + table(columns, group.rows)
          + "</section>\n"
      }
    case .counts(let field, let entries):
      body +=
        "<table>\n<thead><tr><th>\(escape(field.name))</th><th class=\"number\">\(Cells.countHeader)</th></tr></thead>\n<tbody>\n"
      for entry in entries {
        body +=
          "<tr><td>\(escape(Cells.groupLabel(entry.value, of: field, words: words)))</td><td class=\"number\">\(entry.count)</td></tr>\n"
      }
      body += "</tbody>\n</table>\n"
    case .count(let n):
      body += "<p class=\"count\">\(n)</p>\n"
    }
    return body + "</section>\n"
  }

  /// Text that is not a result, such as a timeline or the listing of a dot-command, as it reads on a
  /// terminal.
  func preformatted(_ text: String, class name: String) -> String {
    "<pre class=\"\(name)\">\(escape(text))</pre>\n"
  }

  private func table(_ columns: [Field], _ rows: [Activity]) -> String {
    var out = "<table>\n<thead><tr>"
    for column in columns {
      out += Cells.isNumeric(column) ? "<th class=\"number\">" : "<th>"
      out += escape(column.name) + "</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    let cells = columns.map { Cells.text($0, words: words) }
    for row in rows {
      out += "<tr>"
      for (column, cell) in zip(columns, cells) {
        out += Cells.isNumeric(column) ? "<td class=\"number\">" : "<td>"
        out += escape(cell(row)) + "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  private func count(_ n: Int) -> String {
    "<p class=\"count\">\(words.activities(n))</p>\n"
  }

  /// Text as HTML reads it back: the five characters that could start markup or end an attribute.
  func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #111; }
    h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.15rem; margin-top: 1.8rem; break-after: avoid; }
    .byline { color: #555; margin-top: 0; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    th { background: #eee; }
    .number { text-align: right; }
    tr { break-inside: avoid; }
    .count { color: #555; }
    .result + .result { margin-top: 2rem; }
    @media print { body { margin: 1cm; } th { background: #ddd; } }
    """
}
