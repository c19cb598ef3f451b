extension String {
  /// Lends the text's UTF-8 bytes to `body`: in place for a native string, as every plan text is, else
  /// from a copy.
  @inline(__always)
  func withUTF8Lent<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = self
    return copy.withUTF8(body)
  }
}
