import Testing

@testable import WordImport

/// The body of word/document.xml as the lines Word's "save as text" writes.
struct BodyTextTests {
  static func lines(_ body: String) throws -> String {
    let xml =
      #"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>"# + body
      + "<w:sectPr/></w:body></w:document>"
    return try BodyText.lines(of: Array(xml.utf8))
  }

  static func cell(_ text: String) -> String { "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }

  @Test(arguments: [
    // Runs of a paragraph join; tabs, breaks and line ends inside a paragraph are spaces.
    (
      "<w:p><w:r><w:t>Hå</w:t></w:r><w:r><w:t xml:space=\"preserve\">llbar </w:t></w:r><w:r><w:t>kommun</w:t></w:r></w:p>",
      "Hållbar kommun\n"
    ),
    (
      "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d\ne</w:t></w:r></w:p>",
      "a b c d e\n"
    ),
    ("<w:p/><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>", "\n\n"),
    // Entities, named and numeric, in text; CDATA is text.
    (
      "<w:p><w:r><w:t>SKR &amp; WWF &lt;&gt; &quot;x&quot; &apos;y&apos; &#228;&#x2013;</w:t></w:r></w:p>",
      "SKR & WWF <> \"x\" 'y' ä–\n"
    ),
    ("<w:p><w:r><w:t><![CDATA[a < b]]></w:t></w:r></w:p>", "a < b\n"),
    // A non-breaking hyphen is a hyphen; deleted text, field codes and comments are not the text.
    (
      "<w:p><w:r><w:t>19</w:t><w:noBreakHyphen/><w:t>20</w:t><w:delText>x</w:delText>"
        + "<w:instrText>PAGE</w:instrText><!-- <w:t>no</w:t> --></w:r></w:p>", "19-20\n"
    ),
    // Content shown instead of a drawing, and a text box's paragraphs, are not the body's.
    (
      "<w:p><w:r><w:t>a</w:t><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t>"
        + "</w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>old</w:t>"
        + "</w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent><w:t>b</w:t></w:r></w:p>", "ab\n"
    ),
    // An attribute may hold '>' and either quote.
    ("<w:p w:rsidR='00A1>' w:x=\"a'b\"><w:r><w:t>ok</w:t></w:r></w:p>", "ok\n"),
  ])
  func paragraphs(body: String, expected: String) throws {
    #expect(try Self.lines(body) == expected)
  }

  /// Cells are joined by tabs; a cell's paragraphs by spaces; tabs inside a cell do not make cells.
  @Test func aTableRowIsOneLineOfCells() throws {
    let body =
      "<w:p><w:r><w:t>Förebild</w:t></w:r></w:p><w:tbl><w:tr>" + Self.cell("Vad") + Self.cell("Hur")
      + "</w:tr><w:tr>"
      + "<w:tc><w:p><w:r><w:t>Kansli</w:t></w:r></w:p><w:p><w:r><w:t>Styrelse</w:t></w:r></w:p></w:tc>"
      + "<w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"
    #expect(try Self.lines(body) == "Förebild\nVad\tHur\nKansli Styrelse\ta b\n\n")
  }

  /// A cell merged across columns keeps the cells after it in their columns.
  @Test func aMergedCellKeepsTheColumns() throws {
    let body =
      "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>"
      + Self.cell("d") + "</w:tr></w:tbl>"
    #expect(try Self.lines(body) == "a\t\t\td\n")
  }

  /// A table in a cell is part of the cell's text, not rows of its own.
  @Test func aNestedTableIsTextOfItsCell() throws {
    let body =
      "<w:tbl><w:tr>" + Self.cell("a") + "<w:tc><w:tbl><w:tr>" + Self.cell("x") + Self.cell("y")
      + "</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"
    #expect(try Self.lines(body) == "a\tx y\n")
  }

  /// Text outside the body (a header part's, say) is not read.
  @Test func onlyTheBodyIsRead() throws {
    let xml =
      "<w:document><w:background><w:p><w:r><w:t>no</w:t></w:r></w:p></w:background><w:body>"
      + "<w:p><w:r><w:t>yes</w:t></w:r></w:p></w:body></w:document>"
    #expect(try BodyText.lines(of: Array(xml.utf8)) == "yes\n")
  }

  /// Entries whose sizes follow their data, as LibreOffice writes them, are read by the central directory.
  @Test func entriesWithDataDescriptorsAreRead() throws {
    let xml = "<w:document><w:body><w:p><w:r><w:t>Sekom</w:t></w:r></w:p></w:body></w:document>"
    var writer = ZipWriter()
    writer.entries.append(
      .init(name: "mimetype", bytes: Array("x".utf8), deflate: false, dataDescriptor: true))
    writer.entries.append(.init(name: "word/document.xml", bytes: Array(xml.utf8), dataDescriptor: true))
    #expect(try WordDocument.text(ofDocx: writer.archive()) == "Sekom\n")
  }
}
