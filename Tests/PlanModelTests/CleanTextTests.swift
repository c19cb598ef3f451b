import FuzzChecks
import Platform
import Testing

@testable import PlanModel

/// The vector check of a file's text (`CleanText`, in C) says clean exactly when the byte-at-a-time check
/// finds no bad byte: every pair of bytes, leads of three and four bytes with the seconds that decide, at
/// the start, across the 32-byte blocks it works in and at the end, and random text.
struct CleanTextTests {
  /// Whether both checks agree on `bytes`; the vector check may be missing on another processor.
  static func agree(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      let byteByByte = ByteText.firstProblemByteByByte(in: buffer) == nil
      return (CleanText.check(buffer) ?? byteByByte) == byteByByte
    }
  }

  /// Where a sequence is put in 70 bytes of ASCII: the start, across the first and second blocks of 32,
  /// and the end, in the part after the last whole block.
  static let places = [0, 30, 31, 32, 62, 63, 67, 68, 69]

  @Test(arguments: 0...255)
  func everyPairOfBytesAnywhere(first: Int) {
    var disagreements: [String] = []
    for second in 0...255 {
      for place in Self.places {
        var bytes = [UInt8](repeating: 0x61, count: 70)
        bytes[place] = UInt8(first)
        if place + 1 < bytes.count { bytes[place + 1] = UInt8(second) }
        if !Self.agree(bytes) { disagreements.append("\(first) \(second) at \(place)") }
      }
    }
    #expect(disagreements.isEmpty)
  }

  @Test(arguments: Array(0xE0...0xF7))
  func longerSequencesAnywhere(lead: Int) {
    let deciding: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF0]
    var disagreements: [String] = []
    for second in 0x70...0xC5 {
      for third in deciding {
        for fourth in deciding {
          for place in Self.places {
            var bytes = [UInt8](repeating: 0x20, count: 70)
            for (offset, byte) in [UInt8(lead), UInt8(second), third, fourth].enumerated()
            where place + offset < bytes.count {
              bytes[place + offset] = byte
            }
            if !Self.agree(bytes) { disagreements.append("\([lead, second, third, fourth]) at \(place)") }
          }
        }
      }
    }
    #expect(disagreements.isEmpty)
  }

  @Test func randomTextOfEveryLength() {
    // Swedish text, other scripts, and now and then a byte that breaks it.
    let pieces: [[UInt8]] =
      ["a", "å", "Ö", "€", "𝄞", "ab,c\n", "\"", " "].map { Array($0.utf8) } + [
        [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
        [0xF4, 0x90, 0x80, 0x80], [0],
        [0xFF],
      ]
    var generator = SeededGenerator(seed: 2021)
    var disagreements = 0
    var clean = 0
    for _ in 0..<40_000 {
      var bytes: [UInt8] = []
      let length = Int(generator.next() % 120)
      let spoils = generator.next() % 4 == 0
      while bytes.count < length {
        let piece = Int(generator.next() % UInt64(spoils ? pieces.count : 8))
        bytes += pieces[piece]
      }
      if !Self.agree(bytes) { disagreements += 1 }
      if bytes.withUnsafeBufferPointer({ ByteText.firstProblemByteByByte(in: $0) }) == nil { clean += 1 }
    }
    #expect(disagreements == 0)
    #expect(clean > 20_000 && clean < 40_000)
    #if arch(x86_64)
      // The machines sekom is built and tested on have AVX2: the vector check ran.
      #expect(CleanText.check(UnsafeBufferPointer(start: nil, count: 0)) == true)
      #expect([UInt8]("Förebild".utf8).withUnsafeBufferPointer { CleanText.check($0) } == true)
    #endif
  }
}
