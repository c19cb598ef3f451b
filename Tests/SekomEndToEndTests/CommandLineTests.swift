import Foundation
import Testing

/// The built binary, as scripts and users run it: output, messages and exit statuses.
struct CommandLineTests {
  @Test func workedExample() throws {
    let run = try SekomProcess.run([
      "-c", "activities where vem contains Kansli and prio = 1 order by när select id", "--format", "csv",
      "--no-header",
    ])
    #expect(run.status == 0)
    #expect(run.error == "")
    #expect(
      run.output.split(separator: "\n") == [
        "1", "42", "33", "23", "24", "27", "30", "35", "19", "41", "25", "29", "43", "15", "31",
      ])
  }

  @Test func severalStatementsAndParameters() throws {
    let run = try SekomProcess.run([
      "-c", "activities where vem = $vem count", "-c", "aktiviteter där prio = $prio antal", "--param",
      "vem=Kansliet",
      "--param", "prio=3",
    ])
    #expect(run.status == 0)
    #expect(run.output == "32\n3\n")
  }

  /// Files that never end are refused without filling memory (found in review: memory grew without end).
  @Test func endlessFilesAreRefused() throws {
    let read = try SekomProcess.run(["-c", ".read /dev/zero"])
    #expect(read.status == 3)
    #expect(
      read.error.hasPrefix("<command line>:1:7: error: '/dev/zero' is larger than 16 MiB"), "\(read.error)")
    let plan = try SekomProcess.run(["--plan", "/dev/zero", "-c", "activities count"])
    #expect(plan.status == 3)
    #expect(
      plan.error == "/dev/zero:1: error: a NUL byte; a plan file is text, and this looks like a binary file\n"
    )
    let script = try SekomProcess.run(["/dev/zero"])
    #expect(script.status == 3)
    #expect(script.error == "sekom: error: '/dev/zero' is larger than 16 MiB\n")
    let imported = try SekomProcess.run(["import", "/dev/zero"])
    #expect(imported.status == 3)
    #expect(imported.error.hasPrefix("sekom: error: '/dev/zero' is larger than 64 MiB"), "\(imported.error)")
  }

  /// A statement that is not UTF-8 is refused, not run as Swift's repair of it (found in review); a
  /// control character in a line shown under an error is shown by its picture, not sent to the terminal.
  @Test func statementsMustBeUTF8AndErrorsShowControlCharacters() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let invalid = try SekomProcess.runShell(
      #"sekom -c "$(printf 'activities where vad = \377')""#, directory: folder)
    #expect(invalid.status == 2)
    #expect(invalid.error == "sekom: error: the value after '-c' is not valid UTF-8\nSee 'sekom --help'.\n")
    let control = try SekomProcess.runShell(
      #"sekom -c "$(printf 'activities where vad @ \001')""#, directory: folder)
    #expect(control.status == 1)
    #expect(!control.error.contains("\u{1}"))
    #expect(control.error.contains("activities where vad @ \u{2401}\n"), "\(control.error)")
  }

  /// An argument is refused when Swift's repair changed its bytes: the value of `-c`, `--param` or
  /// `--title` wherever it stands, else the first other argument, shown with its invalid bytes. A cut
  /// four-byte letter repairs to as many bytes as it had, and is refused all the same.
  @Test(arguments: [
    (#""$(printf 'q\377.sq')" --param "$(printf 'v=\377')""#, "the value after '--param' is not valid UTF-8"),
    (#"-c activities "$(printf 'a\377b\376.sq')" "$(printf 'c\377')""#, #"argument 'a\xFFb\xFE.sq' is not"#),
    (#"-c activities "$(printf 'x\360\237\230')""#, #"argument 'x\xF0\x9F\x98' is not valid UTF-8"#),
    (#"-c "$(printf 'activities where vad = \360\237\230')""#, "the value after '-c' is not valid UTF-8"),
  ])
  func argumentsThatAreNotUTF8(arguments: String, message: String) throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try SekomProcess.runShell("sekom " + arguments, directory: folder)
    #expect(run.status == 2)
    #expect(run.error.contains(message), "\(run.error)")
    #expect(run.output == "")
  }

  /// Tables of one run stand apart by a blank line; a count's number is a line of its own.
  @Test func tablesOfOneRunStandApart() throws {
    let run = try SekomProcess.run([
      "-c", "activities where id = 1 select id", "-c", "activities count", "-c",
      "activities where id = 2 select id", "-c", "activities where id = 3 select id",
    ])
    #expect(run.status == 0)
    #expect(
      run.output
        == " id\n───\n  1\n(1 activity)\n44\n id\n───\n  2\n(1 activity)\n\n id\n───\n  3\n(1 activity)\n")
  }

  @Test func queryErrorsGoToStandardErrorWithACaret() throws {
    let run = try SekomProcess.run(["-c", "activities where vemm contains Kansli"])
    #expect(run.status == 1)
    #expect(run.output == "")
    #expect(
      run.error == """
        <command line>:1:18: error: unknown field 'vemm'; did you mean 'vem'?
        activities where vemm contains Kansli
                         ^~~~

        """)
  }

  @Test(arguments: [
    (["--format", "xml", "-c", "activities"], "unknown format 'xml'"),
    (["--bogus"], "unknown option '--bogus'"),
    (["--param", "novalue", "-c", "activities"], "--param takes NAME=VALUE"),
    (["--param", "=x", "-c", "activities"], "--param takes NAME=VALUE and the name is missing"),
    (["--param", "$=x", "-c", "activities"], "--param takes NAME=VALUE and the name is missing"),
    (["--param", "a b=x", "-c", "activities"], "--param: 'a b' is not a parameter name"),
    (["--param", "a--b=x", "-c", "activities"], "--param: 'a--b' is not a parameter name"),
    (["--param", "”x=1", "-c", "activities"], "--param: '”x' is not a parameter name"),
    (
      ["--param", "vem=Kansli", "--param", "$vem=Styrelse", "-c", "activities"],
      "--param vem is given twice ('Kansli', then 'Styrelse'); give it once"
    ),
    (
      ["--plan", "a.csv", "--plan", "b.csv"], "'--plan' is given twice ('a.csv', then 'b.csv'); give it once"
    ),
    (["--format", "csv", "--format=json"], "'--format' is given twice ('csv', then 'json')"),
    (["--year", "2021", "--year", "2022"], "'--year' is given twice ('2021', then '2022')"),
    (["--today", "2021-09-15", "--today", "2021-09-16"], "'--today' is given twice"),
    (["--title", "A", "--title", "B"], "'--title' is given twice ('A', then 'B')"),
    (["check", "--format", "csv", "--format", "json"], "'--format' is given twice"),
    (["check", "--plan", "a.csv", "--plan", "b.csv"], "'--plan' is given twice"),
    (["diff", "--year", "2021", "--year=2022", "a", "b"], "'--year' is given twice"),
    (
      ["import", "doc.txt", "-o", "a.csv", "--output", "b.csv"],
      "'--output' is given twice ('a.csv', then 'b.csv')"
    ),
    (["export", "--output", "a.json", "--output", "b.json"], "'--output' is given twice"),
    (["chek"], "no command or file 'chek'; did you mean 'check'? (sekom check …)"),
    (["dif", "a.csv", "b.csv"], "no command or file 'dif'; did you mean 'diff'?"),
    (["imprt", "doc.txt"], "no command or file 'imprt'; did you mean 'import'?"),
    (["exprot"], "no command or file 'exprot'; did you mean 'export'?"),
    (["-c", "activities count", "chek"], "no command or file 'chek'; did you mean 'check'?"),
  ])
  func wrongUsageExitsWithTwo(arguments: [String], message: String) throws {
    let run = try SekomProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.error.contains(message), "\(run.error)")
    #expect(run.output == "")
  }

  /// Every name the lexer reads after `$` is a name `--param` takes, digits first included.
  @Test(arguments: [
    ("vem=Kansliet", "activities where vem = $vem count", "32\n"),
    ("$vem=Kansliet", "activities where vem = $vem count", "32\n"),
    ("1x=3", "activities where prio = $1x count", "3\n"),
    ("första-prio=1", "activities where prio = $första-prio count", "19\n"),
    ("period=hösten 2021", "activities where när overlaps $period count", "28\n"),
    ("tom=", "activities where status = $tom count", "3\n"),
  ])
  func parameterNamesAsTheLexerReadsThem(parameter: String, statement: String, output: String) throws {
    let run = try SekomProcess.run(["--param", parameter, "-c", statement])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == output)
  }

  /// Only options with a value refuse a repeat; `-c` and flags may be repeated.
  @Test func repeatableOptions() throws {
    let run = try SekomProcess.run([
      "-c", "activities where prio = 1 count", "-c", "activities where prio = 2 count", "--no-header",
      "--no-header",
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == "19\n22\n")
  }

  /// A plan file that names no year is read in the year of --today, and sekom says so.
  @Test func aPlanWithoutAYearIsReadInTheYearOfToday() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "id,inriktning,vad,hur,vem,när,status,prio\n1,A,x,y,Kansli,våren,Pågår,1\n".write(
      to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let run = try SekomProcess.run(
      ["--plan", "t.csv", "--today", "2021-09-15", "--format", "csv", "-c", "activities select när, start"],
      directory: folder)
    #expect(run.status == 0)
    #expect(run.output == "när,start\nvåren,2021-01-01\n")
    #expect(
      run.error
        == "t.csv: note: the plan names no plan year, so its när texts are read in 2021; give the year with "
        + "--year (or \"år\" in a JSON plan)\n")
    let given = try SekomProcess.run(
      [
        "--plan", "t.csv", "--year", "2023", "--format", "csv", "--no-header", "-c",
        "activities select start",
      ],
      directory: folder)
    #expect(given.output == "2023-01-01\n")
    #expect(given.error == "")
  }

  /// A file that exists is a script, whatever its name is near.
  @Test func aScriptNamedLikeACommandStillRuns() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "activities count\n".write(
      to: folder.appendingPathComponent("chek"), atomically: true, encoding: .utf8)
    let run = try SekomProcess.run(["chek"], directory: folder)
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == "44\n")
    let missing = try SekomProcess.run(["chek.sq"], directory: folder)
    #expect(missing.status == 3)
    #expect(missing.error == "sekom: error: cannot read 'chek.sq': No such file or directory\n")
  }

  @Test func missingFilesExitWithThree() throws {
    let plan = try SekomProcess.run(["--plan", "/nonexistent/plan.csv", "-c", "activities count"])
    #expect(plan.status == 3)
    #expect(plan.error.contains("/nonexistent/plan.csv"))
    let script = try SekomProcess.run(["/nonexistent/query.sq"])
    #expect(script.status == 3)
    #expect(script.error == "sekom: error: cannot read '/nonexistent/query.sq': No such file or directory\n")
  }

  @Test func statementsFromStandardInput() throws {
    let run = try SekomProcess.run(
      ["--format", "csv"],
      stdin: """
        -- the board's questions
        activities where kategori = paused
          select id
        activities count by kategori;
        .format json
        activities where id = 43 select id, när, start, slut

        """)
    #expect(run.status == 0, "\(run.error)")
    #expect(
      run.output == """
        id
        6
        7
        10
        14
        26
        44
        kategori,antal
        ongoing,24
        planned,6
        paused,6
        not started,1
        monitoring,1
        as needed,3
        none,3
        [
          {
            "id": 43,
            "när": "19-20 oktober",
            "start": "2021-10-19",
            "slut": "2021-10-20"
          }
        ]

        """)
  }

  @Test func aScriptStopsAtItsFirstErrorUnlessKeepGoing() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("check.sq")
    try """
    activities where prio = 3 count
    activities where prio = hög count
    activities where prio = 2 count
    """.write(to: script, atomically: true, encoding: .utf8)
    let stopped = try SekomProcess.run([script.path])
    #expect(stopped.status == 1)
    #expect(stopped.output == "3\n")
    #expect(
      stopped.error.hasPrefix(
        "\(script.path):2:25: error: 'prio' is a number, and 'hög' is not a whole number\n"))
    let goingOn = try SekomProcess.run(["--keep-going", script.path])
    #expect(goingOn.status == 1)
    #expect(goingOn.output == "3\n22\n")
  }

  @Test func anExecutableScriptWithAShebang() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("paused.sq")
    try """
    #!/usr/bin/env sekom
    # Paused activities, for the board.
    .format csv
    .header off
    activities where kategori = paused select id, vad
    """.write(to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    let process = Process()
    process.executableURL = script
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] =
      SekomProcess.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    try SekomProcess.start(process)
    let output = String(decoding: SekomProcess.readToEnd(pipe.fileHandleForReading), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(output.split(separator: "\n").first == "6,Chilenska ekokommunnätverket")
    #expect(output.split(separator: "\n").count == 6)
  }

  @Test func readOutputAndParamDotCommands() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try ".param vem Styrelsen\n".write(
      to: folder.appendingPathComponent("settings.sq"), atomically: true, encoding: .utf8)
    let main = folder.appendingPathComponent("main.sq")
    try """
    .read settings.sq
    .output result.csv
    .format csv
    activities where vem = $vem and prio = 1 select id
    .output
    activities where vem = $vem count
    """.write(to: main, atomically: true, encoding: .utf8)
    let run = try SekomProcess.run([main.path])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output == "18\n")
    let written = try String(contentsOf: folder.appendingPathComponent("result.csv"), encoding: .utf8)
    #expect(written == "id\n5\n15\n16\n23\n24\n29\n42\n43\n")
  }

  /// A run makes one document in each place it writes to: standard output gets one HTML page, whatever
  /// goes to files in between; each `.output` file a whole page of its own; `.format` ends the page.
  @Test func eachPlaceGetsOneWholeDocument() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("report.sq")
    try """
    -- Mixed report: one page on standard output, one in each file.
    .format html
    activities count
    .output a.html
    activities where id = 1 select id, vad
    .param
    .output b.html
    activities where id = 2 select id, prio
    .output
    activities where id = 43 select id, vad timeline
    .format markdown
    activities where id = 4 select id
    """.write(to: script, atomically: true, encoding: .utf8)
    let run = try SekomProcess.run(["--today", "2021-09-15", script.path])
    #expect(run.status == 0, "\(run.error)")

    let a = try HTMLPage(String(contentsOf: folder.appendingPathComponent("a.html"), encoding: .utf8))
    #expect(a.isWhole, "\(a)")
    #expect(a.title == "Mixed report")
    #expect(a.results == 1)
    #expect(a.cells == ["1", "Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”"])
    #expect(a.pre == ["no parameters are set\n"])
    let b = try HTMLPage(String(contentsOf: folder.appendingPathComponent("b.html"), encoding: .utf8))
    #expect(b.isWhole, "\(b)")
    #expect(b.cells == ["2", "2"])

    let parts = run.output.components(separatedBy: "</html>\n")
    #expect(parts.count == 2)
    let page = try HTMLPage(parts[0] + "</html>\n")
    #expect(page.isWhole, "\(page)")
    #expect(page.h1 == ["Mixed report"])
    #expect(page.results == 2)
    #expect(page.pre.count == 1)
    #expect(page.pre.first?.contains("43  Höstkonferens, 25-årsjubileum") == true)
    #expect(
      parts[1] == """

        # Mixed report

        Plan: Sveriges Ekokommuner – Verksamhetsplan 2021 (the embedded 2021 plan). Made 2021-09-15.

        | id |
        | ---: |
        | 4 |

        """)
  }

  /// A script that stops at an error still leaves a whole page.
  @Test func thePageIsClosedWhenAScriptStops() throws {
    let run = try SekomProcess.run(
      ["--format", "html"], stdin: "activities count\nactivities where vemm = Kansli\nactivities count\n")
    #expect(run.status == 1)
    let page = try HTMLPage(run.output)
    #expect(page.isWhole, "\(page)")
    #expect(page.results == 1)
    #expect(run.output.contains("<p class=\"count\">44</p>"))
  }

  @Test func invalidUTF8IsReportedWithItsPlace() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("bad.sq")
    try Data("activities count\nactivities where vad = '".utf8 + [0xFF] + Data("'\n".utf8)).write(to: script)
    let run = try SekomProcess.run([script.path])
    #expect(run.status == 1)
    #expect(run.error == "\(script.path):2:25: error: invalid UTF-8 (byte 0xFF); sekom reads UTF-8 text\n")
    #expect(run.output == "")
  }

  @Test func unknownDotCommand() throws {
    let run = try SekomProcess.run([], stdin: ".fromat csv\n")
    #expect(run.status == 1)
    #expect(run.error.hasPrefix("<stdin>:1:1: error: unknown command '.fromat'; did you mean '.format'?\n"))
  }

  @Test func quitStopsTheScript() throws {
    let run = try SekomProcess.run([], stdin: "activities count\n.quit\nactivities where x = 1\n")
    #expect(run.status == 0)
    #expect(run.output == "44\n")
  }

  @Test func helpAndFields() throws {
    let help = try SekomProcess.run(["--help"])
    #expect(help.status == 0)
    #expect(help.output.contains("Exit status: 0 success"))
    let fields = try SekomProcess.run([], stdin: ".fields\n")
    #expect(fields.status == 0)
    #expect(fields.output.contains(" vem        │ actor list │"))
    #expect(
      fields.output.contains("Kansli | Styrelse | Expertgrupp")
        || fields.output.contains("Ordförande | Kansli"))
  }
}
