import CZlib

/// Writes zip archives for the tests: stored or deflated entries (deflated with zlib, as Word does), and
/// on request the faults a reader must refuse.
struct ZipWriter {
  struct Entry {
    var name: String
    var bytes: [UInt8]
    var deflate = true
    /// The general purpose flags; 1 marks the entry encrypted.
    var flags: UInt16 = 0
    /// The method written, when not the one used (8 deflate, 0 stored).
    var method: UInt16?
    /// The uncompressed size written, when not the true one: what a zip bomb claims.
    var declaredSize: UInt32?
    /// Sizes and CRC after the data rather than in the local header (flag bit 3), as LibreOffice and
    /// streaming writers do: only the central directory has them.
    var dataDescriptor = false
  }

  var entries: [Entry] = []

  mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
    entries.append(Entry(name: name, bytes: Array(text.utf8), deflate: deflate))
  }

  /// A Word document holding `documentXML` as word/document.xml, with the parts Word writes beside it.
  static func docx(_ documentXML: String) -> [UInt8] {
    var writer = ZipWriter()
    writer.add(
      "[Content_Types].xml",
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
    )
    writer.add("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships/>"#, deflate: false)
    writer.add("word/document.xml", documentXML)
    return writer.archive()
  }

  func archive() -> [UInt8] {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for entry in entries {
      let data = entry.deflate ? Self.deflate(entry.bytes) : entry.bytes
      let crc = Self.crc32(entry.bytes)
      let method = entry.method ?? (entry.deflate ? 8 : 0)
      let size = entry.declaredSize ?? UInt32(entry.bytes.count)
      let name = Array(entry.name.utf8)
      let offset = UInt32(out.count)
      let flags = entry.flags | (entry.dataDescriptor ? 8 : 0)
      out += le32(0x0403_4b50) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0x21)
      out +=
        entry.dataDescriptor ? le32(0) + le32(0) + le32(0) : le32(crc) + le32(UInt32(data.count)) + le32(size)
      out += le16(UInt16(name.count)) + le16(0) + name + data
      if entry.dataDescriptor { out += le32(0x0807_4b50) + le32(crc) + le32(UInt32(data.count)) + le32(size) }
      directory += le32(0x0201_4b50) + le16(20) + le16(20) + le16(flags) + le16(method) + le16(0)
      directory += le16(0x21) + le32(crc) + le32(UInt32(data.count)) + le32(size)
      directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
      directory += name
    }
    let directoryOffset = UInt32(out.count)
    out += directory
    out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
    out += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
    return out
  }

  static func deflate(_ bytes: [UInt8]) -> [UInt8] {
    precondition(sekom_zlib_load() == 1, "zlib is not loadable")
    var stream = z_stream()
    precondition(sekom_deflate_init_raw(&stream) == Z_OK)
    defer { _ = sekom_deflate_end(&stream) }
    var input = bytes
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    input.withUnsafeMutableBufferPointer { inputBuffer in
      stream.next_in = inputBuffer.baseAddress
      stream.avail_in = UInt32(inputBuffer.count)
      chunk.withUnsafeMutableBufferPointer { chunkBuffer in
        var status = Z_OK
        repeat {
          stream.next_out = chunkBuffer.baseAddress
          stream.avail_out = UInt32(chunkBuffer.count)
          status = sekom_deflate(&stream, Z_FINISH)
          output += chunkBuffer[0..<(chunkBuffer.count - Int(stream.avail_out))]
        } while status == Z_OK
        precondition(status == Z_STREAM_END)
      }
    }
    return output
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    precondition(sekom_zlib_load() == 1, "zlib is not loadable")
    return bytes.withUnsafeBufferPointer {
      UInt32(truncatingIfNeeded: sekom_crc32(0, $0.baseAddress, UInt32($0.count)))
    }
  }
}

private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
