import PlanModel
import QueryLanguage
import Testing

@testable import REPL

/// Completion of the follow-up's words (issue 10): the `changes` source and `add activity` at the start,
/// `as of`, the change words after a `where` condition, the settable fields and their values after `set`,
/// `changed` and the times after it, and the dot-commands' set words.
struct ChangeCompletionTests {
  static let settable = ["vad", "hur", "vem", "när", "status", "prio", "inriktning"]
  static let changesFields = ["tid", "av", "grupp", "id", "vad", "fält", "från", "till"]

  /// A session on the 2021 plan with two log entries by Anna and Bertil, on `today`.
  static func completer(plan: Plan = logged, today: Day? = nil) -> Completer {
    let session = Session(plan: plan, standardOutput: { _ in }, standardError: { _ in })
    if let today { session.today = today }
    return Completer(session: session)
  }

  static var logged: Plan {
    var plan = Plan.embedded2021
    plan.log = ["Anna", "Bertil"].enumerated().map { index, author in
      LogEntry(
        time: LogTime(seconds: 1_623_672_000, offset: 7200), author: author, group: index + 1,
        activityID: 19, change: .field(.status, from: .text("Planeras"), to: .text("Pågår")))
    }
    return plan
  }

  static func candidates(_ line: String) -> [String] {
    completer().complete(pending: [], line: line).candidates
  }

  /// Exactly what is offered.
  @Test(arguments: [
    // The new sources, whole phrases, and the rest of `add activity` word by word.
    ("ch", ["changes"]), ("än", ["ändringar"]), ("ad", ["add activity"]), ("lä", ["lägg till aktivitet"]),
    ("add ", ["activity"]), ("lägg ", ["till aktivitet"]), ("lägg till ", ["aktivitet"]),
    ("lägg till akt", ["aktivitet"]),
    // The fields an assignment can give, each once; `=` after one; `,` after a value.
    ("add activity ", settable), ("lägg till aktivitet ", settable),
    ("add activity vad = 'Remissvar', ", settable.filter { $0 != "vad" }),
    ("add activity prio ", ["="]), ("add activity prio = ", ["1", "2", "3"]),
    ("activities where id = 19 set ", settable), ("aktiviteter där id = 19 sätt ", settable),
    ("aktiviteter där id = 19 satt ", settable),
    ("activities where id = 19 set status = 'Pågår', ", settable.filter { $0 != "status" }),
    ("activities where id = 19 set status = 'Pågår', nä", ["när"]),
    ("activities where id = 19 set p", ["prio"]),
    ("activities where id = 19 set status = Pågår ", [","]),
    ("activities where id = 19 set vem = (Kansli ", [",", ")"]),
    // The plan's values after `set FIELD =`, as for conditions.
    ("activities where id = 19 set vem = Kansl", ["Kansli"]),
    ("activities where id = 19 set vem = (Kansli, Sty", ["Styrelse"]),
    ("activities where id = 19 set inriktning = 'Före", ["Förebild och föregångare'"]),
    ("activities where id = 19 set status = Vil", ["Vilande", "Vilande pga Coronapandemi"]),
    ("activities where id = 19 set prio = ", ["1", "2", "3"]),
    ("aktiviteter där id = 19 sätt prio = 2, när = hös", ["'hösten 2021'"]),
    // A `när` that names no days would get a warning: not offered.
    ("activities where id = 19 set när = Vid", []),
    // Nothing after a removal or a note but Swedish `ta`'s `bort`.
    ("aktiviteter där id = 7 ta ", ["bort"]), ("activities where id = 7 remove ", []),
    ("aktiviteter där id = 7 ta bort ", []), ("activities where id = 7 comment ", []),
    ("activities where id = 7 comment 'Klart' ", []),
    // `as of DAY`, `per DAY`.
    ("activities as ", ["of"]), ("activities as of hös", ["'hösten 2021'"]), ("aktiviteter per id", ["idag"]),
    ("activities as of 2021-06-14 where prio = 1 s", ["select"]),
    // The fields of `changes`, and the values of fält and av.
    ("changes where ", changesFields), ("ändringar där ", changesFields),
    ("changes order by ", changesFields),
    ("changes select tid, ", changesFields), ("changes where av = ", ["Anna", "Bertil"]),
    ("changes where av = B", ["Bertil"]),
    (
      "changes where fält = ",
      ["aktivitet", "hur", "inriktning", "kommentar", "när", "prio", "status", "vad", "vem"]
    ),
    ("changes where fält = k", ["kommentar"]),
    (
      "changes where tid ",
      [
        "=", "!=", "contains", "starts with", "matches", "in", "before", "after", "overlaps", "is empty",
        "is not empty", "not",
      ]
    ),
    // `changed` after a field the log records, then the time operators, then times.
    ("activities where status ch", ["changed"]), ("aktiviteter där status än", ["ändrad"]),
    ("activities where kategori ch", []), ("activities where ch", ["changed"]),
    ("activities where prio = 1 and not ch", ["changed"]),
    ("activities where status changed o", ["overlaps", "or", "order by"]),
    ("aktiviteter där status ändrad ö", ["överlappar"]),
    ("aktiviteter där ändrad efter sen", ["'senaste mötet'"]),
    ("activities where changed after last", ["'last meeting'"]),
    ("activities where vem changed before hös", ["'hösten 2021'"]),
    // The dot-commands of the follow-up and their words.
    (".un", [".undo"]), (".dryrun ", ["on", "off"]), (".dryrun of", ["off"]), (".lang ", ["sv", "en"]),
    (".lang s", ["sv"]), (".expanded ", ["on", "off", "auto"]), (".expanded a", ["auto"]),
    (".header o", ["on", "off"]), (".undo ", []), (".lang sv ", []),
  ])
  func offers(line: String, offered: [String]) {
    #expect(Self.candidates(line) == offered)
  }

