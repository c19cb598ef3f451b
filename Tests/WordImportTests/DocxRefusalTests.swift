import Testing

@testable import PlanModel
@testable import WordImport

/// Files that are not a readable Word document are refused with a sentence that says why.
struct DocxRefusalTests {
  static let small = """
    <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>\
    <w:p><w:r><w:t>VERKSAMHETSPLAN 2021</w:t></w:r></w:p></w:body></w:document>
    """

  static func refusal(_ bytes: [UInt8], limit: Int = WordDocument.maximumDocumentBytes) -> String? {
    do throws(WordImportError) {
      _ = try WordDocument.text(ofDocx: bytes, limit: limit)
      return nil
    } catch {
      return error.message
    }
  }

  @Test func aTextIsNotAZipArchive() {
    #expect(
      Self.refusal(Array("Vad\tHur\n".utf8)) == "it is not a zip archive, as a Word document (.docx) is")
    #expect(Self.refusal([]) == "it is not a zip archive, as a Word document (.docx) is")
  }

  /// Cut anywhere, the archive is refused, never read wrong and never a crash.
  @Test(arguments: [4, 30, 100, 200, 400])
  func aCutArchiveIsDamaged(keeping: Int) {
    let whole = ZipWriter.docx(Self.small)
    let cut = Array(whole.prefix(keeping))
    let message = Self.refusal(cut)
    #expect(message?.hasPrefix("the zip archive is damaged") == true, "\(message ?? "read")")
  }

  /// Every byte of the archive changed in turn: refused or read, never a crash.
  @Test func noChangedByteCrashes() {
    let whole = ZipWriter.docx(Self.small)
    for index in whole.indices {
      var changed = whole
      changed[index] ^= 0xA5
      _ = Self.refusal(changed)
    }
  }

  @Test func aZipWithoutWordDocumentXMLIsNotAWordDocument() {
    var writer = ZipWriter()
    writer.add("content.xml", "<office:document/>")
    #expect(
      Self.refusal(writer.archive()) == "the zip archive is not a Word document: it has no word/document.xml")
  }

  /// A bomb that claims a small size is stopped at the limit while it is inflated, not after.
  @Test func aZipBombIsRefused() {
    let bomb = [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20)
    var writer = ZipWriter()
    writer.entries.append(.init(name: "word/document.xml", bytes: bomb, declaredSize: 1000))
    let archive = writer.archive()
    #expect(archive.count < 1 << 16)
    #expect(
      Self.refusal(archive, limit: 1 << 20)
        == "word/document.xml unpacks to more than 1 MiB, which sekom does not read; a handlingsplan is far "
        + "smaller (is it a zip bomb?)")
  }

  @Test func anEntryThatClaimsTooMuchIsRefusedUnread() {
    var writer = ZipWriter()
    writer.entries.append(.init(name: "word/document.xml", bytes: Array("<x/>".utf8), declaredSize: 2 << 20))
    #expect(
      Self.refusal(writer.archive(), limit: 1 << 20)
        == "word/document.xml would unpack to 2097152 bytes, more than the 1 MiB sekom reads; a handlingsplan "
        + "is far smaller")
  }

  @Test func anEncryptedEntryIsRefused() {
    var writer = ZipWriter()
    writer.entries.append(.init(name: "word/document.xml", bytes: Array(Self.small.utf8), flags: 1))
    #expect(
      Self.refusal(writer.archive())
        == "word/document.xml in the zip archive is encrypted; save the document without a password")
  }

  @Test func anUnknownMethodIsRefused() {
    var writer = ZipWriter()
    writer.entries.append(.init(name: "word/document.xml", bytes: Array(Self.small.utf8), method: 12))
    #expect(
      Self.refusal(writer.archive())
        == "word/document.xml in the zip archive is compressed with method 12; sekom reads stored and deflated "
        + "entries, as Word writes them")
  }

  @Test func aZip64ArchiveIsRefused() {
    var archive = ZipWriter.docx(Self.small)
    // The end record's entry count as zip64 marks it.
    let end = archive.count - 22
    archive[end + 10] = 0xFF
    archive[end + 11] = 0xFF
    #expect(
      Self.refusal(archive)
        == "the zip archive is in the zip64 form, which sekom does not read; a Word document is not")
  }

  @Test func aWrongChecksumIsDamage() {
    var writer = ZipWriter()
    writer.entries.append(.init(name: "word/document.xml", bytes: Array(Self.small.utf8), deflate: false))
    var archive = writer.archive()
    // A letter of the stored text changed: the CRC no longer matches.
    let at = archive.firstIndex(of: UInt8(ascii: "V"))!
    archive[at] = UInt8(ascii: "W")
    #expect(
      Self.refusal(archive)
        == "the zip archive is damaged: word/document.xml does not unpack to what its directory says")
  }

  @Test(arguments: [
    (
      "<w:document><w:body><w:p><w:t>a &foo; b</w:t></w:p></w:body></w:document>",
      "word/document.xml is not well-formed XML: the entity &foo; is not one XML defines"
    ),
    ("<w:document><w:body><w:p", "word/document.xml is not well-formed XML: the tag <w:p> is not closed"),
    ("<w:document><!-- note", "word/document.xml is not well-formed XML: a comment is not closed"),
    ("<w:document/>", "word/document.xml has no body (w:body): it is not a Word document's text"),
  ])
  func badXMLIsRefused(xml: String, message: String) {
    #expect(Self.refusal(ZipWriter.docx(xml)) == message)
  }

  @Test func xmlThatIsNotUTF8IsRefused() {
    var writer = ZipWriter()
    writer.entries.append(.init(name: "word/document.xml", bytes: [0x3C, 0x61, 0xFF, 0x3E]))
    #expect(Self.refusal(writer.archive()) == "word/document.xml is not UTF-8, as Word writes it")
  }

  /// A Word document without the handlingsplan table is refused by the importer, as a text without it is.
  @Test func aDocumentWithoutTheTableIsRefusedByTheImporter() throws {
    let text = try WordDocument.text(ofDocx: ZipWriter.docx(Self.small))
    #expect(text == "VERKSAMHETSPLAN 2021\n")
    #expect(throws: ImportError.self) {
      try HandlingsplanImporter.importText(text, source: "x.docx")
    }
    do throws(ImportError) {
      _ = try HandlingsplanImporter.importText(text, source: "x.docx")
    } catch {
      #expect(error.message.hasPrefix("no handlingsplan table"))
    }
  }
}
