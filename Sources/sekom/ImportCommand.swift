import ArgumentParser
import PlanModel
import QueryLanguage

/// `sekom import`: a handlingsplan exported as text becomes a plan file, with a report of every inference.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read a handlingsplan exported as text and write it as a plan file.",
    discussion: """
      Reads sections under their headings, the header row Vad/Hur/Vem/När/Resurs/Status/Prio, rows that
      continue the Vad above, rows split by page breaks, and actors run together. The report of every
      inference goes to standard error; the plan goes to --output (CSV or JSON by its extension), or as
      CSV to standard output. An existing file is replaced only with --force, and is written whole or
      not at all.
      Exit status: 0; 1 when the text cannot be read as a plan; 2 wrong usage; 3 a file cannot be read or
      written.
      """)

  @Argument(help: ArgumentHelp("The text file.", valueName: "file.txt"))
  var input: String

  @Option(
    name: .shortAndLong, help: ArgumentHelp("The plan file to write: .csv or .json.", valueName: "file"))
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  @Flag(help: "Leave out the report of inferences.")
  var quiet = false

  func validate() throws {
    if let output, !(output.hasSuffix(".csv") || output.hasSuffix(".json")) {
      throw ValidationError("--output must name a .csv or .json file; got '\(output)'")
    }
  }

  func execute() -> ExitStatus {
    let bytes: [UInt8]
    do throws(FileAccess.Failure) {
      bytes = try FileAccess.readBytes(input)
    } catch {
      Console.error("sekom: error: cannot read '\(input)': \(error.reason)\n")
      return .fileError
    }
    let imported: (plan: Plan, report: ImportReport)
    do throws(ImportError) {
      imported = try HandlingsplanImporter.importBytes(bytes, source: input)
    } catch {
      Console.error(error.description + "\n")
      return .queryError
    }
    if !quiet {
      Console.error(imported.report.lines.map { "\(input):\($0.line): note: \($0.message)\n" }.joined())
      Console.error("sekom: \(imported.plan.activities.count) activities read from '\(input)'\n")
    }
    guard let output else {
      Console.output(PlanFile.csv(imported.plan))
      return .success
    }
    if let target = FileAccess.identity(output) {
      if let source = FileAccess.identity(input), target == source {
        Console.error("sekom: error: refusing to write over the input '\(input)'\n")
        return .fileError
      }
      if !force {
        Console.error("sekom: error: '\(output)' exists; give --force to replace it\n")
        return .fileError
      }
    }
    let text = output.hasSuffix(".json") ? PlanFile.json(imported.plan) : PlanFile.csv(imported.plan)
    do throws(FileAccess.Failure) {
      let file = try AtomicFile(path: output)
      try file.write(text)
      try file.commit()
    } catch {
      Console.error("sekom: error: cannot write '\(output)': \(error.reason)\n")
      return .fileError
    }
    return .success
  }
}
