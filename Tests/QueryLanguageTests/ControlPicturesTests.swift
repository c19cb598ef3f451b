import PlanModel
import Testing

@testable import QueryLanguage

/// The one rule by which control characters of the data are shown, and the places that use it.
struct ControlPicturesTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var kept: ControlPictures.Kept = []
    var shown: String
    var testDescription: String { text.debugDescription }
  }

  static let cases: [Case] = [
    Case(text: "Lobbying", shown: "Lobbying"),
    Case(text: "Årskonferens, Linné – ÅÄÖ é ü", shown: "Årskonferens, Linné – ÅÄÖ é ü"),
    // U+00A0 and U+00A2 start with 0xC2 as C1 does; U+0100 has 0x80 as its second byte.
    Case(text: "a\u{a0}b\u{a2}c\u{100}d", shown: "a\u{a0}b\u{a2}c\u{100}d"),
    Case(text: "\u{1b}]0;titel\u{07}", shown: "␛]0;titel␇"),
    Case(text: "\u{1b}]52;c;cHduZWQ=\u{07}", shown: "␛]52;c;cHduZWQ=␇"),
    Case(text: "\u{1b}[2J", shown: "␛[2J"),
    Case(text: "bra\rdåligt", shown: "bra␍dåligt"),
    Case(text: "\u{0}\u{1}\u{1f}", shown: "␀␁␟"),
    Case(text: "a\u{7f}", shown: "a␡"),
    Case(text: "\u{9b}31m", shown: "<U+009B>31m"),
    Case(text: "\u{80}\u{85}\u{9f}", shown: "<U+0080><U+0085><U+009F>"),
    Case(text: "Â\u{9b}", shown: "Â<U+009B>"),
    Case(text: "rad\nrad\tflik", shown: "rad␊rad␉flik"),
    Case(text: "rad\r\nrad", shown: "rad␍␊rad"),
    Case(text: "rad\r\nrad\tflik", kept: .lineFeeds, shown: "rad␍\nrad␉flik"),
    Case(text: "rad\nrad\tflik\u{1b}", kept: [.lineFeeds, .tabs], shown: "rad\nrad\tflik␛"),
    Case(text: "rad\nrad\tflik", kept: [.lineFeeds, .tabs], shown: "rad\nrad\tflik"),
  ]

  @Test(arguments: cases)
  func controlCharactersAreShownByPictures(_ input: Case) {
    let shown = ControlPictures.visible(input.text, keeping: input.kept)
    #expect(shown == input.shown)
    #expect(ControlPictures.hasControl(input.text.utf8, keeping: input.kept) == (shown != input.text))
  }

  @Test(arguments: [
    ("[\"a\\u001b\"]\n", "[\"a\\u001b\"]\n"),
    ("{\"vad\": \"x\u{9b}y\u{7f}\"}\n", "{\"vad\": \"x\\u009by\\u007f\"}\n"),
  ])
  func jsonForATerminalEscapesC1AndDel(_ json: String, _ escaped: String) {
    #expect(ControlPictures.escapedInJSON(json) == escaped)
  }

  /// The echo of a statement under an error, the first user of the rule: the caret stays under the error
  /// when a C1 control before it is shown by a picture longer than one character.
  @Test func echoedLinePutsTheCaretUnderTheErrorAfterPictures() throws {
    let source = SourceText(name: "q.sq", text: "activities where vad = 'a\u{9b}\u{1b}b' and vemm = 1")
    let error = try #require(ErrorTests.firstError(in: source))
    #expect(
      DiagnosticRenderer.render(error, in: source) == """
        q.sq:1:35: error: unknown field 'vemm'; did you mean 'vem'?
        activities where vad = 'a<U+009B>␛b' and vemm = 1
                                                 ^~~~
        """)
  }

  /// A message quoting the plan ("did you mean …?") and its notes show the plan's controls as pictures.
  @Test func messagesAndNotesShowPictures() {
    let source = SourceText(name: "q\u{7}.sq", text: "activities")
    let error = QueryError(
      .warning, "did you mean '\u{1b}]0;x\u{07}'?", at: SourceRange(start: 0, end: 10), notes: ["\u{9b}2J"])
    #expect(
      DiagnosticRenderer.render(error, in: source) == """
        q␇.sq:1:1: warning: did you mean '␛]0;x␇'?
        activities
        ^~~~~~~~~~
        note: <U+009B>2J
        """)
  }

  /// A table keeps its columns whatever a cell holds: a tab and a CR are pictures, a line feed goes on in
  /// the cell's next line.
  @Test func tableCellsKeepTheirColumns() {
    let table = TextRows(
      headers: ["id", "vad", "status"], rows: [["1", "a\tb\rc", "x\ny"], ["2", "\u{1b}[2J", "\u{9b}"]]
    ).table()
    #expect(
      table == """
         id │ vad   │ status
        ────┼───────┼─────────
         1  │ a␉b␍c │ x
            │       │ y
         2  │ ␛[2J  │ <U+009B>

        """)
  }

  /// A session's messages and listings show pictures; its results show them only on a terminal, but for
  /// tables.
  @Test func sessionMessagesAndListingsShowPictures() {
    var output = ""
    var errors = ""
    let session = Session(
      plan: .embedded2021, standardOutput: { output += $0 }, standardError: { errors += $0 })
    session.reportLine("p\u{1b}[2J.json: note: \u{9b}")
    session.parameters["x"] = "\u{1b}]0;x\u{07}"
    session.run(SourceText(name: "q", text: ".param"))
    #expect(errors == "p␛[2J.json: note: <U+009B>\n")
    #expect(output == "$x = ␛]0;x␇\n")
  }
}
