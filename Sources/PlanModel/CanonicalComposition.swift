/// Canonical composition (Unicode NFC) of texts, so that text means the same however it is written.
///
/// A letter followed by a combining accent ("e" + U+0300, as macOS and PDFs hand out pasted text) and the
/// precomposed letter ("è") are the same text. Plan texts and query values are composed where they are
/// read, and `SwedishCollation.fold` composes too, so that every comparison, ordering and suggestion sees
/// one form. The stdlib's normalizer (`_nfcCodeUnits`, public in the stdlib, no Foundation) does the work;
/// it costs about 5 ns a byte, so texts that cannot change skip it: ASCII and Latin-1 through U+02FF
/// (Swedish letters) by a byte scan, and the punctuation, symbols and emoji plans use, by a scalar scan.
public enum CanonicalComposition {
  /// The text in NFC; the same String when it already is.
  public static func composed(_ text: String) -> String {
    guard mayChange(text) else { return text }
    let units = text._nfcCodeUnits
    if units.elementsEqual(text.utf8) { return text }
    return String(decoding: units, as: UTF8.self)
  }

  /// Whether the text holds a scalar that NFC might change or join with the one before it.
  static func mayChange(_ text: String) -> Bool {
    // Every scalar below U+0300 is stable in NFC and starts a new letter; its UTF-8 lead byte is below 0xCC.
    guard text.utf8.contains(where: { $0 >= 0xCC }) else { return false }
    return text.unicodeScalars.contains { $0.value >= 0x300 && !isStable($0) }
  }

  /// Scalars NFC keeps as they are, and that combine with nothing before them: the ranges plan texts
  /// commonly hold above U+02FF (dashes, quotes, currency, arrows, shapes, emoji). A test checks each.
  static let stableRanges: [ClosedRange<UInt32>] = [
    0x2002...0x20CF,  // general punctuation, super- and subscripts, currency (U+2000, U+2001 are not)
    0x2190...0x2328,  // arrows, mathematical operators, technical (U+2329, U+232A are not)
    0x232B...0x2ADB,  // technical, boxes, shapes, dingbats (U+2ADC is not)
    0x2ADD...0x2BFF,
    0xFE00...0xFE0F,  // variation selectors of emoji
    0x1F000...0x1FAFF,  // emoji and pictographs
  ]

  static func isStable(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    for range in stableRanges where range.contains(value) { return true }
    return false
  }
}
