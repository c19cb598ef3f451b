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

  private struct Entry {
    var hash: UInt64
    var offset: Int
    var count: Int
  }

  private var entries: [Entry] = []
  /// Open addressing: entry index + 1, or 0 for an empty slot. The capacity is a power of two.
  private var slots: [Int32] = Array(repeating: 0, count: 64)
  /// The bytes of every distinct value, back to back, for comparing new bytes with.
  private var arena: [UInt8] = []
  /// Whether `string(of:)` still interns; see `string(of:)`.
  private var sharing = true
  private var lookups = 0

  /// The index of the value, adding it when new.
  mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = StringInterner.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 { break }
      let entry = entries[stored - 1]
      if entry.hash == hash && entry.count == bytes.count && equal(entry, bytes) {
        if countsUses { uses[stored - 1] += 1 }
        return stored - 1
      }
      slot = (slot + 1) & mask
    }
    let index = entries.count
    entries.append(Entry(hash: hash, offset: arena.count, count: bytes.count))
    arena.append(contentsOf: bytes)
    strings.append(ByteText.string(bytes))
    uses.append(1)
    slots[slot] = Int32(index + 1)
    if entries.count * 2 > slots.count { grow() }
    return index
  }

  /// The value as a String, shared with earlier equal values while that pays: once more than half of the
  /// first few thousand values of a column are distinct (free text such as `hur`), sharing stops and each
  /// value is simply made, so that a column of unique texts is not also copied into the table.
  mutating func string(of bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard sharing else { return ByteText.string(bytes) }
    lookups += 1
    if lookups == 4096 && entries.count > lookups / 2 { sharing = false }
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
    other.arena.withUnsafeBufferPointer { arena in
      other.entries.enumerated().map { (index, entry) in
        let own = self.index(
          of: UnsafeBufferPointer(rebasing: arena[entry.offset..<entry.offset + entry.count]))
        if countsUses { uses[own] += other.uses[index] - 1 }
        return own
      }
    }
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  private func equal(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    arena.withUnsafeBytes { stored in
      guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
      let rawB = UnsafeRawPointer(b)
      let count = entry.count
      var i = 0
      while i + 8 <= count {
        if a.loadUnaligned(fromByteOffset: entry.offset + i, as: UInt64.self)
          != rawB.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        {
          return false
        }
        i += 8
      }
      while i < count {
        if stored[entry.offset + i] != b[i] { return false }
        i += 1
      }
      return true
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
    if count - i >= 8 {
      a = word(i)
      i += 8
    }
    var shift: UInt64 = 0
    while i < count {
      b |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    return mix(mix(a ^ 0xE703_7ED1_A0B4_28DB, b ^ h), 0x8EBC_6AF0_9C88_C6E3 ^ UInt64(count))
  }
}
