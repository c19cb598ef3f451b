import Platform

/// Counts the line feeds of a part of a file: one more than that bounds the records in it, which sizes a
/// plan's arrays once and tells, before any activity is built, whether a file could pass the row limit.
enum LineFeedCount {
  /// The line feeds in bytes `start..<end` of the file open at `descriptor`, read a buffer at a time;
  /// nil when the file cannot be read (the reader then reports it).
  static func count(descriptor: Int32, from start: Int, to end: Int) -> Int? {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
    defer { buffer.deallocate() }
    var offset = start
    var total = 0
    while offset < end {
      let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, end - offset)])
      guard let n = try? ReadableFile.read(descriptor: descriptor, into: wanted, at: offset), n > 0 else {
        return offset >= end ? total : nil
      }
      total += count(in: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
      offset += n
    }
    return total
  }

  /// The line feeds in `bytes`, eight bytes at a time: a byte equal to 0x0A becomes a zero byte after the
  /// exclusive or, and the mask below marks exactly the zero bytes of a word.
  static func count(in bytes: UnsafeRawBufferPointer) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let feeds = ones &* 0x0A
    var total = 0
    var i = 0
    while i + 8 <= bytes.count {
      let x = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ feeds
      let zero = ~(((x & low7) &+ low7) | x | low7)
      total += zero.nonzeroBitCount
      i += 8
    }
    while i < bytes.count {
      if bytes[i] == 0x0A { total += 1 }
      i += 1
    }
    return total
  }
}
