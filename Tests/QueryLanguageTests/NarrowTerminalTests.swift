import Foundation
import PlanModel
import Testing

@testable import QueryLanguage

/// `.fields` and error messages on a narrow terminal.
struct NarrowTerminalTests {
  /// `.fields` laid out for the width: nothing wider, each sample value on a line of its own (cut with "…"
  /// when it is long, never also wrapped), no separator starting a line.
  @Test(arguments: [40, 60])
  func fieldsFitANarrowTerminal(width: Int) throws {
    // Sample values are cut to fit and kept on one line with no-break spaces and hyphens.
    let text = DotCommandTests.run(".fields", width: width).output.replacingOccurrences(
      of: "\u{00A0}", with: " "
    )
    .replacingOccurrences(of: "\u{2011}", with: "-")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { TextWidth.of($0) <= width }, "\(text)")
    #expect(!lines.contains { $0.drop { $0 == " " }.hasPrefix("|") }, "\(text)")
    #expect(text.contains("for example: Ordförande\n             Kansli\n             Styrelse\n"), "\(text)")
    for field in RowSource.activities.fields {
      #expect(text.contains("field:       \(field.name)\n"), "\(field.name)")
    }
    for field in RowSource.changes.fields { #expect(text.contains(field.name), "\(field.name)") }
    // A long value is cut to the room beside the labels, on one line.
    let cut = try #require(lines.first { $0.contains("Pådrivare och") })
    #expect(cut.hasSuffix("…") && TextWidth.of(cut) <= width, "\(cut)")
    let next = try #require(lines.firstIndex(of: cut)).advanced(by: 1)
    #expect(lines[next].hasPrefix("             Kunskaps"), "\(lines[next])")
  }

  /// In a table at 80 columns a sample value is cut to fit and never also wrapped: no line of the examples
  /// column holds the rest of a value cut on the line above.
  @Test func sampleValuesAreNotBothCutAndWrapped() throws {
    let text = DotCommandTests.run(".fields", width: 80).output
    let examples = text.split(separator: "\n").compactMap { $0.split(separator: "│").last }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(examples.contains("Pådrivare\u{00A0}och\u{00A0}opinionsbilda…"), "\(text)")
    #expect(!examples.contains("opinionsbilda…"), "\(text)")
  }

  static let longStatement =
    "activities where vem contains Kansli and prio = 1 and status is not empty and när overlaps 'hösten 2021' "
    + "and kategori in (ongoing, planned) and vemm = Kansli order by när select id, vad"

  static func error(width: Int?, in statement: String = longStatement) -> [Substring] {
    var errors = ""
    let session = Session(plan: .embedded2021, standardOutput: { _ in }, standardError: { errors += $0 })
    session.errorWidth = { width }
    session.run(SourceText(name: "<input>", text: statement))
    return errors.split(separator: "\n")
  }

  /// An error in a statement longer than the terminal: the part of the line around the mistake, cut to
  /// the width, and the caret on the next row under it.
  @Test(arguments: [40, 60, 80, 100])
  func theCaretIsUnderTheMistakeOnALongLine(width: Int) throws {
    let lines = Self.error(width: width)
    #expect(lines.count == 3, "\(lines)")
    let shown = String(lines[1])
    let caret = String(lines[2])
    #expect(TextWidth.of(shown) <= width && TextWidth.of(caret) <= width, "\(lines)")
    #expect(shown.hasPrefix("…"), "\(lines)")
    let mistake = try #require(shown.range(of: "vemm = Kansli"))
    let column = shown.distance(from: shown.startIndex, to: mistake.lowerBound)
    #expect(caret == String(repeating: " ", count: column) + "^~~~", "\(lines)")
  }

  /// Without a terminal a line of up to 160 characters is shown whole, as before.
  @Test func withoutATerminalTheLineIsWhole() {
    let statement =
      "activities where vem contains Kansli and prio = 1 and status is not empty and vemm = Kansli "
      + "order by när select id, vad"
    #expect(Self.error(width: nil, in: statement)[1] == statement)
    let cut = Self.error(width: 60, in: statement)
    #expect(cut[1].hasPrefix("…") && cut[1].hasSuffix("…") && cut[1].count == 60, "\(cut)")
  }
}
