import Foundation
import Testing

/// Reports in Swedish: `--lang sv`, or a Swedish locale, makes every word sekom writes around the data
/// Swedish; `--lang en` or another locale keeps them English. On the embedded 2021 plan, on a fixed day.
struct SwedishReportTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var environment: [String: String] = [:]
    var expected: [String]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "--lang sv footer", arguments: ["--lang", "sv", "-c", "activities where prio = 1"],
      expected: ["(19 aktiviteter)\n"]),
    Case(
      name: "one activity", arguments: ["--lang", "sv", "-c", "activities where id = 19"],
      expected: ["(1 aktivitet)\n"]),
    Case(
      name: "LANG=sv_SE.UTF-8", arguments: ["-c", "activities where prio = 1"],
      environment: ["LANG": "sv_SE.UTF-8"], expected: ["(19 aktiviteter)\n"]),
    Case(
      name: "LANG=sv", arguments: ["-c", "activities where prio = 1"],
      environment: ["LANG": "sv"], expected: ["(19 aktiviteter)\n"]),
    Case(
      name: "LC_MESSAGES=sv_FI over LANG=en_US", arguments: ["-c", "activities where prio = 1"],
      environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "sv_FI"], expected: ["(19 aktiviteter)\n"]),
    Case(
      name: "LC_ALL=en_US over LANG=sv_SE", arguments: ["-c", "activities where prio = 1"],
      environment: ["LANG": "sv_SE.UTF-8", "LC_ALL": "en_US.UTF-8"], expected: ["(19 activities)\n"]),
    Case(
      name: "an empty LC_ALL leaves it to LC_MESSAGES", arguments: ["-c", "activities where prio = 1"],
      environment: ["LC_ALL": "", "LC_MESSAGES": "sv_SE.UTF-8"], expected: ["(19 aktiviteter)\n"]),
    Case(
      name: "--lang en over the locale", arguments: ["--lang", "en", "-c", "activities where prio = 1"],
      environment: ["LC_ALL": "sv_SE.UTF-8"], expected: ["(19 activities)\n"]),
    Case(
      name: "a Swedish script is no language choice", arguments: ["-c", "aktiviteter där prio = 1"],
      expected: ["(19 activities)\n"]),
    Case(
      name: "count by kategori", arguments: ["--lang", "sv", "-c", "activities count by kategori"],
      expected: [" pågår       │    24\n", " ej påbörjad │     1\n", " ingen       │     3\n"]),
    Case(
      name: "the kategori column",
      arguments: ["--lang", "sv", "-c", "activities where id = 3 select id, kategori"],
      expected: ["  3 │ bevakar\n"]),
    Case(
      name: "kategori in JSON",
      arguments: ["--lang", "sv", "--format", "json", "-c", "activities where id = 3 select kategori"],
      expected: ["\"kategori\": \"bevakar\""]),
    Case(
      name: "an empty group value",
      arguments: ["--lang", "sv", "-c", "activities count by status"],
      expected: [" (tomt) "]),
    Case(
      name: "timeline", arguments: ["--lang", "sv", "-c", "activities where id in (19, 6) timeline"],
      expected: ["Utan angiven tid:\n", " 6  "]),
    Case(
      name: "markdown byline",
      arguments: [
        "--lang", "sv", "--today", "2021-09-15", "--title", "Rapport", "--format", "markdown", "-c",
        "activities where id = 19",
      ],
      expected: [
        "# Rapport\n\nPlan: Sveriges Ekokommuner – Verksamhetsplan 2021 (den inbyggda planen för 2021). Skapad 2021-09-15.\n"
      ]),
    Case(
      name: "HTML count", arguments: ["--lang", "sv", "--format", "html", "-c", "activities where prio = 1"],
      expected: ["<p class=\"count\">19 aktiviteter</p>", "Skapad "]),
    Case(
      name: "check", arguments: ["check", "--lang", "sv"],
      expected: [
        " id │ allvar ", "(5 problem och 12 noteringar i den inbyggda planen för 2021)\n",
        "'Vid behov' anger ingen tid",
      ]),
    Case(
      name: "check from the locale", arguments: ["check", "--format", "json"],
      environment: ["LANG": "sv_SE.UTF-8"],
      expected: ["\"allvar\": \"notering\"", "\"fynd\": \"rättat\""]),
    Case(
      name: "diff", arguments: ["diff", "--lang", "sv", "embedded", "embedded"],
      expected: [" id │ vad │ ändring │ före │ efter\n", "(0 ändringar)\n"]),
  ]

  @Test(arguments: cases) func swedishWords(_ test: Case) throws {
    let run = try SekomProcess.run(test.arguments, environment: test.environment)
    #expect(run.status == 0, "\(run.error)")
    for expected in test.expected {
      #expect(run.output.contains(expected), "\(expected) not in:\n\(run.output)")
    }
  }

  /// `.lang` switches the language for the statements that follow.
  @Test func dotLang() throws {
    let run = try SekomProcess.run([
      "-c", ".lang sv", "-c", "activities where id = 19 select id", "-c", ".lang en", "-c",
      "activities where id = 19 select id",
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == " id\n───\n 19\n(1 aktivitet)\n\n id\n───\n 19\n(1 activity)\n")
    let wrong = try SekomProcess.run(["-c", ".lang de"])
    #expect(wrong.status == 1)
    #expect(wrong.error.contains("expected sv or en"))
  }

  /// `diff` in Swedish names what was added and removed.
  @Test func diffAddedAndRemoved() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = folder.appendingPathComponent("plan.csv")
    let export = try SekomProcess.run(["export", "--quiet", "-o", plan.path])
    #expect(export.status == 0, "\(export.error)")
    var lines = try String(contentsOf: plan, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let row19 = try #require(lines.firstIndex { $0.hasPrefix("19,") })
    lines.remove(at: row19)
    try lines.joined(separator: "\n").write(to: plan, atomically: true, encoding: .utf8)
    let removed = try SekomProcess.run(["diff", "--lang", "sv", "embedded", plan.path])
    #expect(removed.status == 0, "\(removed.error)")
    #expect(removed.output.contains(" 19 │ Hållbar kommun │ borttagen "), "\(removed.output)")
    #expect(removed.output.hasSuffix("(1 ändring)\n"))
    let added = try SekomProcess.run(["diff", "--lang", "sv", plan.path, "embedded"])
    #expect(added.output.contains(" 19 │ Hållbar kommun │ tillagd "), "\(added.output)")
  }

  /// The reasons of the corrections the importer made are Swedish too; the English ones are gone.
  @Test func checkCorrectionsInSwedish() throws {
    let run = try SekomProcess.run(["check", "--lang", "sv"])
    #expect(run.status == 0)
    for expected in [
      "(sista bokstaven saknades i dokumentet)", "(felstavning: årsmötets värdkommun)",
      "(förvanskat datum: årsmötet hålls 28 maj 2021)", "(raden delad av en sidbrytning, sammanfogad)",
    ] {
      #expect(run.output.contains(expected), "\(expected) not in:\n\(run.output)")
    }
    for english in ["lost", "misspelling", "page break", "garbled", " is ", " the "] {
      #expect(!run.output.contains(english), "\(english) in:\n\(run.output)")
    }
  }

  @Test func unknownLanguageIsAUsageError() throws {
    let run = try SekomProcess.run(["--lang", "de", "-c", "activities count"])
    #expect(run.status == 2)
    #expect(run.error.hasPrefix("sekom: error: --lang takes sv or en; got 'de'\n"))
  }
}
