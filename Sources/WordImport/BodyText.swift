/// The text of word/document.xml's body as lines: a paragraph outside tables is a line; a table row is a
/// line of its cells joined by tabs, each cell's paragraphs joined by spaces.
///
/// A scanner rather than an XML parser: only the elements that hold or divide the text matter (w:p, w:tbl,
/// w:tr, w:tc, w:t and the tabs, breaks and hyphens inside runs). Text outside w:t (field codes, deleted
/// text) is not the document's visible text and is left out. Only the five named entities and numeric ones
/// are known; a document type's own entities are never expanded, so no entity can grow the text.
struct BodyText {
  private var lines = ""
  /// The paragraph outside tables, or the cell, being read.
  private var current = ""
  private var cells: [String] = []
  /// A cell's paragraph has ended: the next text in the cell comes after a space.
  private var paragraphEnded = false
  /// The columns the current cell spans (w:gridSpan): a merged cell keeps the cells after it in place.
  private var span = 1
  private var tableDepth = 0
  private var inBody = false
  private var sawBody = false
  private var inText = false
  /// Inside content shown instead of other content (mc:Fallback) or in a text box (w:txbxContent), whose
  /// paragraphs are not the body's: the depth of such elements.
  private var skipped = 0

  static func lines(of xml: [UInt8]) throws(WordImportError) -> String {
    var body = BodyText()
    try XMLScanner.scan(xml) { event throws(WordImportError) in body.handle(event) }
    guard body.sawBody else {
      throw WordImportError("word/document.xml has no body (w:body): it is not a Word document's text")
    }
    return body.lines
  }

  private mutating func handle(_ event: XMLScanner.Event) {
    switch event {
    case .start(let name, let attributes, let isEmpty):
      start(name, attributes: attributes)
      if isEmpty { end(name) }
    case .end(let name):
      end(name)
    case .text(let text):
      guard inText, skipped == 0, !text.isEmpty else { return }
      if paragraphEnded, !current.isEmpty { current.append(" ") }
      paragraphEnded = false
      // Line ends inside a text would end the line; tabs would end a cell.
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\t", "\n", "\r": current.append(" ")
        default: current.unicodeScalars.append(scalar)
        }
      }
    }
  }

  private mutating func start(_ name: String, attributes: [(name: String, value: String)]) {
    let local = Self.localName(name)
    if local == "Fallback" || local == "txbxContent" { skipped += 1 }
    guard inBody || local == "body" else { return }
    guard skipped == 0 else { return }
    switch local {
    case "body":
      inBody = true
      sawBody = true
    case "tbl": tableDepth += 1
    case "tr" where tableDepth == 1: cells = []
    case "tc" where tableDepth == 1:
      current = ""
      span = 1
      paragraphEnded = false
    case "gridSpan" where tableDepth == 1:
      if let value = attributes.first(where: { $0.name.hasSuffix("val") }), let count = Int(value.value) {
        span = min(max(count, 1), 64)
      }
    case "t": inText = true
    case "tab", "br", "cr": current.append(" ")
    case "noBreakHyphen": current.append("-")
    default: break
    }
  }

  private mutating func end(_ name: String) {
    let local = Self.localName(name)
    if local == "Fallback" || local == "txbxContent" {
      skipped = max(0, skipped - 1)
      return
    }
    guard inBody, skipped == 0 else { return }
    switch local {
    case "body": inBody = false
    case "t": inText = false
    case "p":
      if tableDepth == 0 {
        lines += current + "\n"
        current = ""
      } else {
        paragraphEnded = true
      }
    case "tbl": tableDepth = max(0, tableDepth - 1)
    case "tc" where tableDepth == 1:
      cells.append(current)
      cells += repeatElement("", count: span - 1)
      current = ""
    case "tr" where tableDepth == 1:
      lines += cells.joined(separator: "\t") + "\n"
      cells = []
    default: break
    }
  }

  /// The name without its namespace prefix: "w:tbl" is "tbl".
  private static func localName(_ name: String) -> Substring {
    guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name[...] }
    return name[name.index(after: colon)...]
  }
}
