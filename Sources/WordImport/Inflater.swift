import CZlib

/// zlib's inflate and crc32, through the library loaded when first needed.
enum Inflater {
  static func load() throws(WordImportError) {
    guard sekom_zlib_load() == 1 else {
      throw WordImportError("zlib (libz.so.1) could not be loaded; it is needed to read a Word document")
    }
  }

  /// The raw deflate stream `data` inflated; refused when it would be more than `limit` bytes.
  static func inflate(_ data: ArraySlice<UInt8>, name: String, limit: Int) throws(WordImportError) -> [UInt8]
  {
    try load()
    var input = Array(data)
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var stream = z_stream()
    guard sekom_inflate_init_raw(&stream) == Z_OK else {
      throw WordImportError("zlib could not start inflating \(name)")
    }
    defer { _ = sekom_inflate_end(&stream) }
    var status = Z_OK
    input.withUnsafeMutableBufferPointer { inputBuffer in
      stream.next_in = inputBuffer.baseAddress
      stream.avail_in = UInt32(inputBuffer.count)
      chunk.withUnsafeMutableBufferPointer { chunkBuffer in
        repeat {
          stream.next_out = chunkBuffer.baseAddress
          stream.avail_out = UInt32(chunkBuffer.count)
          status = sekom_inflate(&stream, Z_NO_FLUSH)
          let produced = chunkBuffer.count - Int(stream.avail_out)
          output.append(contentsOf: chunkBuffer[0..<produced])
          // Stops a zip bomb at the limit, whatever the entry's header claimed.
          if output.count > limit { return }
        } while status == Z_OK
      }
      stream.next_in = nil
    }
    if output.count > limit {
      throw WordImportError(
        "\(name) unpacks to more than \(limit >> 20) MiB, which sekom does not read; a handlingsplan is far "
          + "smaller (is it a zip bomb?)")
    }
    guard status == Z_STREAM_END else {
      throw WordImportError("the zip archive is damaged: \(name) cannot be inflated")
    }
    return output
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    guard sekom_zlib_load() == 1 else { return 0 }
    var crc: UInt = 0
    var offset = 0
    bytes.withUnsafeBufferPointer { buffer in
      // In pieces: zlib's length is 32 bits.
      while offset < buffer.count {
        let count = min(buffer.count - offset, 1 << 30)
        crc = UInt(sekom_crc32(crc, buffer.baseAddress! + offset, UInt32(count)))
        offset += count
      }
    }
    return UInt32(truncatingIfNeeded: crc)
  }
}
