/// Swedish rules for comparing and ordering text.
///
/// Comparison ignores case and treats å, ä and ö as letters of their own, after z; é and other accented
/// letters that Swedish does not count as letters of their own sort as their base letter.
public enum SwedishCollation {
  /// The form two texts are compared in: lower case, with accents that Swedish ignores removed.
  /// "Kansliet" and "KANSLIET" fold alike; "ö" and "o" do not.
  public static func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) { return text }
    // Canonically equivalent texts fold alike: "e" + U+0300 is "è", folded to "e"; "a" + ring is "å".
    let text = CanonicalComposition.composed(text)
    // Built as bytes: this runs on every row a text condition tests.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    func append(_ scalar: Unicode.Scalar) { bytes.append(contentsOf: UTF8.encode(scalar)!) }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        bytes.append(UInt8((0x41...0x5A).contains(v) ? v + 32 : v))
      } else if v <= 0xFF {
        // Latin-1, where Swedish text lives: upper case is 0x20 below lower case, but for × and ß.
        let lower = (0xC0...0xDE).contains(v) && v != 0xD7 ? Unicode.Scalar(v + 0x20)! : scalar
        append(baseLetter(lower))
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(baseLetter(lower)) }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A key whose byte order is Swedish order: compare keys with `<` (lexicographic) to sort texts.
  public static func sortKey(_ text: String) -> [UInt32] {
    var key: [UInt32] = []
    key.reserveCapacity(text.utf8.count)
    for scalar in fold(text).unicodeScalars {
      switch scalar {
      case "å": key.append(UInt32(("z" as Unicode.Scalar).value) + 1)
      case "ä", "æ": key.append(UInt32(("z" as Unicode.Scalar).value) + 2)
      case "ö", "ø": key.append(UInt32(("z" as Unicode.Scalar).value) + 3)
      default: key.append(scalar.value)
      }
    }
    return key
  }

  /// Whether `a` sorts before `b` in Swedish order.
  public static func precedes(_ a: String, _ b: String) -> Bool {
    sortKey(a).lexicographicallyPrecedes(sortKey(b))
  }

  /// Letters Swedish sorts as their base letter: é as e, ü as y, à as a. å, ä and ö stay.
  private static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "é", "è", "ê", "ë": "e"
    case "á", "à", "â", "ã": "a"
    case "í", "ì", "î", "ï": "i"
    case "ó", "ò", "ô", "õ": "o"
    case "ú", "ù", "û": "u"
    case "ü", "ý", "ÿ": "y"
    case "ç": "c"
    case "ñ": "n"
    default: scalar
    }
  }
}
