// libFuzzer target `docx`: any bytes, read as a Word document by `WordDocument.text(ofDocx:)`, whose zip
// reader, inflate and XML scanner must end in text or in a WordImportError, never a crash or more memory
// than the limit allows. Text it gives is one line a paragraph or table row: it has no CR, and the
// handlingsplan importer then ends in a plan or an ImportError.
import PlanModel
import WordImport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let text: String
  do throws(WordImportError) {
    text = try WordDocument.text(ofDocx: bytes, limit: 1 << 20)
  } catch {
    guard !error.message.isEmpty else { fatalError("an empty refusal") }
    return 0
  }
  guard !text.utf8.contains(0x0D) else { fatalError("a CR in the text: \(text.debugDescription)") }
  guard text.isEmpty || text.hasSuffix("\n") else { fatalError("a last line without its end") }
  _ = try? HandlingsplanImporter.importText(text, source: "fuzz.docx")
  return 0
}
