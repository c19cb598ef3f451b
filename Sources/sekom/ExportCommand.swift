import PlanModel
import QueryLanguage

/// `sekom export`: the plan in use, the embedded one or one read, written as a plan file; so next year's
/// plan can start from this year's as JSON, metadata and all.
struct ExportOptions {
  var plan: String?
  var year: Int?
  var output: String?
  var format: PlanFile.Format?
  var force = false
  var quiet = false
}

enum ExportCommand {
  static var spec: CommandSpec<ExportOptions> {
    CommandSpec<ExportOptions>(
      usage:
        "sekom export [--plan FILE] [--output PLAN.json|PLAN.csv] [--format json|csv] [--force] [--quiet]",
      abstract: "Write the plan, the embedded 2021 plan or one read, as a plan file.",
      discussion: """
        The plan goes to --output (JSON or CSV by its extension), or to standard output as --format says,
        JSON unless told otherwise. JSON keeps the metadata (title, year, dates, inriktningar,
        corrections); CSV keeps the activities only, and a note on standard error says what is not kept.
        An existing file is replaced only with --force, the plan file read never; a file is written whole
        or not at all.
        Exit status: 0; 2 wrong usage; 3 when the plan cannot be read, or the output file exists (without
        --force), is the plan read, or cannot be written.
        """,
      options: [
        .value("--plan", name: "FILE", help: "The plan file to export; the embedded 2021 plan when left out.")
        {
          options, value in options.plan = value
        },
        .planYear(\.year),
        PlanOutput.outputOption(\.output, formats: ".json or .csv"),
        .value("--format", name: "FORMAT", help: "json (default) or csv, for standard output.") {
          options, value throws(UsageError) in
          switch value {
          case "json": options.format = .json
          case "csv": options.format = .csv
          default: throw UsageError("export writes plan files: --format json or csv; got '\(value)'")
          }
        },
        .flag("--force", help: "Replace the output file if it exists.") { $0.force = true },
        .flag("--quiet", help: "Leave out the note on what CSV does not keep.") { $0.quiet = true },
      ],
      argument: { _, value throws(UsageError) in
        throw UsageError("unexpected argument '\(value)'; export writes to --output FILE or standard output")
      },
      validate: { options throws(UsageError) in
        // With a file the extension decides; a --format that says otherwise is a mistake to point out.
        if let output = options.output, let format = options.format, PlanFile.format(path: output) != format {
          throw UsageError("--format \(format == .json ? "json" : "csv") does not match --output '\(output)'")
        }
      })
  }

  static func execute(_ options: ExportOptions) -> ExitStatus {
    guard let plan = PlanLoading.load(path: options.plan, year: options.year) else { return .fileError }
    return PlanOutput.emit(
      plan, as: options.output.flatMap(PlanFile.format(path:)) ?? options.format ?? .json, to: options.output,
      force: options.force, inputs: options.plan.map { [($0, "plan file")] } ?? [], quiet: options.quiet,
      standardOutputAdvice: "--format json")
  }
}
