/// The listing of `.help` fitted to the terminal's width (`.fields` is a table, fitted as tables are). Without a terminal (nil width)
/// they are written whole, a line for a line, for scripts that read them.
enum TerminalText {
  /// Lines longer than the width broken at spaces. A line of two columns (a gap of two spaces or more, as
  /// in "  .read FILE   run the statements…") goes on under its second column when that leaves room, else
  /// the second column goes under the first, four spaces in. Other lines go on under the lines that follow
  /// them more indented, their hand-made continuations, which are filled up with them; else two spaces in.
  static func wrap(_ text: String, width: Int?) -> String {
    guard let width else { return text }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    var out: [String] = []
    var index = 0
    while index < lines.count {
      var line = lines[index]
      index += 1
      guard line.count > width else {
        out.append(String(line))
        continue
      }
      let indent = indentation(line)
      if let gap = columnGap(line) {
        if width - gap.upperBound >= minimumRoom {
          out.append(fill(line, head: gap.upperBound, hang: gap.upperBound, width: width))
        } else {
          let first = Array(line[..<gap.lowerBound])
          let second = Array(repeating: " ", count: indent + 4) + line[gap.upperBound...]
          out.append(fill(first, head: indent, hang: min(indent + 2, width / 2), width: width))
          out.append(fill(second, head: indent + 4, hang: indent + 4, width: width))
        }
        continue
      }
      var hang = min(indent + 2, width / 2)
      if index < lines.count, !lines[index].isEmpty, indentation(lines[index]) > indent,
        indentation(lines[index]) < width / 2
      {
        hang = indentation(lines[index])
        while index < lines.count, !lines[index].isEmpty, indentation(lines[index]) == hang {
          line += [" "] + lines[index].dropFirst(hang)
          index += 1
        }
      }
      out.append(fill(line, head: indent, hang: hang, width: width))
    }
    return out.joined(separator: "\n")
  }

  /// The smallest room a continuation is given under a second column.
  private static let minimumRoom = 20

  private static func indentation(_ line: [Character]) -> Int { line.prefix { $0 == " " }.count }

  /// A line's last gap of two spaces or more between texts.
  private static func columnGap(_ line: [Character]) -> Range<Int>? {
    var found: Range<Int>?
    var index = indentation(line)
    while index < line.count {
      guard line[index] == " " else {
        index += 1
        continue
      }
      let gap = index
      while index < line.count && line[index] == " " { index += 1 }
      if index - gap >= 2 && index < line.count { found = gap..<index }
    }
    return found
  }

  /// The words of a line in lines of the width: the first keeps what is before `head` as it is, the
  /// others start at `hang`. Only a word longer than a whole line is cut.
  private static func fill(_ characters: [Character], head: Int, hang: Int, width: Int) -> String {
    var lines: [String] = []
    var current = String(characters[..<head])
    var room = max(1, width - head)
    var fresh = true
    for part in characters[head...].split(separator: " ") {
      var word = part[...]
      if !fresh && 1 + word.count > room {
        lines.append(current)
        current = String(repeating: " ", count: hang)
        room = max(1, width - hang)
        fresh = true
      }
      if !fresh {
        current += " "
        room -= 1
      }
      while word.count > room {
        lines.append(current + String(word.prefix(room)))
        word = word.dropFirst(room)
        current = String(repeating: " ", count: hang)
        room = max(1, width - hang)
      }
      current += String(word)
      room -= word.count
      fresh = false
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }
}
