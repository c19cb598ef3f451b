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
  /// exclusive or, and the mask below marks exactly the zero bytes of a word. The marks are added up in
  /// the word's eight byte lanes, four words a step, and the lanes summed only every 252 words.
  static func count(in bytes: UnsafeRawBufferPointer) -> Int {
    let feeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    /// 1 in each byte lane of `word` that equals 0x0A, else 0.
    func marks(_ offset: Int) -> UInt64 {
      let x = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ feeds
      return ~(((x & low7) &+ low7) | x | low7) >> 7
    }
    /// The sum of the eight byte lanes.
    func lanes(_ word: UInt64) -> Int {
      let pairs = (word & 0x00FF_00FF_00FF_00FF) &+ ((word >> 8) & 0x00FF_00FF_00FF_00FF)
      return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
    var total = 0
    var i = 0
    while i + 32 <= bytes.count {
      // At most 63 steps of four words before the lanes (each below 256) are summed.
      let end = min(bytes.count - 31, i + 63 * 32)
      var sum: UInt64 = 0
      while i < end {
        sum &+= marks(i) &+ marks(i + 8) &+ marks(i + 16) &+ marks(i + 24)
        i += 32
      }
      total += lanes(sum)
    }
    while i < bytes.count {
      if bytes[i] == 0x0A { total += 1 }
      i += 1
    }
    return total
  }
}
