import PlanModel
import Platform
import QueryLanguage

/// `sekom diff OLD NEW`: what changed between two versions of a plan.
struct DiffOptions {
  var plans: [String] = []
  var year: Int?
  var format: ReportFormat = .table
  var language: ReportLanguage?
}

enum DiffCommand {
  static var spec: CommandSpec<DiffOptions> {
    CommandSpec<DiffOptions>(
      usage: "sekom diff OLD NEW [--format FORMAT]",
      abstract: "Show what changed between two versions of a plan.",
      discussion: """
        Activities are matched by id: those added and removed, and for the others each column that changed
        (status, när, prio, vem, vad, hur, inriktning, kommentar). Either plan may be 'embedded' for the 2021
        plan, and PLAN@DAY is a JSON plan file as it stood at the end of that day, by its log: sekom diff
        plan.json@2021-06-14 plan.json shows what changed since 14 June.
        Exit status: 0; 2 wrong usage; 3 when a plan cannot be read.
        """,
      options: [
        .planYear(\.year, help: "The plan year of both plan files, over the ones they give."),
        .value("--format", name: "FORMAT", help: "table, markdown, csv, tsv or json.") {
          options, value throws(UsageError) in
          options.format = try Arguments.format(value)
        },
        .language(\.language),
      ],
      argumentsHelp: "OLD NEW  the earlier and the later version: plan files, PLAN@DAY, or 'embedded'",
      argument: { options, value throws(UsageError) in
        guard options.plans.count < 2 else { throw UsageError("diff takes two plans; '\(value)' is a third") }
        options.plans.append(value)
      },
      validate: { options throws(UsageError) in
        if options.plans.count < 2 { throw UsageError("diff takes two plans: sekom diff OLD NEW") }
      })
  }

  static func execute(_ options: DiffOptions) -> ExitStatus {
    guard let before = load(options.plans[0], year: options.year),
      let after = load(options.plans[1], year: options.year)
    else { return .fileError }
    let changes = PlanDiff.changes(from: before, to: after)
    let words = ReportWords(Arguments.language(options.language))
    let rows = changes.map { change in
      [
        String(change.activityID), change.what, change.field ?? words.change(change.kind), change.old ?? "",
        change.new ?? "",
      ]
    }
    Console.output(
      TextTable.render(
        headers: words.diffHeaders, rows: rows, as: options.format,
        options: Arguments.terminalOptions, numericColumns: [0]))
    if options.format == .table {
      Console.output(words.diffFooter(changes.count) + "\n")
    }
    return .success
  }

  /// A plan named on the command line: 'embedded', a file, or FILE@DAY for the file as it stood then.
  private static func load(_ name: String, year: Int?) -> Plan? {
    if name == "embedded" { return PlanLoading.load(path: nil, year: year) }
    if !FileAccess.exists(name), let at = name.lastIndex(of: "@"),
      let day = Day(iso: name[name.index(after: at)...])
    {
      return PlanLoading.load(path: String(name[..<at]), year: year)?.asOf(day)
    }
    return PlanLoading.load(path: name, year: year)
  }
}
