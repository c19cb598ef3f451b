import CZlib
import Foundation
import Testing

/// `sekom import FILE.docx`: a Word document read directly, and refused with exit status 3 when it cannot be.
struct WordImportEndToEndTests {
  /// A zip archive of stored entries, as small a writer as the tests need (the reader's own tests use deflate).
  static func zip(_ files: [(String, String)]) -> Data {
    zip(files.map { (name: $0.0, data: Array($0.1.utf8), method: 0, size: nil, crc: nil) })
  }

  /// Entries as given: `data` compressed by `method`; `size` and `crc` when not those of `data` itself.
  static func zip(_ files: [(name: String, data: [UInt8], method: Int, size: Int?, crc: UInt32?)]) -> Data {
    func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
    func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    func crc32(_ bytes: [UInt8]) -> UInt32 {
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      }
      return ~crc
    }
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for (name, data, method, size, crc) in files {
      let nameBytes = Array(name.utf8)
      let common =
        le16(0) + le16(method) + le16(0) + le16(0x21) + le32(crc ?? crc32(data)) + le32(UInt32(data.count))
        + le32(UInt32(size ?? data.count)) + le16(nameBytes.count) + le16(0)
      let offset = UInt32(out.count)
      out += le32(0x0403_4b50) + le16(20) + common + nameBytes + data
      directory +=
        le32(0x0201_4b50) + le16(20) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0)
        + le32(offset) + nameBytes
    }
    let end =
      le32(0x0605_4b50) + le16(0) + le16(0) + le16(files.count) + le16(files.count)
      + le32(UInt32(directory.count)) + le32(UInt32(out.count)) + le16(0)
    return Data(out + directory + end)
  }

  static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

  static func row(_ cells: [String]) -> String {
    "<w:tr>" + cells.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
  }

  static func docx(_ body: String) -> Data {
    zip([
      ("[Content_Types].xml", "<Types/>"),
      (
        "word/document.xml",
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="w"><w:body>"#
          + body + "</w:body></w:document>"
      ),
    ])
  }

  static let plan = docx(
    paragraph("VERKSAMHETSPLAN 2021") + paragraph("Redovisas vid föreningens årsmöte 28 maj 2021")
      + paragraph("Förebild och föregångare") + "<w:tbl>"
      + row(["Vad", "Hur", "Vem", "När/Resurs", "Status", "Prio"])
      + row([
        "Samverka med SKR &amp; WWF", "Hålla kontakten", "Kansliet Styrelsen", "Hösten 2021", "Pågår", "1",
      ])
      + row(["", "Driva projekt", "Styrels", "Löpande", "", "2"]) + "</w:tbl><w:p/>")

  @Test func aWordDocumentImportsToAPlanFile() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.plan.write(to: folder.appendingPathComponent("plan.docx"))
    let run = try SekomProcess.run(["import", "plan.docx"], directory: folder)
    #expect(run.status == 0, "\(run.error)")
    #expect(
      run.output == """
        id,inriktning,vad,hur,vem,när,status,prio
        1,Förebild och föregångare,Samverka med SKR & WWF,Hålla kontakten,Kansli; Styrelse,Hösten 2021,Pågår,1
        2,Förebild och föregångare,Samverka med SKR & WWF,Driva projekt,Styrelse,Löpande,,2

        """)
    #expect(
      run.error.contains("plan.docx:3: note: section heading: direction \"Förebild och föregångare\"\n"))
    #expect(run.error.contains("plan.docx:6: note: empty Vad: the row carries the Vad of line 5\n"))
    #expect(
      run.error.contains(
        "plan.docx:6: note: actor \"Styrels\" corrected to \"Styrelse\", the nearest known actor\n"))
    #expect(run.error.contains("sekom: 2 activities read from 'plan.docx'\n"))
  }

  /// A Word document is known by its bytes, whatever it is called.
  @Test func aWordDocumentWithAnotherNameIsReadAsOne() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.plan.write(to: folder.appendingPathComponent("plan.txt"))
    let run = try SekomProcess.run(
      ["import", "plan.txt", "--output", "plan.json", "--quiet"], directory: folder)
    #expect(run.status == 0, "\(run.error)")
    let json = try String(contentsOf: folder.appendingPathComponent("plan.json"), encoding: .utf8)
    #expect(json.contains("\"Samverka med SKR & WWF\""))
  }

  @Test(arguments: [
    (
      Data("Vad\tHur\n".utf8),
      "sekom: error: cannot read 'x.docx' as a Word document: it is not a zip archive, as a Word document "
        + "(.docx) is\n"
    ),
    (
      Data(Self.plan.prefix(100)),
      "sekom: error: cannot read 'x.docx' as a Word document: the zip archive is damaged: it has no central "
        + "directory (is the file cut short?)\n"
    ),
    (
      zip([("content.xml", "<office:document/>")]),
      "sekom: error: cannot read 'x.docx' as a Word document: the zip archive is not a Word document: it has no "
        + "word/document.xml\n"
    ),
    (
      docx(paragraph("VERKSAMHETSPLAN 2021")),
      "x.docx: error: no handlingsplan table: no header row (Vad, Hur, Vem, När/Resurs, Status, Prio)\n"
    ),
  ])
  func aFileThatIsNotAReadableWordDocumentIsRefused(bytes: Data, message: String) throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try bytes.write(to: folder.appendingPathComponent("x.docx"))
    let run = try SekomProcess.run(["import", "x.docx"], directory: folder)
    #expect(run.status == 3)
    #expect(run.output.isEmpty)
    #expect(run.error == message)
  }

  /// 80 MiB of spaces, deflated to some 80 KiB, whose entry claims 1,000 bytes: refused at 64 MiB while it
  /// is inflated, not after.
  @Test func aZipBombIsRefused() throws {
    #expect(sekom_zlib_load() == 1)
    let spaces = [UInt8](repeating: 0x20, count: 80 << 20)
    var stream = z_stream()
    #expect(sekom_deflate_init_raw(&stream) == Z_OK)
    var deflated = [UInt8](repeating: 0, count: 1 << 20)
    var input = spaces
    input.withUnsafeMutableBufferPointer { source in
      deflated.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        #expect(sekom_deflate(&stream, Z_FINISH) == Z_STREAM_END)
      }
    }
    deflated.removeLast(Int(stream.avail_out))
    _ = sekom_deflate_end(&stream)
    let bomb = Self.zip([(name: "word/document.xml", data: deflated, method: 8, size: 1000, crc: 0)])
    #expect(bomb.count < 1 << 20)
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try bomb.write(to: folder.appendingPathComponent("bomb.docx"))
    let run = try SekomProcess.run(["import", "bomb.docx"], directory: folder)
    #expect(run.status == 3)
    #expect(
      run.error
        == "sekom: error: cannot read 'bomb.docx' as a Word document: word/document.xml unpacks to more than "
        + "64 MiB, which sekom does not read; a handlingsplan is far smaller (is it a zip bomb?)\n")
  }
}
