#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Substring search over UTF-8 bytes. Folded texts are compared as bytes, which is what Swedish folding
/// leaves to compare, and far cheaper than generic `String.contains` on every row of a large plan.
enum TextSearch {
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    if needle.isEmpty { return true }
    var haystack = haystack
    var needle = needle
    return haystack.withUTF8 { h in
      needle.withUTF8 { n in
        guard h.count >= n.count, let base = h.baseAddress, let pattern = n.baseAddress else { return false }
        let last = h.count - n.count
        var offset = 0
        // memchr finds each place the first byte occurs; memcmp checks the rest there.
        while offset <= last {
          guard let found = memchr(base + offset, Int32(pattern[0]), last - offset + 1) else { return false }
          let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
          if memcmp(found, pattern, n.count) == 0 { return true }
          offset = position + 1
        }
        return false
      }
    }
  }

  static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
    text.utf8.starts(with: prefix.utf8)
  }
}
