/// The tags and text of an XML document, in order, for a reader that needs only a few elements.
///
/// Comments, processing instructions and a document type are skipped; CDATA is text. Entities: the five
/// XML names (&amp; &lt; &gt; &quot; &apos;) and numeric ones; any other is an error, since expanding a
/// document type's entities is how an XML file grows without bound.
enum XMLScanner {
  enum Event {
    case start(name: String, attributes: [(name: String, value: String)], isEmpty: Bool)
    case end(name: String)
    case text(String)
  }

  static func scan(
    _ xml: [UInt8], _ handle: (Event) throws(WordImportError) -> Void
  ) throws(WordImportError) {
    var index = 0
    let count = xml.count
    func find(_ pattern: [UInt8], from start: Int) -> Int? {
      var at = start
      while at + pattern.count <= count {
        if xml[at] == pattern[0], xml[at..<(at + pattern.count)].elementsEqual(pattern) { return at }
        at += 1
      }
      return nil
    }
    func damaged(_ what: String) -> WordImportError {
      WordImportError("word/document.xml is not well-formed XML: \(what)")
    }
    while index < count {
      guard xml[index] == UInt8(ascii: "<") else {
        var end = index
        while end < count, xml[end] != UInt8(ascii: "<") { end += 1 }
        try handle(.text(try decode(xml[index..<end], damaged: damaged)))
        index = end
        continue
      }
      // Most tags are elements: the rarer forms are looked for only after '<!' or '<?'.
      let second = index + 1 < count ? xml[index + 1] : 0
      if second != UInt8(ascii: "!") && second != UInt8(ascii: "?") {
        index = try tag(xml, at: index, handle: handle, damaged: damaged)
      } else if xml[(index + 1)...].starts(with: Array("!--".utf8)) {
        guard let end = find(Array("-->".utf8), from: index + 4) else {
          throw damaged("a comment is not closed")
        }
        index = end + 3
      } else if xml[(index + 1)...].starts(with: Array("![CDATA[".utf8)) {
        guard let end = find(Array("]]>".utf8), from: index + 9) else {
          throw damaged("a CDATA is not closed")
        }
        try handle(.text(String(decoding: xml[(index + 9)..<end], as: UTF8.self)))
        index = end + 3
      } else if xml[(index + 1)...].starts(with: Array("?".utf8)) {
        guard let end = find(Array("?>".utf8), from: index + 2) else {
          throw damaged("a processing instruction is not closed")
        }
        index = end + 2
      } else if xml[(index + 1)...].starts(with: Array("!".utf8)) {
        // A document type; its internal subset, in brackets, may hold '>'.
        var depth = 0
        var end = index + 2
        while end < count, !(xml[end] == UInt8(ascii: ">") && depth == 0) {
          if xml[end] == UInt8(ascii: "[") { depth += 1 }
          if xml[end] == UInt8(ascii: "]") { depth -= 1 }
          end += 1
        }
        guard end < count else { throw damaged("a declaration is not closed") }
        index = end + 1
      } else {
        index = try tag(xml, at: index, handle: handle, damaged: damaged)
      }
    }
  }

  /// Reads the tag at `start` ('<'), hands it on, and returns the index after it.
  private static func tag(
    _ xml: [UInt8], at start: Int, handle: (Event) throws(WordImportError) -> Void,
    damaged: (String) -> WordImportError
  ) throws(WordImportError) -> Int {
    let count = xml.count
    var index = start + 1
    let isEnd = index < count && xml[index] == UInt8(ascii: "/")
    if isEnd { index += 1 }
    func isNameByte(_ byte: UInt8) -> Bool {
      !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        || byte == UInt8(ascii: "="))
    }
    let nameStart = index
    while index < count, isNameByte(xml[index]) { index += 1 }
    guard index > nameStart else { throw damaged("a '<' that starts no tag") }
    let name = String(decoding: xml[nameStart..<index], as: UTF8.self)
    var attributes: [(name: String, value: String)] = []
    while true {
      while index < count, !isNameByte(xml[index]), xml[index] != UInt8(ascii: ">"),
        xml[index] != UInt8(ascii: "/")
      {
        index += 1
      }
      guard index < count else { throw damaged("the tag <\(name)> is not closed") }
      if xml[index] == UInt8(ascii: ">") {
        if isEnd {
          try handle(.end(name: name))
        } else {
          try handle(.start(name: name, attributes: attributes, isEmpty: false))
        }
        return index + 1
      }
      if xml[index] == UInt8(ascii: "/") {
        guard index + 1 < count, xml[index + 1] == UInt8(ascii: ">"), !isEnd else {
          throw damaged("a stray '/' in the tag <\(name)>")
        }
        try handle(.start(name: name, attributes: attributes, isEmpty: true))
        return index + 2
      }
      let attributeStart = index
      while index < count, isNameByte(xml[index]) { index += 1 }
      let attribute = String(decoding: xml[attributeStart..<index], as: UTF8.self)
      while index < count, xml[index] != UInt8(ascii: "\""), xml[index] != UInt8(ascii: "'"),
        xml[index] != UInt8(ascii: ">")
      {
        index += 1
      }
      guard index < count, xml[index] != UInt8(ascii: ">") else {
        throw damaged("the attribute \(attribute) of <\(name)> has no quoted value")
      }
      let quote = xml[index]
      let valueStart = index + 1
      index = valueStart
      while index < count, xml[index] != quote { index += 1 }
      guard index < count else { throw damaged("a value in the tag <\(name)> is not closed") }
      attributes.append((attribute, try decode(xml[valueStart..<index], damaged: damaged)))
      index += 1
    }
  }

  /// Text with its entities replaced.
  static func decode(
    _ bytes: ArraySlice<UInt8>, damaged: (String) -> WordImportError
  ) throws(WordImportError) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    var result = String.UnicodeScalarView()
    var index = bytes.startIndex
    var plain = index
    while index < bytes.endIndex {
      guard bytes[index] == UInt8(ascii: "&") else {
        index += 1
        continue
      }
      result.append(contentsOf: String(decoding: bytes[plain..<index], as: UTF8.self).unicodeScalars)
      guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
        throw damaged("an '&' that starts no entity")
      }
      let entity = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
      result.append(try scalar(of: entity, damaged: damaged))
      index = semicolon + 1
      plain = index
    }
    result.append(contentsOf: String(decoding: bytes[plain..<index], as: UTF8.self).unicodeScalars)
    return String(result)
  }

  private static func scalar(of entity: String, damaged: (String) -> WordImportError) throws(WordImportError)
    -> Unicode.Scalar
  {
    switch entity {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default:
      var number: UInt32?
      if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
        number = UInt32(entity.dropFirst(2), radix: 16)
      } else if entity.hasPrefix("#") {
        number = UInt32(entity.dropFirst(), radix: 10)
      }
      guard let number, let scalar = Unicode.Scalar(number) else {
        throw damaged("the entity &\(entity); is not one XML defines")
      }
      return scalar
    }
  }
}
