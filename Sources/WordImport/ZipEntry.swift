/// One file of a zip archive, as its central directory describes it.
struct ZipEntry: Sendable, Equatable {
  var name: String
  /// General purpose flags; bit 0 is encryption.
  var flags: UInt16
  /// 0 stored, 8 deflate; other methods are refused.
  var method: UInt16
  var crc32: UInt32
  var compressedSize: Int
  var uncompressedSize: Int
  /// Where the entry's local header starts.
  var localHeaderOffset: Int

  var isEncrypted: Bool { flags & 1 != 0 }
}
