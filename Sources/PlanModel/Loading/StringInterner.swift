/// Hands out one String per distinct byte sequence, looked up by the bytes themselves.
///
/// A plan of a million rows names the same few directions, statuses, `när` texts and actor lists again and
/// again. Looking a field up by its bytes, before any String is made, means a repeated value costs a hash
/// and a compare, and the plan holds one copy of it instead of a million. Each distinct value also gets a
/// small index, so that readers can keep what they derive from it (a status category, an actor list, an
/// interval) in an array instead of deriving it again.
struct StringInterner {
  /// The distinct values, in first-appearance order; `index(of:)` returns positions in this array.
  private(set) var strings: [String] = []
  /// How many times each value was looked up through `index(of:)`, when `countsUses`; else all 1.
  private(set) var uses: [Int] = []
  /// Counting is kept to the table that needs it (the `när` texts, whose uses settle the plan year): it
  /// is a write per row.
  private let countsUses: Bool

  init(countsUses: Bool = false) {
    self.countsUses = countsUses
  }

  /// Open addressing: each slot holds the top bits of a value's hash (`tagMask`) and, below them, one more
  /// than the offset of the value's record in `arena`; 0 when empty. The capacity is a power of two. A
  /// lookup reads its slot and, when the tags agree, one record: two places in memory, since a large plan
  /// names tens of thousands of distinct actor lists, more than a processor's caches hold.
  private var slots: [UInt64] = Array(repeating: 0, count: 64)
  private static let tagMask: UInt64 = 0xFFFF_FF00_0000_0000
  /// Each distinct value's record, back to back: its index and its length (an Int each), then its bytes.
  private var arena: [UInt8] = []
  private static let header = 2 * MemoryLayout<Int>.size
  /// Whether `string(of:)` still interns; see `string(of:)`.
  private var sharing = true
  private var lookups = 0

  /// How many distinct values there are.
  var count: Int { strings.count }

  /// The index of the value, adding it when new.
  mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = StringInterner.hash(bytes)
    let tag = hash & StringInterner.tagMask
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      if stored & StringInterner.tagMask == tag,
        let index = indexIfEqual(at: Int(stored & ~StringInterner.tagMask) - 1, bytes)
      {
        if countsUses { uses[index] += 1 }
        return index
      }
      slot = (slot + 1) & mask
    }
    let index = strings.count
    let offset = arena.count
    withUnsafeBytes(of: index) { arena.append(contentsOf: $0) }
    withUnsafeBytes(of: bytes.count) { arena.append(contentsOf: $0) }
    arena.append(contentsOf: bytes)
    strings.append(ByteText.string(bytes))
    uses.append(1)
    slots[slot] = tag | UInt64(offset + 1)
    if strings.count * 2 > slots.count { grow() }
    return index
  }

  /// The value as a String, shared with earlier equal values while that pays: once more than half of the
  /// first few thousand values of a column are distinct (free text such as `hur`), sharing stops and each
  /// value is simply made, so that a column of unique texts is not also copied into the table.
  mutating func string(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard sharing else { return ByteText.string(bytes) }
    lookups += 1
    if lookups == 4096 && strings.count > lookups / 2 { sharing = false }
    return value(of: bytes)
  }

  /// The value as a String, always shared with earlier equal values.
  mutating func value(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    let index = index(of: bytes)
    return strings[index]
  }

  /// Adds the values of another interner, with their uses; returns, for each of its indices, the index of
  /// the same value here. Values new here keep the other's order, after the values already here.
  mutating func absorb(_ other: StringInterner) -> [Int] {
    var indices: [Int] = []
    indices.reserveCapacity(other.count)
    other.arena.withUnsafeBytes { arena in
      var offset = 0
      while offset < arena.count {
        let index = arena.loadUnaligned(fromByteOffset: offset, as: Int.self)
        let count = arena.loadUnaligned(fromByteOffset: offset + MemoryLayout<Int>.size, as: Int.self)
        let start = offset + StringInterner.header
        let own = self.index(
          of: UnsafeBufferPointer(rebasing: arena.bindMemory(to: UInt8.self)[start..<start + count]))
        if countsUses { uses[own] += other.uses[index] - 1 }
        indices.append(own)
        offset = start + count
      }
    }
    return indices
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    arena.withUnsafeBytes { arena in
      for stored in old where stored != 0 {
        let start = Int(stored & ~StringInterner.tagMask) - 1 + StringInterner.header
        let count = arena.loadUnaligned(fromByteOffset: start - MemoryLayout<Int>.size, as: Int.self)
        let hash = StringInterner.hash(
          UnsafeBufferPointer(rebasing: arena.bindMemory(to: UInt8.self)[start..<start + count]))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = stored
      }
    }
  }

  /// The index of the value whose record is at `offset` in the arena, if its bytes are `bytes`.
  private func indexIfEqual(at offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    arena.withUnsafeBytes { stored in
      let count = bytes.count
      guard stored.loadUnaligned(fromByteOffset: offset + MemoryLayout<Int>.size, as: Int.self) == count
      else { return nil }
      let start = offset + StringInterner.header
      if let b = bytes.baseAddress {
        let rawB = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= count {
          if stored.loadUnaligned(fromByteOffset: start + i, as: UInt64.self)
            != rawB.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          {
            return nil
          }
          i += 8
        }
        while i < count {
          if stored[start + i] != b[i] { return nil }
          i += 1
        }
      }
      return stored.loadUnaligned(fromByteOffset: offset, as: Int.self)
    }
  }

  /// A fast non-cryptographic hash in the manner of wyhash, sixteen bytes per multiplication; plan files
  /// are not adversaries of the table.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = bytes.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
    guard let base = bytes.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
      let product = a.multipliedFullWidth(by: b)
      return product.high ^ product.low
    }
    var i = 0
    while i + 16 <= count {
      h = mix(word(i) ^ 0xA076_1D64_78BD_642F, word(i + 8) ^ h)
      i += 16
    }
    var a: UInt64 = 0
    var b: UInt64 = 0
    if count >= 8 {
      // The last sixteen bytes or fewer as two words, the second ending at the last byte (they may
      // overlap, or overlap what the loop read): no byte-at-a-time tail.
      if count - i > 8 { a = word(i) }
      b = word(count - 8)
    } else {
      var shift: UInt64 = 0
      while i < count {
        b |= UInt64(base[i]) << shift
        shift += 8
        i += 1
      }
    }
    return mix(mix(a ^ 0xE703_7ED1_A0B4_28DB, b ^ h), 0x8EBC_6AF0_9C88_C6E3 ^ UInt64(count))
  }
}
