import PlanModel
import QueryLanguage

/// `sekom check`: the data-quality report on a plan.
struct CheckOptions {
  var plan: String?
  var year: Int?
  var format: ReportFormat = .table
  var strict = false
  var language: ReportLanguage?
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
          options, value in options.plan = value
        },
        .planYear(\.year),
        .value("--format", name: "FORMAT", help: "table, csv, tsv, json or markdown.") {
          options, value throws(UsageError) in
          options.format = try Arguments.format(value)
        },
        .flag("--strict", help: "Exit with status 4 when a problem is found; notes do not count.") {
          $0.strict = true
        },
        .language(\.language),
      ],
      argument: { _, value throws(UsageError) in throw UsageError("unexpected argument '\(value)'") })
  }

  static func execute(_ options: CheckOptions) -> CommandStatus {
    guard let loaded = PlanLoading.load(path: options.plan, year: options.year, allowsRepeatedIDs: true)
    else {
      return .session(.fileError)
    }
    let findings = PlanCheck.findings(in: loaded)
    let words = ReportWords(Arguments.language(options.language))
    let rows = findings.map { finding in
      [
        finding.activityID.map(String.init) ?? "", words.severity(finding.severity),
        words.finding(finding.kind),
        words.detail(finding),
      ]
    }
    Console.output(
      TextTable.render(
        headers: words.checkHeaders, rows: rows, as: options.format,
        options: Arguments.terminalOptions, numericColumns: [0]))
    let problems = findings.count { $0.severity == .problem }
    if options.format == .table {
      let notes = findings.count - problems
      let source = ControlPictures.visible(loaded.metadata.source)
      Console.output(words.checkFooter(problems: problems, notes: notes, source: source) + "\n")
    }
    return options.strict && problems > 0 ? .findings : .session(.success)
  }
}
