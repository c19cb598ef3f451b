/// A zip archive read from its bytes: the central directory, and stored or deflated entries.
///
/// Only what a .docx needs: one disk, no zip64, no encryption. Sizes and offsets are checked against the
/// archive before they are used, and an entry is never inflated past `limit` bytes, whatever its header
/// claims, so that a zip bomb is refused rather than filling memory.
struct ZipArchive {
  let bytes: [UInt8]
  let entries: [ZipEntry]

  private static let endOfCentralDirectory: UInt32 = 0x0605_4b50
  private static let zip64Locator: UInt32 = 0x0706_4b50
  private static let centralHeader: UInt32 = 0x0201_4b50
  private static let localHeader: UInt32 = 0x0403_4b50

  init(_ bytes: [UInt8]) throws(WordImportError) {
    self.bytes = bytes
    guard bytes.count >= 4,
      Self.uint32(bytes, 0) == Self.localHeader || Self.uint32(bytes, 0) == Self.endOfCentralDirectory
    else { throw WordImportError("it is not a zip archive, as a Word document (.docx) is") }
    // The end record is 22 bytes, followed by a comment of at most 65,535.
    var end: Int?
    var position = bytes.count - 22
    while position >= max(0, bytes.count - 22 - 0xFFFF) {
      if Self.uint32(bytes, position) == Self.endOfCentralDirectory { end = position; break }
      position -= 1
    }
    guard let end else {
      throw WordImportError(
        "the zip archive is damaged: it has no central directory (is the file cut short?)")
    }
    let disk = Self.uint16(bytes, end + 4)
    let directoryDisk = Self.uint16(bytes, end + 6)
    let count = Int(Self.uint16(bytes, end + 10))
    let size = Int(Self.uint32(bytes, end + 12))
    let offset = Int(Self.uint32(bytes, end + 16))
    if (end >= 20 && Self.uint32(bytes, end - 20) == Self.zip64Locator) || count == 0xFFFF
      || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF
    {
      throw WordImportError(
        "the zip archive is in the zip64 form, which sekom does not read; a Word document is not")
    }
    guard disk == 0, directoryDisk == 0 else {
      throw WordImportError("the zip archive spans several disks, which sekom does not read")
    }
    guard offset <= end, size <= end - offset else {
      throw WordImportError("the zip archive is damaged: its central directory lies outside the file")
    }
    var entries: [ZipEntry] = []
    var at = offset
    for _ in 0..<count {
      guard at + 46 <= offset + size, Self.uint32(bytes, at) == Self.centralHeader else {
        throw WordImportError("the zip archive is damaged: its central directory is cut short or garbled")
      }
      let nameLength = Int(Self.uint16(bytes, at + 28))
      let extraLength = Int(Self.uint16(bytes, at + 30))
      let commentLength = Int(Self.uint16(bytes, at + 32))
      let next = at + 46 + nameLength + extraLength + commentLength
      guard next <= offset + size else {
        throw WordImportError("the zip archive is damaged: its central directory is cut short or garbled")
      }
      let entry = ZipEntry(
        name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
        flags: Self.uint16(bytes, at + 8), method: Self.uint16(bytes, at + 10),
        crc32: Self.uint32(bytes, at + 16), compressedSize: Int(Self.uint32(bytes, at + 20)),
        uncompressedSize: Int(Self.uint32(bytes, at + 24)),
        localHeaderOffset: Int(Self.uint32(bytes, at + 42)))
      if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF
        || entry.localHeaderOffset == 0xFFFF_FFFF
      {
        throw WordImportError(
          "the zip archive is in the zip64 form, which sekom does not read; a Word document is not")
      }
      entries.append(entry)
      at = next
    }
    self.entries = entries
  }

  func entry(named name: String) -> ZipEntry? {
    entries.first { $0.name == name }
  }

  /// The entry's uncompressed bytes; refused when they would be more than `limit`.
  func contents(of entry: ZipEntry, limit: Int) throws(WordImportError) -> [UInt8] {
    guard !entry.isEncrypted else {
      throw WordImportError(
        "\(entry.name) in the zip archive is encrypted; save the document without a password")
    }
    guard entry.uncompressedSize <= limit else {
      throw WordImportError(
        "\(entry.name) would unpack to \(entry.uncompressedSize) bytes, more than the \(limit >> 20) MiB "
          + "sekom reads; a handlingsplan is far smaller")
    }
    let at = entry.localHeaderOffset
    guard at + 30 <= bytes.count, Self.uint32(bytes, at) == Self.localHeader else {
      throw WordImportError(
        "the zip archive is damaged: the entry \(entry.name) is not where its directory says")
    }
    let start = at + 30 + Int(Self.uint16(bytes, at + 26)) + Int(Self.uint16(bytes, at + 28))
    guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
      throw WordImportError("the zip archive is damaged: the entry \(entry.name) is cut short")
    }
    let data = bytes[start..<(start + entry.compressedSize)]
    let contents: [UInt8]
    switch entry.method {
    case 0:
      contents = Array(data)
    case 8:
      contents = try Inflater.inflate(data, name: entry.name, limit: limit)
    default:
      throw WordImportError(
        "\(entry.name) in the zip archive is compressed with method \(entry.method); sekom reads stored and "
          + "deflated entries, as Word writes them")
    }
    guard contents.count == entry.uncompressedSize, Inflater.crc32(contents) == entry.crc32 else {
      throw WordImportError(
        "the zip archive is damaged: \(entry.name) does not unpack to what its directory says")
    }
    return contents
  }

  /// Little-endian numbers; 0 past the end, which the callers' bounds checks then refuse.
  private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
    guard at >= 0, at + 2 <= bytes.count else { return 0 }
    return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
  }

  private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    guard at >= 0, at + 4 <= bytes.count else { return 0 }
    return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }
}
