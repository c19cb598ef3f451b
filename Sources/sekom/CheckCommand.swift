import PlanModel
import QueryLanguage

/// `sekom check`: the data-quality report on a plan.
struct CheckOptions {
  var plan: String?
  var year: Int?
  var format: OutputFormat = .table
  var strict = false
}

enum CheckCommand {
  static var spec: CommandSpec<CheckOptions> {
    CommandSpec<CheckOptions>(
      usage: "sekom check [--plan FILE] [--strict] [--format FORMAT]",
      abstract: "Report what needs a look in a plan's data.",
      discussion: """
        Lists problems: activities with no status, no time, no vem, no prio or no inriktning, time texts
        that give no interval, status texts that fit no category, actors outside the known list (with the
        nearest known name), inriktningar the plan does not declare, prio outside 1–3, repeated ids. And
        notes, which are information only: time texts that name no time on purpose ("Vid behov"), and the
        corrections made to the source document's text.
        Exit status: 0, or with --strict 4 when a problem was found (notes do not count); 2 wrong usage;
        3 when the plan cannot be read.
        """,
      options: [
        .value("--plan", name: "FILE", help: "The plan file to check; the embedded 2021 plan when left out.")
        {
          o, v in o.plan = v
        },
        .planYear(\.year),
        .value("--format", name: "FORMAT", help: "table, csv, tsv, json or markdown.") {
          o, v throws(UsageError) in o.format = try Arguments.format(v, allowed: Arguments.reportFormats)
        },
        .flag("--strict", help: "Exit with status 4 when a problem is found; notes do not count.") {
          $0.strict = true
        },
      ],
      argument: { _, v throws(UsageError) in throw UsageError("unexpected argument '\(v)'") })
  }

  static func execute(_ options: CheckOptions) -> ExitStatus {
    guard let loaded = PlanLoading.load(path: options.plan, year: options.year, allowsRepeatedIDs: true)
    else {
      return .fileError
    }
    let findings = PlanCheck.findings(in: loaded)
    let rows = findings.map { finding in
      [
        finding.activityID.map(String.init) ?? "", finding.severity.rawValue, finding.kind.rawValue,
        finding.message,
      ]
    }
    Console.output(
      TextTable.render(
        headers: ["id", "severity", "finding", "detail"], rows: rows, as: options.format,
        options: Arguments.terminalOptions, numericColumns: [0]))
    let problems = findings.count { $0.severity == .problem }
    if options.format == .table {
      let notes = findings.count - problems
      Console.output(
        "(\(counted(problems, "problem")) and \(counted(notes, "note")) in \(ControlPictures.visible(loaded.metadata.source)))\n"
      )
    }
    return options.strict && problems > 0 ? .findings : .success
  }

  private static func counted(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }
}

/// `sekom diff OLD NEW`: what changed between two versions of a plan.
struct DiffOptions {
  var plans: [String] = []
  var year: Int?
  var format: OutputFormat = .table
}

enum DiffCommand {
  static var spec: CommandSpec<DiffOptions> {
    CommandSpec<DiffOptions>(
      usage: "sekom diff OLD NEW [--format FORMAT]",
      abstract: "Show what changed between two versions of a plan.",
      discussion: """
        Activities are matched by id: those added and removed, and for the others each column that changed
        (status, när, prio, vem, vad, hur, inriktning). Either plan may be 'embedded' for the 2021 plan.
        Exit status: 0; 2 wrong usage; 3 when a plan cannot be read.
        """,
      options: [
        .planYear(\.year, help: "The plan year of both plan files, over the ones they give."),
        .value("--format", name: "FORMAT", help: "table, markdown, csv, tsv or json.") {
          o, v throws(UsageError) in o.format = try Arguments.format(v, allowed: Arguments.reportFormats)
        },
      ],
      argumentsHelp: "OLD NEW  the earlier and the later version: plan files, or 'embedded'",
      argument: { o, v throws(UsageError) in
        guard o.plans.count < 2 else { throw UsageError("diff takes two plans; '\(v)' is a third") }
        o.plans.append(v)
      },
      validate: { o throws(UsageError) in
        if o.plans.count < 2 { throw UsageError("diff takes two plans: sekom diff OLD NEW") }
      })
  }

  static func execute(_ options: DiffOptions) -> ExitStatus {
    let paths = options.plans.map { $0 == "embedded" ? nil : $0 }
    guard let before = PlanLoading.load(path: paths[0], year: options.year),
      let after = PlanLoading.load(path: paths[1], year: options.year)
    else { return .fileError }
    let changes = PlanDiff.changes(from: before, to: after)
    let rows = changes.map { change in
      [
        String(change.activityID), change.what, change.field ?? change.kind.rawValue, change.old ?? "",
        change.new ?? "",
      ]
    }
    Console.output(
      TextTable.render(
        headers: ["id", "vad", "change", "was", "now"], rows: rows, as: options.format,
        options: Arguments.terminalOptions, numericColumns: [0]))
    if options.format == .table {
      Console.output("(\(changes.count) change\(changes.count == 1 ? "" : "s"))\n")
    }
    return .success
  }
}

extension Arguments {
  static let reportFormats: [OutputFormat] = [.table, .csv, .tsv, .json, .markdown]

  /// Tables fitted to the terminal when standard output is one.
  static var terminalOptions: OutputOptions {
    OutputOptions(width: Terminal.isTerminal(.standardOutput) ? Terminal.width() : nil)
  }
}

/// Loading the plan named on the command line, with the message when it cannot be read.
enum PlanLoading {
  /// `today`, the day given by --today, gives the plan year of a file that states none.
  static func load(path: String?, year: Int?, today: Day? = nil, allowsRepeatedIDs: Bool = false) -> Plan? {
    guard let path else { return .embedded2021 }
    do throws(PlanFileError) {
      let plan = try PlanFile.read(
        path: path,
        options: PlanReadOptions(year: year, allowsRepeatedIDs: allowsRepeatedIDs, defaultYear: today?.year))
      if let note = plan.assumedYearNote { Console.error("\(path): note: \(note)\n") }
      return plan
    } catch {
      Console.error(error.description + "\n")
      return nil
    }
  }
}
