import CPlatform

/// The fast check of a file's text, in C with the processor's vector instructions (AVX2): Swift has no
/// portable way to write them.
public enum CleanText {
  /// Whether the bytes are well-formed UTF-8 holding no NUL byte; nil when this processor has no vector
  /// instructions for the check, and the caller checks byte by byte.
  @inlinable
  public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let base = bytes.baseAddress else { return true }
    switch sekom_text_is_clean(base, bytes.count) {
    case 1: return true
    case 0: return false
    default: return nil
    }
  }
}

/// Finding bytes fast, in C with SSE2 where the processor has it.
public enum ByteSearch {
  /// The offset of the first byte equal to `a` or `b` in `bytes` from `start` up to `end`, or `end`.
  @inlinable @inline(__always)
  public static func first(
    _ a: UInt8, or b: UInt8, in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    sekom_find_either(bytes, start, end, a, b)
  }
}
