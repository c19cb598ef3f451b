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
