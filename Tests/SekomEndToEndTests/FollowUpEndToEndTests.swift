import Foundation
import Testing

/// Issue 10 end to end: the issue's own statements run by the binary on a JSON plan file, the change
/// tables and summaries it prints, `.undo`, `as of`, `changes` in every format, and the refusals.
@Suite struct FollowUpEndToEndTests {
  /// A fresh folder holding `plan.json`, the 2021 plan exported.
  static func exportedPlan() throws -> URL {
    let folder = try SekomProcess.temporaryDirectory()
    let export = try SekomProcess.run(["export", "--output", "plan.json"], directory: folder)
    #expect(export.status == 0, "\(export.error)")
    return folder
  }

  static func sekom(_ folder: URL, _ arguments: [String], environment: [String: String] = [:]) throws
    -> SekomProcess.Outcome
  {
    try SekomProcess.run(["--plan", "plan.json"] + arguments, directory: folder, environment: environment)
  }

  static func planJSON(_ folder: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: folder.appendingPathComponent("plan.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func log(_ folder: URL) throws -> [[String: Any]] {
    try planJSON(folder)["logg"] as? [[String: Any]] ?? []
  }

  static func activity(_ id: Int, in folder: URL) throws -> [String: Any]? {
    let activities = try #require(try planJSON(folder)["aktiviteter"] as? [[String: Any]])
    return activities.first { $0["id"] as? Int == id }
  }

  /// The issue's statements, exactly as it writes them, one after another on one plan file: what each
  /// prints, what it says on standard error, and what the file holds afterwards.
  @Test func theIssuesStatementsAsWritten() throws {
    let folder = try Self.exportedPlan()
    let set = try Self.sekom(
      folder, ["--by", "Anna", "-c", "activities where id = 19 set status = 'Genomfört 11 maj'"])
    #expect(set.status == 0, "\(set.error)")
    #expect(
      set.output == """
         id │ vad            │ fält   │ från     │ till
        ────┼────────────────┼────────┼──────────┼─────────────────
         19 │ Hållbar kommun │ status │ Planeras │ Genomfört 11 maj
        (1 change)

        """)
    #expect(set.error == "sekom: 1 activity changed in 'plan.json' (group 1)\n")
    #expect(try Self.activity(19, in: folder)?["status"] as? String == "Genomfört 11 maj")

    // The 2021 plan has no planned Kansli activity in the spring: the statement runs and changes nothing.
    let several = try Self.sekom(
      folder,
      [
        "-c",
        "activities where vem = Kansli and när overlaps 'våren 2021' and kategori = planned set status = 'Pågår', när = 'hösten 2021'",
      ])
    #expect(several.status == 0, "\(several.error)")
    #expect(several.output.hasSuffix("(0 changes)\n"))
    #expect(several.error == "sekom: nothing changed: no activity had another value\n")
    // Without the category every spring Kansli activity that is not yet 'Pågår' gets both values.
    let spring = try Self.sekom(
      folder,
      [
        "-c",
        "activities where vem = Kansli and när overlaps 'våren 2021' and status != 'Pågår' set status = 'Pågår', när = 'hösten 2021'",
      ])
    #expect(spring.status == 0, "\(spring.error)")
    let rows = Self.squeezed(spring.output)
    #expect(rows.contains(" 19 │ Hållbar kommun │ status │ Genomfört 11 maj │ Pågår\n"), "\(rows)")
    #expect(rows.contains(" 19 │ Hållbar kommun │ när │ 11 maj 2021 │ hösten 2021\n"), "\(rows)")
    #expect(
      rows.contains("  3 │ Det internationella miljökommunnätverket ICLEI │ status │ Bevakar │ Pågår\n"))
    #expect(
      spring.error.hasPrefix("sekom: 11 activities changed in 'plan.json' (group 2)"), "\(spring.error)")
    let undoSpring = try Self.sekom(folder, ["-c", ".undo"])
    #expect(undoSpring.status == 0, "\(undoSpring.error)")
    #expect(try Self.activity(19, in: folder)?["status"] as? String == "Genomfört 11 maj")

    let comment = try Self.sekom(
      folder, ["--by", "Bo", "-c", "activities where id = 19 comment 'Webbinariet hölls med 120 deltagare'"])
    #expect(comment.status == 0, "\(comment.error)")
    #expect(
      comment.output.contains(" 19 │ Hållbar kommun │ kommentar │      │ Webbinariet hölls med 120 deltagare")
    )
    #expect(
      try Self.activity(19, in: folder)?["kommentar"] as? String == "Webbinariet hölls med 120 deltagare")
    let kommentar = try Self.sekom(
      folder, ["--format", "csv", "-c", "activities where id = 19 select id, kommentar"])
    #expect(kommentar.output == "id,kommentar\n19,Webbinariet hölls med 120 deltagare\n")

    let add = try Self.sekom(
      folder,
      [
        "-c",
        "add activity inriktning = 'Pådrivare och opinionsbildare', vad = 'Remissvar klimatlagen', hur = 'Expertgruppen skriver', vem = 'Expertgrupp; Kansli', när = 'hösten 2021', status = 'Planeras', prio = 1",
      ])
    #expect(add.status == 0, "\(add.error)")
    #expect(add.output.contains(" 45 │ Remissvar klimatlagen │ aktivitet │      │ Remissvar klimatlagen"))
    #expect(add.error.contains("added activity 45 to 'plan.json'"), "\(add.error)")
    let added = try #require(try Self.activity(45, in: folder))
    #expect(added["vem"] as? [String] == ["Expertgrupp", "Kansli"])
    #expect(added["prio"] as? Int == 1)

    let remove = try Self.sekom(folder, ["-c", "activities where id = 7 remove"])
    #expect(remove.status == 0, "\(remove.error)")
    #expect(remove.output.contains("  7 │ Planerat projekt med städer i Sydamerika. │ aktivitet │"))
    #expect(try Self.activity(7, in: folder) == nil)

    // `.undo`, then `.undo` again: the removal, then the addition, each taken back and itself logged.
    let undo = try Self.sekom(folder, ["-c", ".undo"])
    #expect(undo.status == 0, "\(undo.error)")
    #expect(try Self.activity(7, in: folder) != nil)
    let again = try Self.sekom(folder, ["-c", ".undo"])
    #expect(again.status == 0, "\(again.error)")
    #expect(try Self.activity(45, in: folder) == nil)
    let log = try Self.log(folder)
    let entries = log.count
    #expect(entries == 50, "\(entries)")
    #expect(log.compactMap { $0["grupp"] as? Int }.max() == 8)
    #expect(log.first?["av"] as? String == "Anna")

    // The log replays to the plan: a query on every activity as of today sees the plan as it is.
    let now = try Self.sekom(folder, ["--format", "json", "-c", "activities"])
    let today = try #require(log.last?["tid"] as? String).prefix(10)
    let asOfToday = try Self.sekom(folder, ["--format", "json", "-c", "activities as of \(today)"])
    #expect(asOfToday.status == 0, "\(asOfToday.error)")
    #expect(asOfToday.output == now.output)
  }

  /// A table with each run of spaces made one, so that a column's width does not matter.
  static func squeezed(_ text: String) -> String {
    text.replacingOccurrences(of: "(?<=\\S) {2,}", with: " ", options: .regularExpression)
  }

  /// The Swedish forms do what the English ones do.
  @Test func swedishForms() throws {
    let folder = try Self.exportedPlan()
    let statements = [
      "aktiviteter där id = 19 sätt status = 'Genomfört 11 maj'",
      "aktiviteter där id = 19 kommentera 'Klart'",
      "lägg till aktivitet inriktning = 'Förebild och föregångare', vad = 'Ny aktivitet'",
      "aktiviteter där id = 7 ta bort",
    ]
    for statement in statements {
      let outcome = try Self.sekom(folder, ["-c", statement])
      #expect(outcome.status == 0, "\(statement): \(outcome.error)")
    }
    let changes = try Self.sekom(folder, ["--format", "csv", "-c", "ändringar visa grupp, id, fält"])
    #expect(changes.output == "grupp,id,fält\n1,19,status\n2,19,kommentar\n3,45,aktivitet\n4,7,aktivitet\n")
  }

  /// A plan file with a log made on known days, by editing the log's times, as a board's year would
  /// leave it: a status set on 2021-06-14, a note on 2021-09-01, a removal on 2021-10-05.
  static func followedUpPlan() throws -> URL {
    let folder = try exportedPlan()
    for statement in [
      "activities where id = 19 set status = 'Genomfört 11 maj'",
      "activities where id in (19, 20) comment 'Uppföljt'",
      "activities where id = 7 remove",
    ] {
      let outcome = try sekom(folder, ["--by", "Anna", "-c", statement])
      #expect(outcome.status == 0, "\(outcome.error)")
    }
    let url = folder.appendingPathComponent("plan.json")
    var text = try String(contentsOf: url, encoding: .utf8)
    let times = ["2021-06-14T10:00:00+02:00", "2021-09-01T10:00:00+02:00", "2021-10-05T10:00:00+02:00"]
    var lines = text.components(separatedBy: "\n")
    for index in lines.indices where lines[index].contains("\"tid\": ") {
      guard let group = lines[index].range(of: "\"grupp\": ") else { continue }
      let number = Int(lines[index][group.upperBound...].prefix { $0.isNumber })!
      lines[index] = lines[index].replacingOccurrences(
        of: #""tid": "[^"]*""#, with: "\"tid\": \"\(times[number - 1])\"", options: .regularExpression)
    }
    text = lines.joined(separator: "\n")
    text = text.replacingOccurrences(
      of: "\"aktiviteter\":", with: "\"styrelsemöten\": [\"2021-06-14\", \"2021-10-04\"],\n  \"aktiviteter\":"
    )
    try text.write(to: url, atomically: true, encoding: .utf8)
    let loads = try sekom(folder, ["-c", "changes count"])
    #expect(loads.output == "4\n", "\(loads.error)")
    return folder
  }

  /// `as of` in every output format: on 2021-06-13 the plan is the original, on 2021-09-01 activity 19 is
  /// done and noted, and activity 7 is there until 2021-10-05.
  @Test(arguments: ["table", "csv", "tsv", "json", "markdown", "html", "timeline"])
  func asOfInEveryFormat(format: String) throws {
    let folder = try Self.followedUpPlan()
    let statement = "activities as of 2021-09-01 where id in (7, 19) select id, vad, status, kommentar"
    let outcome = try Self.sekom(folder, ["--format", format, "-c", statement])
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.contains("Genomfört 11 maj") || format == "timeline", "\(outcome.output)")
    #expect(outcome.output.contains("Planerat projekt med städer i Sydamerika"), "\(outcome.output)")
    let original = try Self.sekom(
      folder, ["--format", format, "-c", "activities as of 2021-06-13 where id in (7, 19)"])
    #expect(original.status == 0, "\(original.error)")
    let embedded = try SekomProcess.run(["--format", format, "-c", "activities where id in (7, 19)"])
    if format == "html" {
      // The page's title and byline name the statement and the plan file; the table is the same.
      #expect(original.output.contains("<td>Planeras</td>"), "\(original.output)")
    } else {
      #expect(original.output == embedded.output)
    }
    if format == "json" {
      let rows = try #require(
        try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [[String: Any]])
      #expect(rows.map { $0["id"] as? Int } == [7, 19])
      #expect(rows[1]["kommentar"] as? String == "Uppföljt")
    }
  }

  @Test func asOfWithEveryClause() throws {
    let folder = try Self.followedUpPlan()
    let cases: [(String, String)] = [
      ("activities as of 2021-06-14 where kategori = done count", "1\n"),
      ("activities as of 2021-06-13 where kategori = done count", "0\n"),
      ("activities as of 2021-10-05 count", "43\n"),
      ("activities as of 2021-10-04 count", "44\n"),
      ("activities as of 2021-09-01 where kommentar = Uppföljt order by id desc select id", "id\n20\n19\n"),
      ("activities as of 2021-06-14 where id = 19 count by kategori limit 1", "kategori,antal\ndone,1\n"),
      ("aktiviteter per 2021-06-14 där id = 19 visa status", "status\nGenomfört 11 maj\n"),
    ]
    for (statement, expected) in cases {
      let outcome = try Self.sekom(folder, ["--format", "csv", "-c", statement])
      #expect(outcome.output == expected, "\(statement): \(outcome.error)")
    }
  }

  /// `changes` with the whole language, in every format.
  @Test(arguments: ["table", "csv", "tsv", "json", "markdown", "html"])
  func changesInEveryFormat(format: String) throws {
    let folder = try Self.followedUpPlan()
    let list = try Self.sekom(
      folder, ["--format", format, "-c", "changes where tid after 2021-06-14 order by id desc"])
    #expect(list.status == 0, "\(list.error)")
    #expect(list.output.contains("Uppföljt"))
    #expect(list.output.contains("2021-10-05T10:00:00+02:00"))
    #expect(!list.output.contains("2021-06-14T10:00:00+02:00"))
    let counted = try Self.sekom(
      folder, ["--format", format, "-c", "changes where av = 'Anna' count by fält"])
    #expect(counted.status == 0, "\(counted.error)")
    if format == "json" {
      let rows = try #require(
        try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
      #expect(rows.map { $0["id"] as? Int } == [20, 19, 7])
      let keys: Set<String> = Set(rows.first?.keys.map { $0 } ?? [])
      #expect(keys == ["tid", "av", "grupp", "id", "vad", "fält", "från", "till"])
      let counts = try #require(
        try JSONSerialization.jsonObject(with: Data(counted.output.utf8)) as? [[String: Any]])
      let byField = Dictionary(
        uniqueKeysWithValues: counts.map { ($0["fält"] as! String, $0["antal"] as! Int) })
      #expect(byField == ["status": 1, "kommentar": 2, "aktivitet": 1])
    }
  }

  /// `changed` conditions and the board's meetings, with `--today` standing for the day of asking.
  @Test func changedSinceTheLastMeeting() throws {
    let folder = try Self.followedUpPlan()
    let cases: [(String, String, String)] = [
      ("2021-10-06", "activities where status changed after 'last meeting' select id", "id\n"),
      // Activity 7 was removed after the meeting of 2021-10-04: gone from activities, seen in changes.
      ("2021-10-06", "activities where changed after 'last meeting' select id", "id\n"),
      ("2021-10-06", "changes where tid after 'last meeting' select id, fält", "id,fält\n7,aktivitet\n"),
      ("2021-09-15", "activities where changed after 'senaste mötet' select id", "id\n19\n20\n"),
      ("2021-10-06", "activities where kommentar changed select id", "id\n19\n20\n"),
      ("2021-10-06", "activities where changed overlaps 2021-06 select id", "id\n19\n"),
      // 19 activities have prio 1; 19 was noted on 2021-09-01.
      ("2021-10-06", "activities where prio = 1 and not changed after 2021-06-14 count", "18\n"),
      ("2021-09-15", "aktiviteter där ändrad före 'nästa möte' visa id", "id\n19\n20\n"),
      ("2021-06-20", "activities where status changed before 'next meeting' select id", "id\n19\n"),
    ]
    for (today, statement, expected) in cases {
      let outcome = try Self.sekom(folder, ["--today", today, "--format", "csv", "-c", statement])
      #expect(outcome.output == expected, "\(statement): \(outcome.output) \(outcome.error)")
    }
  }

  /// A change refused on the embedded plan and on a CSV plan: exit status 3, with the way out.
  @Test func refusedWhereThereIsNoPlaceForTheLog() throws {
    let embedded = try SekomProcess.run(["-c", "activities where id = 19 set status = 'Pågår'"])
    #expect(embedded.status == 3)
    #expect(embedded.error.contains("the embedded 2021 plan cannot be changed"))
    #expect(embedded.error.contains("note: make one with: sekom export --output plan.json"))
    let folder = try SekomProcess.temporaryDirectory()
    #expect(try SekomProcess.run(["export", "--output", "plan.csv"], directory: folder).status == 0)
    let before = try Data(contentsOf: folder.appendingPathComponent("plan.csv"))
    for statement in [
      "activities where id = 19 comment 'x'", "activities where id = 7 remove",
      "add activity inriktning = 'Förebild och föregångare', vad = 'Ny'",
    ] {
      let csv = try SekomProcess.run(["--plan", "plan.csv", "-c", statement], directory: folder)
      #expect(csv.status == 3, "\(statement)")
      #expect(csv.error.contains("'plan.csv' is a CSV plan file, which has no place for the log of changes"))
    }
    #expect(try Data(contentsOf: folder.appendingPathComponent("plan.csv")) == before)
    let undo = try SekomProcess.run(["-c", ".undo"])
    #expect(undo.status != 0)
  }

  /// A refused statement (exit status 1) writes nothing, and a script stops at its first error with the
  /// statements before it written.
  @Test func aRefusalWritesNothingAndAScriptStops() throws {
    let folder = try Self.exportedPlan()
    let url = folder.appendingPathComponent("plan.json")
    let before = try Data(contentsOf: url)
    for statement in [
      "activities set prio = 1", "activities where id = 1 set id = 2", "activities where id = 1 set prio = 4",
      "activities where id = 1 set inriktning = 'Pådrivare'", "changes where id = 1 remove",
    ] {
      let outcome = try Self.sekom(folder, ["-c", statement])
      #expect(outcome.status == 1, "\(statement)")
      #expect(outcome.error.contains("error:"))
    }
    #expect(try Data(contentsOf: url) == before)
    let script = """
      activities where id = 1 set prio = 2
      activities where id = 2 set prio = 9
      activities where id = 3 set prio = 3

      """
    try script.write(to: folder.appendingPathComponent("follow-up.sq"), atomically: true, encoding: .utf8)
    let run = try Self.sekom(folder, ["follow-up.sq"])
    #expect(run.status == 1)
    #expect(run.error.contains("follow-up.sq:2:"), "\(run.error)")
    #expect(try Self.activity(1, in: folder)?["prio"] as? Int == 2)
    #expect(try Self.activity(3, in: folder)?["prio"] as? Int != 3)
    #expect(try Self.log(folder).count == 1)
  }

  /// `--dry-run` and `.dryrun on` show the change table and write nothing.
  @Test(arguments: [["--dry-run", "-c"], ["-c", ".dryrun on", "-c"]])
  func aDryRunWritesNothing(options: [String]) throws {
    let folder = try Self.exportedPlan()
    let url = folder.appendingPathComponent("plan.json")
    let before = try Data(contentsOf: url)
    let outcome = try Self.sekom(folder, options + ["activities where id = 19 set status = 'Pågår'"])
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.contains(" 19 │ Hållbar kommun │ status │ Planeras │ Pågår"))
    #expect(try Data(contentsOf: url) == before)
  }

  /// Who made a change: `--by`, else $SEKOM_USER.
  @Test func whoMadeAChange() throws {
    let folder = try Self.exportedPlan()
    _ = try Self.sekom(
      folder, ["-c", "activities where id = 1 comment 'a'"], environment: ["SEKOM_USER": "Bo"])
    _ = try Self.sekom(
      folder, ["--by", "Anna", "-c", "activities where id = 1 comment 'b'"], environment: ["SEKOM_USER": "Bo"]
    )
    let who = try Self.sekom(folder, ["--format", "csv", "-c", "changes select av"])
    #expect(who.output == "av\nBo\nAnna\n")
  }

  /// `diff` compares two plan files and does not mind their logs; it has no way to compare two days of
  /// one plan file (reported, not built here), but a plan exported as of nothing else diffs as files do.
  @Test func diffOfAFollowedUpPlanAgainstTheEmbedded() throws {
    let folder = try Self.followedUpPlan()
    let outcome = try SekomProcess.run(
      ["diff", "embedded", "plan.json", "--format", "csv"], directory: folder)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.contains("Genomfört 11 maj"))
    #expect(outcome.output.contains("Planerat projekt med städer i Sydamerika"))
  }
}

