import Foundation
import PlanModel
import Platform
import QueryLanguage
import Testing

@testable import LineEditor
@testable import REPL

/// Completion offers what the statement can take where the cursor is: category names in the statement's
/// language, only times where a time goes, clauses that still fit, parameters, and files a dot-command
/// reads, quoted when they need it.
struct CompletionContextTests {
  static func candidates(_ line: String, parameters: [String: String] = [:]) -> [String] {
    completer(parameters: parameters).complete(pending: [], line: line).candidates
  }

  static func completer(parameters: [String: String] = [:]) -> Completer {
    let session = Session(plan: .embedded2021, standardOutput: { _ in }, standardError: { _ in })
    session.parameters = parameters
    return Completer(session: session)
  }

  // MARK: Categories (13)

  /// A Swedish statement gets the Swedish names; one with no Swedish word yet gets both.
  @Test(arguments: [
    ("aktiviteter där kategori = vil", ["vilande"]),
    (
      "aktiviteter där kategori = ",
      StatusCategory.allCases.map(\.swedishName).sorted(by: SwedishCollation.precedes)
    ),
    ("activities where kategori = vil", ["vilande"]),
    ("activities where kategori = pau", ["paused"]),
    (
      "aktiviteter där kategori i (planerad, ",
      StatusCategory.allCases.map(\.swedishName).sorted(by: SwedishCollation.precedes)
    ),
  ])
  func categoriesInTheStatementsLanguage(line: String, offered: [String]) {
    #expect(Self.candidates(line) == offered)
  }

  @Test func anEnglishStatementGetsBothNames() {
    let offered = Self.candidates("activities where kategori = ")
    for category in StatusCategory.allCases {
      #expect(offered.contains(category.name) && offered.contains(category.swedishName), "\(offered)")
    }
  }

  // MARK: Times (14)

  static let timeLines = [
    "activities where när before ", "activities where när after ", "activities where när overlaps ",
    "activities where när not before ", "aktiviteter där när överlappar ", "aktiviteter där när efter ",
    "activities where start < ", "activities where slut >= ", "activities where start = ",
    "aktiviteter där slut före ",
  ]

  /// The time words, the plan year's periods and the plan's `när` texts that give days; never the texts
  /// that give none.
  @Test(arguments: timeLines)
  func onlyTimesWhereATimeGoes(line: String) {
    let offered = Self.candidates(line)
    for time in [
      "idag", "våren 2021", "hösten 2021", "maj 2021", "årsmötet", "Klart våren 2021", "11 maj 2021",
    ] {
      #expect(offered.contains(time), "\(time) not in \(offered)")
    }
    for notATime in ["Vid behov", "Bevaka", "Delvis genomfört", "Vilande", "Vilande pga Coronapandemin"] {
      #expect(!offered.contains(notATime), "\(notATime) in \(offered)")
    }
    #expect(!offered.contains { $0.hasPrefix("Bevaka") || $0.hasPrefix("Vilande") }, "\(offered)")
  }

  @Test func todayInTheStatementsLanguage() {
    #expect(Self.candidates("aktiviteter där när före ").contains("today") == false)
    #expect(Self.candidates("aktiviteter där när före id") == ["idag"])
    #expect(Self.candidates("activities where när before to") == ["today"])
  }

  /// Each time offered is read as a time by the checker, written as Tab writes it.
  @Test(arguments: ["activities where när overlaps ", "activities where start < "])
  func everyTimeOfferedIsATime(line: String) throws {
    let offered = Self.candidates(line)
    #expect(offered.count > 20)
    for time in offered {
      // As Tab writes one value: bare when it can be, else quoted.
      let bare = time.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
      let written = line + (bare ? time : "'\(time.replacing("'", with: "''"))'")
      let parsed = Parser.parse(SourceText(name: "t", text: written)).first
      guard case .success(.statement(let statement)) = parsed else {
        Issue.record("\(written) does not parse")
        continue
      }
      #expect(throws: Never.self, "\(written)") {
        _ = try Checker(plan: .embedded2021, parameters: [:]).check(statement)
      }
    }
  }

  @Test(arguments: [
    ("activities where när overlaps hös", "activities where när overlaps 'hösten 2021' "),
    ("activities where start >= 'våren", "activities where start >= 'våren 2021' "),
    ("aktiviteter där när före id", "aktiviteter där när före idag "),
    ("activities where när after årsm", "activities where när after årsmötet "),
  ])
  func tabWritesATime(line: String, after: String) {
    #expect(CompleterTests.tab(line).line == after)
  }

  /// "efter" is also the `by` of `sortera efter`: a field follows it there, not a time.
  @Test(arguments: ["aktiviteter sortera efter ", "aktiviteter antal efter ", "aktiviteter gruppera efter "])
  func efterAfterAClauseTakesAField(line: String) {
    #expect(Self.candidates(line) == RowSource.activities.fields.map(\.name))
  }

  // MARK: Clauses and parameters (15)