  /// What must and must not be among the candidates.
  @Test(arguments: [
    ("", ["changes", "add activity", "ändringar", "lägg till aktivitet"], []),
    ("activities count; ", ["activities", "changes", "add activity"], ["lägg till aktivitet"]),
    ("aktiviteter antal; ", ["aktiviteter", "ändringar", "lägg till aktivitet"], ["add activity"]),
    ("activities ", ["as of", "where"], ["set", "comment", "remove"]),
    ("aktiviteter ", ["per", "där"], ["sätt", "as of"]),
    ("changes ", ["as of", "where"], ["set"]),
    ("activities where prio = 1 ", ["and", "order by", "set", "comment", "remove"], ["sätt"]),
    ("aktiviteter där prio = 1 ", ["och", "sortera efter", "sätt", "kommentera", "ta bort"], ["set"]),
    ("activities where status changed ", ["before", "after", "overlaps", "and", "set"], ["changed"]),
    ("activities where status changed after 2021-06-14 ", ["and", "set", "remove"], ["before"]),
    // A change has `where` and no other clause, and is made on the activities.
    ("activities where prio = 1 order by id ", [","], ["set", "comment", "remove"]),
    ("activities as of 2021-06-14 where prio = 1 ", ["and"], ["set", "comment", "remove"]),
    ("changes where grupp = 1 ", ["and", "count"], ["set", "comment", "remove", "changed"]),
    // `changed` goes with the activities' own fields, not the derived ones nor those of changes.
    ("activities where ", ["changed", "kommentar"], ["tid", "fält"]),
    ("activities where när ", ["changed", "before"], []),
    ("activities where kommentar ", ["changed"], []),
    ("activities where slut ", ["before"], ["changed"]),
    ("activities where id ", ["="], ["changed"]),
    ("changes where ", [], ["changed", "kommentar"]),
    ("changes where vad ", ["contains"], ["changed"]),
    // After `changed after`, a time, as after other time operators.
    ("activities where changed after ", ["today", "last meeting", "hösten 2021", "årsmötet"], ["Vid behov"]),
    ("aktiviteter där status ändrad efter ", ["idag", "senaste mötet", "våren 2021"], ["today", "Bevaka"]),
    ("changes where tid after ", ["today", "last meeting", "maj 2021"], []),
    (".", [".undo", ".dryrun", ".lang", ".expanded"], []),
  ])
  func offersAmongOthers(line: String, offered: [String], left: [String]) {
    let candidates = Self.candidates(line)
    for word in offered { #expect(candidates.contains(word), "\(word) not in \(candidates)") }
    for word in left { #expect(!candidates.contains(word), "\(word) in \(candidates)") }
  }

  /// The board's meetings are offered as times only when the plan knows one on that side of today, as
  /// the checker reads them: the 2021 plan was adopted at a meeting on 22 March.
  @Test func meetingsAreOfferedWhenThePlanHasThem() {
    let line = "activities where changed after "
    let before = Self.completer(today: Day(year: 2021, month: 1, day: 10))
    let early = before.complete(pending: [], line: line).candidates
    #expect(early.contains("next meeting") && early.contains("nästa möte"), "\(early)")
    #expect(!early.contains("last meeting"), "\(early)")
    var plan = Plan.embedded2021
    plan.metadata.adopted = nil
    plan.metadata.boardMeetings = []
    let none = Self.completer(plan: plan).complete(pending: [], line: line).candidates
    for meeting in ["last meeting", "senaste mötet", "next meeting", "nästa möte"] {
      #expect(!none.contains(meeting), "\(none)")
    }
    #expect(none.contains("today"))
  }

  /// The checker is the truth: every field offered after `set` and every value offered for it, written
  /// as Tab writes it, make a change the checker accepts without a warning, and the fields not offered
  /// are refused.
  @Test func everyAssignmentOfferedIsAccepted() throws {
    let completer = Self.completer()
    let start = "activities where id = 19 set "
    let fields = completer.complete(pending: [], line: start).candidates
    for field in RowSource.activities.fields.map(\.name) where !fields.contains(field) {
      #expect(throws: QueryError.self, "\(field)") { try Self.check(start + "\(field) = 1") }
    }
    for field in fields {
      let values = completer.complete(pending: [], line: start + "\(field) = ").candidates
      #expect(!values.isEmpty || field == "hur", "\(field)")
      for value in values {
        let bare = value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        let written = start + "\(field) = " + (bare ? value : "'\(value.replacing("'", with: "''"))'")
        do {
          #expect(try Self.check(written).warnings.isEmpty, "\(written)")
        } catch {
          Issue.record("\(written): \(error)")
        }
      }
    }
  }

  /// Every field `changed` is offered after is one the checker accepts it with, and only those.
  @Test(arguments: RowSource.activities.fields)
  func changedIsOfferedWhereTheCheckerAcceptsIt(field: Field) {
    let offered = Self.candidates("activities where \(field.name) ").contains("changed")
    let accepted = (try? Self.check("activities where \(field.name) changed")) != nil
    #expect(offered == accepted, "\(field)")
  }

  static func check(_ text: String) throws -> CheckedStatement {
    guard case .success(.statement(let statement)) = Parser.parse(SourceText(name: "t", text: text)).first
    else { throw QueryError(.syntax, "does not parse", at: SourceRange(start: 0, end: 0)) }
    return try Checker(plan: logged, parameters: [:]).check(statement)
  }
}
