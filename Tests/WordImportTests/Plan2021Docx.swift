import Foundation

/// The 2021 plan as Word holds it, made from the text export beside the PlanModel tests: the prose as
/// paragraphs, each section's heading above its table (the second's as a first row merged across the
/// table, as Word also writes it), Vad cells merged down the rows they cover, and the two rows the text
/// export split at a page break whole again, since in Word a row is one w:tr.
enum Plan2021Docx {
  static let text: String = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../PlanModelTests/Resources/verksamhetsplan-2021.txt").standardized.path
    return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }()

  static let xml = documentXML(from: text)
  static let bytes = ZipWriter.docx(xml)

  /// An item of the body: a paragraph, or a table's rows.
  private enum Block {
    case paragraph(String)
    case table(heading: String?, rows: [[String]])
  }

  static func documentXML(from text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func cells(_ line: String) -> [String] {
      line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    func isHeader(_ line: String) -> Bool { line.hasPrefix("Vad\t") }
    var blocks: [Block] = []
    var sections = 0
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard index + 1 < lines.count, isHeader(lines[index + 1]) else {
        blocks.append(.paragraph(line))
        index += 1
        continue
      }
      // A heading, its header row, then rows until a line that is neither a row nor a page break's blank.
      sections += 1
      let heading = cells(line)[0]
      var rows: [[String]] = [cells(lines[index + 1])]
      index += 2
      while index < lines.count {
        var next = index
        while next < lines.count, lines[next].isEmpty { next += 1 }
        guard next < lines.count, lines[next].contains("\t"),
          !(next + 1 < lines.count && isHeader(lines[next + 1]))
        else { break }
        let row = cells(lines[next])
        // After a page break, a row with no Prio is the rest of the row above.
        if next > index, row.last?.isEmpty == true {
          for column in row.indices where !row[column].isEmpty {
            let target = rows.lastIndex { column < $0.count && !$0[column].isEmpty } ?? rows.count - 1
            rows[target][column] += " " + row[column]
          }
        } else {
          rows.append(row)
        }
        index = next + 1
      }
      if sections == 2 {
        blocks.append(.table(heading: heading, rows: rows))
      } else {
        blocks.append(.paragraph(heading))
        blocks.append(.table(heading: nil, rows: rows))
      }
    }
    var body = ""
    for block in blocks {
      switch block {
      case .paragraph(let text):
        body += paragraph(text)
      case .table(let heading, let rows):
        body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>"
        body += String(repeating: "<w:gridCol w:w=\"1500\"/>", count: 6) + "</w:tblGrid>"
        if let heading {
          body += "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"6\"/></w:tcPr>\(paragraph(heading))</w:tc></w:tr>"
        }
        for (number, row) in rows.enumerated() {
          body += "<w:tr>"
          for (column, cell) in row.enumerated() {
            var properties = ""
            if column == 0, number > 0 {
              let continues = cell.isEmpty
              let restarts = !continues && number + 1 < rows.count && rows[number + 1][0].isEmpty
              if continues { properties = "<w:tcPr><w:vMerge/></w:tcPr>" }
              if restarts { properties = "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" }
            }
            // Actors on lines of their own, as the kansli writes them: paragraphs of one cell.
            let paragraphs = column == 2 ? cell.split(separator: " ").map(String.init) : [cell]
            body +=
              "<w:tc>\(properties)" + (paragraphs.isEmpty ? [""] : paragraphs).map(paragraph).joined()
              + "</w:tc>"
          }
          body += "</w:tr>"
        }
        body += "</w:tbl>"
      }
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
      xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)\
      <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
      """
  }

  /// A paragraph of `text` in runs as Word splits them: at the first space, with a proofing mark between.
  static func paragraph(_ text: String) -> String {
    guard !text.isEmpty else { return "<w:p/>" }
    let escaped = escape(text)
    guard let space = escaped.firstIndex(of: " ") else {
      return "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>\(escaped)</w:t></w:r></w:p>"
    }
    return "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r><w:t>\(escaped[..<space])</w:t></w:r>"
      + "<w:proofErr w:type=\"spellStart\"/><w:r><w:lastRenderedPageBreak/>"
      + "<w:t xml:space=\"preserve\">\(escaped[space...])</w:t></w:r></w:p>"
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }
}
