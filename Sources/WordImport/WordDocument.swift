/// A Word document (.docx) read as the text a handlingsplan importer reads: the lines Word's "save as
/// text" writes, one for each paragraph of the body and one for each table row, cells joined by tabs.
///
/// A .docx is a zip archive of XML; the body is in word/document.xml. Only that part is read, with a small
/// reader of our own for the zip (over zlib, loaded when needed) and a scanner for the few elements that
/// hold the text, so that importing a document links nothing into the start-up of a query.
public enum WordDocument {
  /// The most word/document.xml may unpack to: a handlingsplan's is well under a megabyte, and the text
  /// import reads at most 64 MiB.
  public static let maximumDocumentBytes = 64 << 20

  /// True when `bytes` begin as a zip archive does: the way to tell a .docx from a text, whatever its name.
  public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
  }

  /// The body of the Word document in `bytes` as text lines, each ending in a line feed.
  public static func text(ofDocx bytes: [UInt8], limit: Int = maximumDocumentBytes) throws(WordImportError)
    -> String
  {
    let archive = try ZipArchive(bytes)
    guard let entry = archive.entry(named: "word/document.xml") else {
      throw WordImportError("the zip archive is not a Word document: it has no word/document.xml")
    }
    let xml = try archive.contents(of: entry, limit: limit)
    guard String(validating: xml, as: UTF8.self) != nil else {
      throw WordImportError("word/document.xml is not UTF-8, as Word writes it")
    }
    return try BodyText.lines(of: xml)
  }
}
