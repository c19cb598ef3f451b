import Foundation
import Testing

@testable import QueryLanguage

/// The lexer owns quoting: a string token carries the range of its contents, and dot-command lines are
/// split into words by the same rules as statements, with the same four quotes.
struct QuotingTests {
  /// A string, its contents as written, and its value.
  @Test(arguments: [
    ("'Kansli'", "Kansli", "Kansli"),
    ("\"två ord\"", "två ord", "två ord"),
    ("’Alla medlemmar’", "Alla medlemmar", "Alla medlemmar"),
    ("”Hållbara städer”", "Hållbara städer", "Hållbara städer"),
    ("‘Delta’", "Delta", "Delta"),
    ("“Delta”", "Delta", "Delta"),
    ("'it''s'", "it''s", "it's"),
    ("”a ”” b”", "a ”” b", "a ” b"),
    ("’a'b’", "a'b", "a'b"),
    ("''", "", ""),
  ])
  func stringsCarryTheirContents(_ written: String, _ contents: String, _ value: String) {
    let source = SourceText(name: "t", text: "vad = " + written + " count")
    let token = Lexer.tokens(of: source)[2]
    #expect(token.kind == .string)
    #expect(source.slice(token.range) == written)
    #expect(source.slice(token.content) == contents)
    #expect(Lexer.value(of: token, in: source) == value)
  }

  @Test func anUnclosedStringsContentsRunToTheEnd() {
    let source = SourceText(name: "t", text: "vad = ”Delta i")
    let token = Lexer.tokens(of: source)[2]
    #expect(token.kind == .unclosedString)
    #expect(source.slice(token.content) == "Delta i")
    #expect(Lexer.closingQuote(of: token, in: source) == "”")
    let english = SourceText(name: "t", text: "vad = “Delta")
    #expect(Lexer.closingQuote(of: Lexer.tokens(of: english)[2], in: english) == "”")
  }

  /// A dot-command line and the words its command is given.
  @Test(arguments: [
    (".read fråga.sq", "read", ["fråga.sq"]),
    (".read 'min fråga.sq'", "read", ["min fråga.sq"]),
    (".read \"min fråga.sq\"", "read", ["min fråga.sq"]),
    (".read ’min fråga.sq’", "read", ["min fråga.sq"]),
    (".read ”min fråga.sq”", "read", ["min fråga.sq"]),
    (".read ‘min fråga.sq’", "read", ["min fråga.sq"]),
    (".param vem ’Alla medlemmar’ # a comment", "param", ["vem", "Alla medlemmar"]),
    (".param vem 'it''s'", "param", ["vem", "it's"]),
    (".param vem ''", "param", ["vem", ""]),
    (".param\tvem  Kansli\r", "param", ["vem", "Kansli"]),
    (".param vem Kansli -- a comment", "param", ["vem", "Kansli"]),
    // A quote inside a word is the word's own, as in a file name.
    (".read don't.sq", "read", ["don't.sq"]),
  ])
  func dotCommandsAreSplitByTheLexer(_ line: String, _ name: String, _ arguments: [String]) throws {
    let items = Parser.parse(SourceText(name: "t", text: line))
    guard case .success(.dotCommand(let command)) = try #require(items.first) else {
      Issue.record("\(items)")
      return
    }
    #expect(command.name.text == name)
    #expect(command.arguments.map(\.text) == arguments)
  }

  /// An argument's range covers its quotes, for the caret under a refused word.
  @Test func dotCommandWordsKeepTheirPlace() throws {
    let source = SourceText(name: "t", text: ".format ”x y”")
    guard case .success(.dotCommand(let command)) = try #require(Parser.parse(source).first) else {
      Issue.record("not a dot-command")
      return
    }
    #expect(source.slice(command.arguments[0].range) == "”x y”")
  }

  @Test(arguments: [(".read 'min fråga.sq", "'"), (".read ’min fråga.sq", "’"), (".read x ”y", "”")])
  func anUnclosedQuoteInADotCommandIsAnError(_ line: String, _ quote: String) throws {
    let source = SourceText(name: "t", text: line)
    guard case .failure(let error) = try #require(Parser.parse(source).first) else {
      Issue.record("accepted")
      return
    }
    #expect(error.message == "this quote is not closed")
    #expect(source.slice(error.range) == quote)
  }

  /// `.read` takes a file name in typographic quotes, as statements take values.
  @Test(arguments: ["’", "”", "'", "\""])
  func readTakesAQuotedFileName(_ quote: String) throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "sekom-quoting-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "min fråga.sq")
    try "activities where id = 1 select id, prio\n".write(to: file, atomically: true, encoding: .utf8)
    let run = DotCommandTests.run(".format csv\n.read \(quote)\(file.path)\(quote)\n")
    #expect(run.errors == "")
    #expect(run.output == "id,prio\n1,1\n")
  }

  /// A mistake in a pattern is pointed at inside the quotes, whichever quotes they are; where the text is
  /// not written out as the pattern is (a doubled quote), the whole value is marked.
  @Test(arguments: [
    ("activities where hur matches 'a(b'", "("),
    ("activities where hur matches ’a(b’", "("),
    ("activities where hur matches “a(b”", "("),
    ("activities where hur matches ”a””(b”", "”a””(b”"),
  ])
  func patternMistakesAreFoundInsideTheQuotes(_ query: String, _ marked: String) throws {
    let source = SourceText(name: "q", text: query)
    let error = try #require(ErrorTests.firstError(in: source))
    #expect(error.message.contains("'(' is never closed"))
    #expect(source.slice(error.range) == marked)
  }
}
