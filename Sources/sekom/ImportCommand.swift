import PlanModel
import Platform
import QueryLanguage
import WordImport

/// `sekom import`: a handlingsplan exported as text becomes a plan file, with a report of every inference.
struct ImportOptions {
  var input: String?
  var output: String?
  var year: Int?
  var force = false
  var quiet = false
}

enum ImportCommand {
  static var spec: CommandSpec<ImportOptions> {
    CommandSpec<ImportOptions>(
      usage: "sekom import FILE.txt|FILE.docx [--output PLAN.csv|PLAN.json] [--year N] [--force] [--quiet]",
      abstract: "Read a handlingsplan (a Word document, or exported as text) and write it as a plan file.",
      discussion: """
        Reads sections under their headings, the header row Vad/Hur/Vem/När/Resurs/Status/Prio, rows that
        continue the Vad above, rows split by page breaks, and actors run together. The report of every
        inference goes to standard error; the plan goes to --output (CSV or JSON by its extension), or as
        CSV to standard output. CSV keeps the activities only: a note says which metadata is not kept,
        and JSON keeps it all. An existing file is replaced only with --force, and is written whole or
        not at all. The plan year is the one the title line names ("VERKSAMHETSPLAN 2021"); --year gives
        it instead, for a text that names none or the wrong one.
        A Word document (.docx) is read directly: each paragraph and each table row is one line of the
        text (cells joined by tabs), and the line numbers of notes and errors count them.
        Exit status: 0; 2 wrong usage; 3 when the text cannot be read, is refused as not a handlingsplan, or
        the plan file cannot be written.
        """,
      options: [
        PlanOutput.outputOption(\.output, formats: ".csv or .json"),
        .value("--year", name: "N", help: "The plan year, instead of the one the text names.") {
          options, value throws(UsageError) in options.year = try Arguments.year(value)
        },
        .flag("--force", help: "Replace the output file if it exists.") { $0.force = true },
        .flag("--quiet", help: "Leave out the report of inferences and the note on what CSV leaves out.") {
          $0.quiet = true
        },
      ],
      argumentsHelp: "FILE.txt  the handlingsplan as text, or FILE.docx, as Word saved it",
      argument: { options, value throws(UsageError) in
        guard options.input == nil else {
          throw UsageError("import takes one file; '\(value)' is a second")
        }
        options.input = value
      },
      validate: { options throws(UsageError) in
        if options.input == nil { throw UsageError("import needs the text file: sekom import FILE.txt") }
      })
  }

  /// A document of a few hundred activities is a few tens of kilobytes; this stops a device such as
  /// /dev/zero from filling memory. What a text makes is bounded by the importer's own limits (activities,
  /// notes, the plan's text), so that a text of this size imports within 2 GiB (benchmarks/run.py, job 5).
  static let maximumBytes = 64 << 20

  static func execute(_ options: ImportOptions) -> ExitStatus {
    let input = options.input!
    let output = options.output
    let force = options.force
    let quiet = options.quiet
    let bytes: [UInt8]
    do throws(FileAccess.Failure) {
      bytes = try FileAccess.readBytes(input, limit: maximumBytes)
    } catch {
      Console.error("sekom: error: cannot read '\(input)': \(error.reason)\n")
      return .fileError
    }
    guard bytes.count <= maximumBytes else {
      Console.error(
        "sekom: error: '\(input)' is larger than \(maximumBytes >> 20) MiB; a handlingsplan text is far smaller\n"
      )
      return .fileError
    }
    var imported: (plan: Plan, report: ImportReport)
    do throws(ImportError) {
      // A zip archive, or a file named .docx, is read as a Word document, and its text imported.
      if WordDocument.looksLikeZip(bytes) || input.lowercased().hasSuffix(".docx") {
        let text: String
        do throws(WordImportError) {
          text = try WordDocument.text(ofDocx: bytes)
        } catch {
          Console.error("sekom: error: cannot read '\(input)' as a Word document: \(error.message)\n")
          return .fileError
        }
        imported = try HandlingsplanImporter.importText(text, source: input, year: options.year)
      } else {
        imported = try HandlingsplanImporter.importBytes(bytes, source: input, year: options.year)
      }
    } catch {
      // A text that is not a handlingsplan is input refused, as a bad plan file is: not a query error.
      Console.error(error.description + "\n")
      return .fileError
    }
    if !quiet {
      // In pieces: a text of short lines can have a million notes, too many to hold twice as text.
      var notes = ""
      for note in imported.report.lines {
        notes += "\(input):\(note.line): note: \(note.message)\n"
        if notes.utf8.count >= 1 << 16 {
          Console.error(notes)
          notes = ""
        }
      }
      Console.error(notes)
      let count = imported.plan.activities.count
      Console.error("sekom: \(count) \(count == 1 ? "activity" : "activities") read from '\(input)'\n")
    }
    // The report is written: its notes need not take room beside the plan file's text.
    imported.report = ImportReport()
    return PlanOutput.emit(
      imported.plan, as: output.flatMap(PlanFile.format(path:)) ?? .csv, to: output, force: force,
      inputs: [(input, "input")], quiet: quiet, standardOutputAdvice: "--output PLAN.json")
  }
}
