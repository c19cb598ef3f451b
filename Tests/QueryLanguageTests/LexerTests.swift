import Testing

@testable import QueryLanguage

struct LexerTests {
  /// Each input with its tokens as kind:text, the end token left out.
  static let cases: [(input: String, tokens: [String])] = [
    ("activities where prio = 1", ["word:activities", "word:where", "word:prio", "=:=", "integer:1"]),
    ("vem contains 'Kansli'", ["word:vem", "word:contains", "string:'Kansli'"]),
    ("när overlaps \"hösten 2021\"", ["word:när", "word:overlaps", "string:\"hösten 2021\""]),
    ("start >= 2021-05-11", ["word:start", ">=:>=", "date:2021-05-11"]),
    ("start < 2021-05", ["word:start", "<:<", "month:2021-05"]),
    (
      "prio != 2 and prio <> 3",
      ["word:prio", "!=:!=", "integer:2", "word:and", "word:prio", "!=:<>", "integer:3"]
    ),
    (
      "prio <= 2 or prio > 1",
      ["word:prio", "<=:<=", "integer:2", "word:or", "word:prio", ">:>", "integer:1"]
    ),
    (
      "vem in (Kansli, Styrelse)",
      ["word:vem", "word:in", "(:(", "word:Kansli", ",:,", "word:Styrelse", "):)"]
    ),
    ("vem = $vem;", ["word:vem", "=:=", "parameter:$vem", ";:;"]),
    ("vad contains 25-årsjubileum", ["word:vad", "word:contains", "word:25-årsjubileum"]),
    ("vad contains Facebook-gruppen -- a comment", ["word:vad", "word:contains", "word:Facebook-gruppen"]),
    ("prio = 1 # a comment\nselect id", ["word:prio", "=:=", "integer:1", "word:select", "word:id"]),
    ("vad = 'it''s'", ["word:vad", "=:=", "string:'it''s'"]),
    ("vad contains ”Hållbara städer”", ["word:vad", "word:contains", "string:”Hållbara städer”"]),
    // The typographic single quotes of Swedish documents, ’…’ and ‘…’; ’ inside a word is an apostrophe.
    ("vad = ’Lobbying’ count", ["word:vad", "=:=", "string:’Lobbying’", "word:count"]),
    ("vad = ‘Lobbying’", ["word:vad", "=:=", "string:‘Lobbying’"]),
    ("vad in (’a’,’b’)", ["word:vad", "word:in", "(:(", "string:’a’", ",:,", "string:’b’", "):)"]),
    ("vad contains Sekom’s", ["word:vad", "word:contains", "word:Sekom’s"]),
    ("vad = ”a ”” b” or ’it’’s’", ["word:vad", "=:=", "string:”a ”” b”", "word:or", "string:’it’’s’"]),
    ("vad = “a”b", ["word:vad", "=:=", "string:“a”", "word:b"]),
    (".format csv", ["dotCommand:.format csv"]),
    ("prio == 1", ["word:prio", "=:==", "integer:1"]),
  ]

  @Test(arguments: cases)
  func tokens(input: String, expected: [String]) {
    let source = SourceText(name: "t", text: input)
    let tokens = Lexer.tokens(of: source).dropLast()
    #expect(tokens.map { "\(Self.name($0.kind)):\(source.slice($0.range))" } == expected)
  }

  static func name(_ kind: Token.Kind) -> String {
    switch kind {
    case .word: "word"
    case .integer: "integer"
    case .date: "date"
    case .month: "month"
    case .string: "string"
    case .parameter: "parameter"
    case .leftParen: "("
    case .rightParen: ")"
    case .comma: ","
    case .semicolon: ";"
    case .equal: "="
    case .notEqual: "!="
    case .less: "<"
    case .lessEqual: "<="
    case .greater: ">"
    case .greaterEqual: ">="
    case .dotCommand: "dotCommand"
    case .end: "end"
    case .unclosedString: "unclosedString"
    case .error: "error"
    }
  }

  @Test func keywordsAreKnownInBothLanguages() {
    let source = SourceText(name: "t", text: "aktiviteter där och eller inte sortera efter SELECT Visa")
    let tokens = Lexer.tokens(of: source)
    #expect(tokens[0].is(.activities))
    #expect(tokens[1].is(.where))
    #expect(tokens[2].is(.and))
    #expect(tokens[3].is(.or))
    #expect(tokens[4].is(.not))
    #expect(tokens[5].is(.order))
    #expect(tokens[6].is(.by) && tokens[6].is(.after))
    #expect(tokens[7].is(.select) && tokens[8].is(.select))
  }

  @Test func errorsAreTokensWithTheirPlace() {
    let source = SourceText(name: "t", text: "prio @ 1")
    let tokens = Lexer.tokens(of: source)
    #expect(tokens[1].kind == .error("unexpected character '@'"))
    #expect(tokens[1].range == SourceRange(start: 5, end: 6))
    let open = Lexer.tokens(of: SourceText(name: "t", text: "vad = 'open"))
    #expect(open[2].kind == .unclosedString)
    let typographic = Lexer.tokens(of: SourceText(name: "t", text: "vad = ’open' x"))
    #expect(typographic[2].kind == .unclosedString)
    #expect(typographic[2].range == SourceRange(start: 6, end: 16))
  }

  @Test func lineStartsAndBlankLinesAreMarked() {
    let source = SourceText(name: "t", text: "activities\nwhere prio = 1\n\nactivities -- x\n-- y\ncount")
    let tokens = Lexer.tokens(of: source)
    #expect(tokens.map(\.startsLine) == [true, true, false, false, false, true, true, false])
    #expect(tokens.map(\.followsBlankLine) == [false, false, false, false, false, true, false, false])
  }
}