/// `export` keeps the log in JSON, and says that CSV does not keep it.
@Suite struct FollowUpExportTests {
  @Test func exportKeepsTheLogOrSaysItIsLeftOut() throws {
    let folder = try FollowUpEndToEndTests.followedUpPlan()
    let json = try SekomProcess.run(
      ["export", "--plan", "plan.json", "--output", "copy.json"], directory: folder)
    #expect(json.status == 0, "\(json.error)")
    let count = try SekomProcess.run(["--plan", "copy.json", "-c", "changes count"], directory: folder)
    #expect(count.output == "4\n")
    let csv = try SekomProcess.run(
      ["export", "--plan", "plan.json", "--output", "copy.csv"], directory: folder)
    #expect(csv.status == 0, "\(csv.error)")
    #expect(
      csv.error.contains("the 2 board meetings or the log's 4 changes; --output copy.json keeps them"),
      "\(csv.error)")
  }
}

/// `check` reports a plan that its log does not replay to (a hand edit outside sekom) as a note.
@Suite struct FollowUpCheckTests {
  static func handEdited() throws -> URL {
    let folder = try FollowUpEndToEndTests.followedUpPlan()
    let url = folder.appendingPathComponent("plan.json")
    // Edited as text, as in an editor: the log's entries say "till", the activity "status".
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.components(separatedBy: "\"status\": \"Genomfört 11 maj\"").count == 2)
    try text.replacingOccurrences(of: "\"status\": \"Genomfört 11 maj\"", with: "\"status\": \"Klart\"")
      .write(to: url, atomically: true, encoding: .utf8)
    return folder
  }

  @Test func aHandEditIsANote() throws {
    let folder = try Self.handEdited()
    let check = try SekomProcess.run(["check", "--plan", "plan.json", "--format", "csv"], directory: folder)
    #expect(check.status == 0, "\(check.error)")
    let lines = check.output.split(separator: "\n").filter { $0.contains("not in the log") }
    #expect(
      lines == [
        "19,note,not in the log,status is 'Klart' where the log's last change (2021-06-14T10:00:00+02:00) made it 'Genomfört 11 maj': changed outside sekom"
      ])
    let swedish = try SekomProcess.run(
      ["check", "--plan", "plan.json", "--format", "csv", "--lang", "sv"], directory: folder)
    #expect(
      swedish.output.contains(
        "19,notering,utanför loggen,status är 'Klart' där loggens senaste ändring (2021-06-14T10:00:00+02:00) gav 'Genomfört 11 maj': ändrad utanför sekom"
      ), "\(swedish.output)")
  }

  @Test func aPlanItsLogReplaysToHasNoSuchNote() throws {
    let folder = try FollowUpEndToEndTests.followedUpPlan()
    let check = try SekomProcess.run(["check", "--plan", "plan.json", "--format", "csv"], directory: folder)
    #expect(check.status == 0, "\(check.error)")
    #expect(!check.output.contains("not in the log"))
  }
}
