import Testing

@testable import QueryLanguage

/// Words from psql, sqlite3 and SQL at the start of a statement get an answer in sekom's terms, in scripts
/// as at the prompt: the parser's error carries it.
struct HabitHintTests {
  static func firstError(_ text: String) -> QueryError? {
    for item in Parser.parse(SourceText(name: "t", text: text)) {
      if case .failure(let error) = item { return error }
    }
    return nil
  }

  @Test(arguments: [
    ("help", "to get help, enter the dot-command '.help'"),
    ("?", "to get help, enter the dot-command '.help'"),
    ("HELP", "to get help, enter the dot-command '.help'"),
    ("quit", "to leave, enter the dot-command '.quit'"),
    ("exit", "to leave, enter the dot-command '.exit'"),
    (
      "select id, vad from activities where vem contains Kansli and prio = 1",
      "sekom names the source first and selects last: activities where vem contains Kansli and prio = 1 "
        + "select id, vad"
    ),
    ("select id from activities", "sekom names the source first and selects last: activities select id"),
    (
      "select id, vad where prio = 1",
      "sekom names the source first and selects last: activities where … select FIELD, …"
    ),
  ])
  func habitGetsAHint(text: String, note: String) throws {
    let error = try #require(HabitHintTests.firstError(text))
    #expect(error.kind == .syntax)
    #expect(error.notes == [note])
  }

  @Test func otherWordsGetNoHint() throws {
    let error = try #require(HabitHintTests.firstError("hjälp"))
    #expect(error.notes.isEmpty)
  }
}