  @Test(arguments: [
    ("activities order by prio ", ["asc", "desc", ","]),
    ("aktiviteter sortera efter prio ", ["stigande", "fallande", ","]),
    ("activities order by prio desc ", [",", "where", "select", "timeline", "count", "count by"]),
    ("activities order by när, prio d", ["desc"]),
    ("activities ", ["where", "timeline", "count", "count by"]),
    ("aktiviteter ", ["där", "tidslinje", "antal", "antal efter"]),
    ("activities c", ["count", "count by"]),
    ("activities where prio = 1 ", ["and", "or", "order by", "timeline", "count by"]),
    ("activities count ", ["by", "where", "order by"]),
    ("activities select id ", [",", "where", "timeline"]),
  ])
  func clausesThatFitAreOffered(line: String, offered: [String]) {
    let candidates = Self.candidates(line)
    for word in offered { #expect(candidates.contains(word), "\(word) not in \(candidates)") }
  }

  @Test(arguments: [
    ("activities where prio = 1 ", ["where", "asc", "desc"]),
    ("activities where prio = 1 order by prio ", ["where", "order by", "and"]),
    ("activities ", ["and", "or", "asc", ","]),
    ("activities select id ", ["count", "count by", "select", "asc"]),
    ("activities count ", ["select", "group by", "count", "limit", "timeline"]),
    ("activities count by vem ", ["select", "group by", "count", ",", "timeline"]),
    ("activities group by vem ", ["count", "count by", "group by", ","]),
    ("activities timeline ", ["timeline", "count", "count by"]),
    ("aktiviteter där prio = 1 ", ["där", "and"]),
  ])
  func clausesThatDoNotFitAreNot(line: String, left: [String]) {
    let candidates = Self.candidates(line)
    for word in left { #expect(!candidates.contains(word), "\(word) in \(candidates)") }
  }

  @Test(arguments: [
    ("activities where vem = $", ["$person", "$prio"]),
    ("activities where vem = $p", ["$person", "$prio"]),
    ("activities where prio = $pr", ["$prio"]),
    ("activities where prio in (1, $", ["$person", "$prio"]),
    ("activities where prio = $x", []),
  ])
  func parametersAreOfferedByName(line: String, offered: [String]) {
    let completion = Self.completer(parameters: ["prio": "1", "person": "Kansli"]).complete(
      pending: [], line: line)
    #expect(completion.candidates == offered)
    #expect(completion.wordStart == line.count - line.split(separator: " ").last!.count)
  }

  /// Tab on an empty line lists what a line starts with and puts nothing in; after a statement, the
  /// source comes in the language of the one before.
  @Test func anEmptyLineInsertsNothing() {
    let completion = CompleterTests.completer.complete(pending: [], line: "")
    #expect(completion.candidates.contains("activities") && completion.candidates.contains(".help"))
    #expect(CompleterTests.tab("").line == "")
    #expect(CompleterTests.tab("activities count; ").line == "activities count; ")
    #expect(CompleterTests.tab("aktiviteter antal; ").line == "aktiviteter antal; ")
  }

  // MARK: Files

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "sekom-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appending(path: "sub dir"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appending(path: "mappen"), withIntermediateDirectories: true)
    for name in ["min fråga.sq", "mall.csv", "plan.json", "notes.txt", "kansli.sq"] {
      try "activities count\n".write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// `.read` offers scripts and folders, `.plan` plan files and folders, `.output` anything.
  @Test(arguments: [
    ("read", ["kansli.sq", "mappen/", "min fråga.sq", "sub dir/"]),
    ("plan", ["mall.csv", "mappen/", "plan.json", "sub dir/"]),
    ("output", ["kansli.sq", "mall.csv", "mappen/", "min fråga.sq", "notes.txt", "plan.json", "sub dir/"]),
  ])
  func filesFitTheCommand(command: String, offered: [String]) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let completion = CompleterTests.completer.complete(pending: [], line: ".\(command) \(folder.path)/")
    #expect(completion.candidates == offered)
  }

  /// A name with a space goes in quoted: closed after a file, open after a folder so Tab goes on in it.
  @Test func namesWithSpacesAreQuoted() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.path
    #expect(CompleterTests.tab(".read \(path)/mi").line == ".read '\(path)/min fråga.sq' ")
    #expect(CompleterTests.tab(".read \(path)/s").line == ".read '\(path)/sub dir/")
    #expect(CompleterTests.tab(".read \(path)/ma").line == ".read \(path)/mappen/")
    #expect(CompleterTests.tab(".read \(path)/k").line == ".read \(path)/kansli.sq ")
    // Inside a quote the user opened, names go in as they are.
    #expect(CompleterTests.tab(".read '\(path)/mi").line == ".read '\(path)/min fråga.sq ")
  }

  /// `~/` lists the home folder and stays as typed.
  @Test func homeFolderIsCompleted() throws {
    let home = try #require(HomePath.home)
    let completion = CompleterTests.completer.complete(pending: [], line: ".output ~/")
    #expect(completion.candidates == FileAccess.entries(of: home + "/", includeHidden: false))
    #expect(completion.wordStart == ".output ~/".count)
    #expect(CompleterTests.tab(".read ~").line == ".read ~/")
  }

  @Test(arguments: [
    ("~", "/home/k", "/home/k"), ("~/q.sq", "/home/k", "/home/k/q.sq"),
    ("~/q.sq", "/home/k/", "/home/k/q.sq"),
    ("~/q.sq", "/", "/q.sq"), ("~kansli/q.sq", "/home/k", "~kansli/q.sq"),
    ("a/~/q.sq", "/home/k", "a/~/q.sq"),
    ("q.sq", "/home/k", "q.sq"),
  ])
  func tildeIsTheHomeFolder(path: String, home: String, expanded: String) {
    #expect(HomePath.expanding(path, home: home) == expanded)
    #expect(HomePath.expanding(path, home: nil) == path)
  }

  // MARK: Help (16)

  @Test func helpSynopsisNamesTimeline() {
    let help = HelpText.help(commands: CompleterTests.completer.session.commands)
    #expect(help.contains("[timeline]"))
  }
}
