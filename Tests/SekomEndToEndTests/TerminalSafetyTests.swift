import Foundation
import Testing

/// Control characters in plan files (escape sequences that set the window title, write the clipboard or
/// clear the screen, a carriage return that overwrites a line, C1 controls, DEL) never reach a terminal
/// raw: every output of sekom on a terminal shows them by pictures. Machine formats to a pipe keep them.
struct TerminalSafetyTests {
  /// The texts of the plan, each holding control characters.
  static let title = "Titel\u{1b}]0;pwned\u{07} och \u{1b}]52;c;cHduZWQ=\u{07} klipp"
  static let clear = "rensa\u{1b}[2J skärm\tflik"
  static let actor = "Zeta\u{1b}[31m röd"
  static let status = "Pågår\r ÖVERSKRIVEN"
  static let direction = "Förebild\u{9b}2J"
  static let second = "Andra\u{9b}31m\u{7f} slut"
  static let untimed = "Otajmad\u{1b}[H\u{07}"

  /// A JSON plan whose texts hold the control characters; `changed` gives the later version for `diff`.
  static func planJSON(changed: Bool = false) -> String {
    func string(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
          out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
    let activities = [
      """
      {"id": 1, "inriktning": \(string(direction)), "vad": \(string(title)), "hur": \(string(clear)),
       "vem": [\(string(actor)), "Kansli"], "när": "maj 2021", "status": \(string(status)), "prio": 1}
      """,
      """
      {"id": 2, "inriktning": \(string(direction)), "vad": \(string(changed ? second + "\u{07}" : second)),
       "hur": "h", "vem": ["Kansli"], "när": "hösten 2021",
       "status": \(string(changed ? "Planeras\u{1b}[2J" : "Planeras\u{07}")), "prio": 2}
      """,
      """
      {"id": 3, "inriktning": \(string(direction)), "vad": \(string(untimed)), "hur": "h", "vem": ["Kansli"],
       "när": "", "status": "Pågår", "prio": 3}
      """,
    ]
    return "{\"titel\": \(string(title)), \"år\": 2021, \"aktiviteter\": [\n"
      + activities.joined(separator: ",\n") + "\n]}\n"
  }

  static func planFolder() throws -> URL {
    let folder = try SekomProcess.temporaryDirectory()
    try planJSON().write(to: folder.appendingPathComponent("p.json"), atomically: true, encoding: .utf8)
    try planJSON(changed: true).write(
      to: folder.appendingPathComponent("q.json"), atomically: true, encoding: .utf8)
    // A CSV plan refused for a prio that holds an escape: the message quotes it.
    try "id,inriktning,vad,hur,vem,när,status,prio\n1,A,a,h,K,maj,P,h\u{1b}]0;x\u{07}g\n".write(
      to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    // The 2021 document to import, with an escape in a Vem cell: the import's notes quote it.
    let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("PlanModelTests/Resources/verksamhetsplan-2021.txt")
    let text = try String(contentsOf: document, encoding: .utf8)
    try text.replacing("Ordförande Kansli", with: "Ordförande\u{1b}[2J Kansli", maxReplacements: 1).write(
      to: folder.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
    return folder
  }

  struct Run: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    /// Text the output must show: the pictures of the data's control characters.
    var shows: [String]
    /// Whether raw tabs may appear: TSV's separators.
    var tabs = false
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let runs: [Run] = [
    Run(arguments: ["--plan", "p.json", "-c", "activities"], shows: ["Titel␛]0;pwned␇", "␍ ÖVERSKRIVEN"]),
    Run(
      arguments: ["--plan", "p.json", "-c", "activities select id, hur, vem, inriktning"],
      shows: ["rensa␛[2J skärm␉flik", "Zeta␛[31m röd", "Förebild<U+009B>2J"]),
    Run(arguments: ["--plan", "p.json", "-c", "activities group by status"], shows: ["status: Planeras␇"]),
    Run(arguments: ["--plan", "p.json", "-c", "activities count by vad"], shows: ["Andra<U+009B>31m␡ slut"]),
    Run(
      arguments: ["--plan", "p.json", "-c", "activities timeline"], shows: ["Titel␛]0;pwned␇", "Otajmad␛[H␇"]),
    // Markdown writes its own backslash before [ and ].
    Run(
      arguments: ["--plan", "p.json", "--format", "markdown", "-c", "activities"],
      shows: ["Titel␛\\]0;pwned␇", "Pågår<br> ÖVERSKRIVEN", "Förebild<U+009B>2J"]),
    Run(
      arguments: [
        "--plan", "p.json", "--format", "markdown", "--title", "Rapport", "-c", "activities group by vad",
      ],
      shows: ["Plan: Titel␛\\]0;pwned␇", "## Otajmad␛\\[H␇"]),
    Run(arguments: ["--plan", "p.json", "--format", "html", "-c", "activities"], shows: ["Titel␛]0;pwned␇"]),
    Run(arguments: ["--plan", "p.json", "--format", "csv", "-c", "activities"], shows: ["Titel␛]0;pwned␇"]),
    Run(
      arguments: ["--plan", "p.json", "--format", "tsv", "-c", "activities"], shows: ["Titel␛]0;pwned␇"],
      tabs: true),
    Run(
      arguments: ["--plan", "p.json", "--format", "json", "-c", "activities"],
      shows: ["Titel\\u001b]0;pwned\\u0007", "Andra\\u009b31m\\u007f slut"]),
    Run(arguments: ["--plan", "p.json", "-c", ".fields"], shows: ["Titel␛]0;pwned␇"]),
    Run(
      arguments: ["--plan", "p.json", "-c", "activities where vem = Zet"],
      shows: ["did you mean 'Zeta␛[31m röd'?"]),
    Run(
      arguments: ["--plan", "p.json", "-c", "activities where inriktning = Förebil"],
      shows: ["did you mean 'Förebild<U+009B>2J'?"]),
    Run(
      arguments: ["--plan", "p.json", "-c", "activities where inriktning < Förebil"],
      shows: ["did you mean 'Förebild<U+009B>2J'?"]),
    Run(arguments: ["--plan", "bad.csv", "-c", "activities"], shows: ["'h␛]0;x␇g'"]),
    Run(arguments: ["check", "--plan", "p.json"], shows: ["'Zeta␛[31m röd' is not a known actor"]),
    Run(arguments: ["check", "--plan", "p.json", "--format", "markdown"], shows: ["Zeta␛\\[31m röd"]),
    Run(arguments: ["diff", "p.json", "q.json"], shows: ["Planeras␛[2J", "Andra<U+009B>31m␡ slut␇"]),
    Run(arguments: ["diff", "p.json", "q.json", "--format", "markdown"], shows: ["Planeras␛\\[2J"]),
    Run(arguments: ["diff", "p.json", "q.json", "--format", "json"], shows: ["Planeras\\u001b[2J"]),
    Run(arguments: ["export", "--plan", "p.json", "--format", "csv"], shows: ["Titel␛]0;pwned␇"]),
    Run(arguments: ["export", "--plan", "p.json"], shows: ["Andra\\u009b31m\\u007f slut"]),
    Run(
      arguments: ["import", "t.txt", "--output", "o.json"],
      shows: ["Vem \"Ordförande␛[2J Kansli\" read as Ordförande␛[2J, Kansli"]),
    Run(arguments: ["import", "t.txt"], shows: ["Ordförande␛[2J"]),
  ]

  /// Each run on a terminal (standard output and error both): no control byte of the data arrives, and
  /// the data is shown by its pictures. The terminal itself writes CR before each LF.
  @Test(arguments: runs)
  func nothingRawReachesTheTerminal(_ run: Run) throws {
    let folder = try Self.planFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The plan files by their full names: the terminal's child starts where the tests run.
    let arguments = run.arguments.map {
      ["p.json", "q.json", "bad.csv", "t.txt", "o.json"].contains($0)
        ? folder.appendingPathComponent($0).path : $0
    }
    let terminal = try PseudoTerminal(
      arguments: arguments, environment: ["NO_COLOR": "1", "HOME": folder.path, "TERM": "xterm"])
    _ = try terminal.exitStatus()
    let bytes = terminal.rawOutput
    for (index, byte) in bytes.enumerated() {
      let allowed =
        byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        || (byte == 0x09 && run.tabs)
      let control =
        byte < 0x20 || byte == 0x7F || (byte >= 0x80 && byte <= 0x9F && index > 0 && bytes[index - 1] == 0xC2)
      if control && !allowed {
        Issue.record("raw control byte \(byte) at \(index) in: \(String(decoding: bytes, as: UTF8.self))")
        break
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for shown in run.shows {
      #expect(text.contains(shown), "\(shown) not in: \(text)")
    }
  }

  /// CSV and TSV to a pipe hold the data's bytes as the plan has them.
  @Test(arguments: ["csv", "tsv"])
  func delimitedFormatsToAPipeKeepTheBytes(_ format: String) throws {
    let folder = try Self.planFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try SekomProcess.run(
      ["--plan", "p.json", "--format", format, "-c", "activities select id, vad, vem, status, inriktning"],
      directory: folder)
    #expect(outcome.status == 0)
    for text in [Self.title, Self.actor, Self.direction, Self.second, Self.untimed] {
      #expect(
        outcome.output.contains(text), "\(text.debugDescription) not in \(outcome.output.debugDescription)")
    }
    // CSV quotes the status with its CR; TSV writes the CR as \r.
    #expect(outcome.output.contains(format == "csv" ? "\"\(Self.status)\"" : "Pågår\\r ÖVERSKRIVEN"))
  }

  /// JSON to a pipe reads back as exactly the plan's texts, and C1 and DEL stay raw as JSON allows.
  @Test func jsonToAPipeKeepsTheTexts() throws {
    let folder = try Self.planFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try SekomProcess.run(
      ["--plan", "p.json", "--format", "json", "-c", "activities select id, vad, hur, status"],
      directory: folder)
    #expect(outcome.status == 0)
    #expect(outcome.output.contains(Self.second))
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [[String: Any]])
    #expect(rows.map { $0["vad"] as? String } == [Self.title, Self.second, Self.untimed])
    #expect(rows[0]["hur"] as? String == Self.clear)
    #expect(rows[0]["status"] as? String == Self.status)
  }

  /// `export` to a pipe writes the plan file exact, as to a file.
  @Test func exportToAPipeKeepsTheTexts() throws {
    let folder = try Self.planFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = try SekomProcess.run(["export", "--plan", "p.json", "--format", "csv"], directory: folder)
    #expect(csv.status == 0)
    for text in [Self.title, Self.clear, Self.second, Self.untimed] {
      #expect(csv.output.contains(text), "\(text.debugDescription) not in \(csv.output.debugDescription)")
    }
    let json = try SekomProcess.run(["export", "--plan", "p.json"], directory: folder)
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(plan["titel"] as? String == Self.title)
    let activities = try #require(plan["aktiviteter"] as? [[String: Any]])
    #expect(activities.map { $0["vad"] as? String } == [Self.title, Self.second, Self.untimed])
    #expect(activities.first?["status"] as? String == Self.status)
  }

  /// A table is for reading wherever it goes: to a pipe too it shows pictures, and a tab, CR or line feed
  /// in a cell keeps the columns.
  @Test func tableToAPipeShowsPictures() throws {
    let folder = try Self.planFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try SekomProcess.run(
      ["--plan", "p.json", "-c", "activities where id = 1 select id, hur, status"], directory: folder)
    #expect(outcome.status == 0)
    #expect(
      outcome.output == """
         id │ hur                  │ status
        ────┼──────────────────────┼───────────────────
          1 │ rensa␛[2J skärm␉flik │ Pågår␍ ÖVERSKRIVEN
        (1 activity)

        """)
  }

  /// The REPL: its greeting names the plan's title, a warning suggests an actor, `.fields` lists values.
  /// libedit writes escapes of its own, so what is checked is that none of the data's sequences arrives.
  @Test func theReplShowsPictures() throws {
    let home = try ReplHome()
    let plan = home.folder.appendingPathComponent("p.json")
    try Self.planJSON().write(to: plan, atomically: true, encoding: .utf8)
    let terminal = try home.startAtPrompt(["--plan", plan.path])
    for line in ["activities where vem = Zet", ".fields", "activities where id = 1 select vad, status"] {
      terminal.enter(line)
      try terminal.waitForPrompt()
    }
    try terminal.quitWithDotQuit()
    let raw = terminal.rawOutput
    for sequence in [
      "\u{1b}]0;pwned", "\u{1b}]52;", "\u{1b}[31m", "\u{9b}", "\r ÖVERSKRIVEN", "\u{7f}", "\u{07}",
    ] {
      let bytes = Array(sequence.utf8)
      let found = raw.indices.contains { raw[$0...].starts(with: bytes) }
      #expect(!found, "\(sequence.debugDescription) reached the terminal")
    }
    let text = String(decoding: raw, as: UTF8.self)
    for shown in ["Titel␛]0;pwned␇ och", "did you mean 'Zeta␛[31m röd'?", "Pågår␍ ÖVERSKRIVEN"] {
      #expect(text.contains(shown), "\(shown) not in: \(text)")
    }
  }
}
