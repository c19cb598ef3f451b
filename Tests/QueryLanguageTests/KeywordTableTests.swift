import Foundation
import Testing

@testable import QueryLanguage

/// The keyword table is the one list of words: the lexer, the parser's messages and `.help` are made from
/// it, so that a word added to it is known everywhere.
struct KeywordTableTests {
  /// The lines of `.help` that show a statement's form, between "Statements:" and "Clauses come".
  static var synopsis: String {
    let help = HelpText.help(commands: []).split(separator: "\n")
    let start = help.firstIndex { $0 == "Statements:" }!
    let end = help.firstIndex { $0.contains("Clauses come in any order") }!
    return help[(start + 1)..<end].joined(separator: "\n")
  }

  @Test func theTableSaysWhatEachClauseIs() {
    #expect(Keyword.sources == [.activities, .changes, .add])
    #expect(Keyword.clauses == [.where, .order, .select, .group, .count, .limit, .timeline, .as])
    #expect(
      Keyword.operatorStarts == [
        .not, .contains, .starts, .matches, .in, .is, .before, .after, .overlaps, .changed,
      ])
    #expect(Keyword.changeWords == [.set, .comment, .remove])
    #expect(Keyword.as.phrase(swedish: false) == "as of")
    #expect(Keyword.as.phrase(swedish: true) == "per")
    #expect(Keyword.remove.phrase(swedish: true) == "ta bort")
    #expect(Keyword.add.phrase(swedish: true) == "lägg till aktivitet")
    #expect(Keyword.order.phrase(swedish: false) == "order by")
    #expect(Keyword.order.phrase(swedish: true) == "sortera efter")
    #expect(Keyword.starts.phrase(swedish: true) == "börjar med")
    for keyword in Keyword.allCases {
      #expect(keyword.spellings.count >= 2, "\(keyword) has no Swedish spelling")
      #expect(keyword.spellings.count <= 3, "\(keyword): the lexer's table is sized for three spellings")
      #expect(
        keyword.entry.next.map { $0.role == keyword.role } ?? true, "\(keyword) is followed by another role")
    }
  }

  /// The lexer's quick refusal of long words holds for every spelling, upper case too.
  @Test func longestSpellingIsTheTables() {
    let longest = Keyword.allCases.flatMap(\.spellings).map { max($0.utf8.count, $0.uppercased().utf8.count) }
    #expect(Keyword.longestSpelling == longest.max())
    #expect(Keyword.bySpelling.count == Set(Keyword.allCases.flatMap(\.spellings)).count)
  }

  @Test(arguments: Keyword.sources + Keyword.clauses + Keyword.changeWords)
  func helpShowsEveryStatementWord(_ keyword: Keyword) {
    #expect(Self.synopsis.contains(keyword.phrase(swedish: false)), "\(keyword) not in\n\(Self.synopsis)")
  }

  @Test func helpKeepsItsStatementLayout() {
    #expect(
      Self.synopsis == """
          activities|changes [as of DAY] [where CONDITION]
                             [order by FIELD [asc|desc], …] [select FIELD, …]
                             [group by FIELD] [count [by FIELD]] [limit N] [timeline]
          activities where CONDITION set FIELD = VALUE, …
          activities where CONDITION comment 'NOTE'
          activities where CONDITION remove
          add activity FIELD = VALUE, …
        """)
  }

  /// Every spelling, in lower and upper case, lexes as its keyword, however long: no hand-kept limit
  /// turns a long word away.
  @Test(arguments: Keyword.allCases)
  func everySpellingLexesAsItsKeyword(_ keyword: Keyword) {
    for spelling in keyword.spellings {
      for written in [spelling, spelling.uppercased()] {
        let tokens = Lexer.tokens(of: SourceText(name: "", text: written))
        #expect(tokens[0].is(keyword), "\(written) is not \(keyword)")
      }
    }
  }

  /// The parser names the clauses and their Swedish forms from the table.
  @Test(arguments: [
    ("activities timelin", "unknown clause 'timelin'; did you mean 'timeline'?"),
    ("aktiviteter tidslinj", "unknown clause 'tidslinj'; did you mean 'tidslinje'?"),
    (
      "activities 42",
      "expected a clause (where, order by, select, group by, count, limit, timeline, as of) or the end of "
        + "the statement, found '42'"
    ),
    ("aktiviteter sortera vad", "expected 'efter' after 'sortera', found 'vad'"),
    ("activities order vad", "expected 'by' after 'order', found 'vad'"),
    ("aktiviteter där vad börjar Delta", "expected 'med' after 'börjar', found 'Delta'"),
    ("activities where vad not is empty", "'not' does not go before 'is'; write 'is not empty'"),
    ("aktiviteter där vad inte är tom", "'inte' does not go before 'är'; write 'är inte tom'"),
  ])
  func parserMessagesComeFromTheTable(_ query: String, _ message: String) throws {
    let error = try #require(ErrorTests.firstError(in: SourceText(name: "q", text: query)))
    #expect(error.message == message)
  }
}
