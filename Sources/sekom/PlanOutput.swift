import PlanModel
import Platform
import QueryLanguage

/// Writing a plan as a plan file, for `import` and `export`: the format by the file's extension, a note
/// on what CSV leaves out, and the file put in place whole, never over one it must not replace.
enum PlanOutput {
  /// `-o`/`--output FILE`: a plan file named `.csv` or `.json`, in any case, as the readers take it.
  /// `formats` names them, the command's default first: ".csv or .json".
  static func outputOption<Options>(
    _ output: WritableKeyPath<Options, String?>, formats: String
  ) -> OptionSpec<Options> {
    .value("-o", "--output", name: "FILE", help: "The plan file to write: \(formats).") {
      options, value throws(UsageError) in
      guard PlanFile.format(path: value) != nil else {
        throw UsageError("--output must name a \(formats) file; got '\(value)'")
      }
      options[keyPath: output] = value
    }
  }

  /// Writes the plan as `format` to `output`, or to standard output without one; then, for CSV and
  /// unless `quiet`, the note on what CSV leaves out, whose advice for standard output is
  /// `standardOutputAdvice`. `inputs` are the files not to write over.
  static func emit(
    _ plan: Plan, as format: PlanFile.Format, to output: String?, force: Bool,
    inputs: [(path: String, what: String)], quiet: Bool, standardOutputAdvice: String
  ) -> ExitStatus {
    let text = format == .json ? PlanFile.json(plan) : PlanFile.csv(plan)
    let status: ExitStatus
    if let output {
      status = write(text, to: output, force: force, inputs: inputs)
    } else {
      // A plan file on a terminal is for reading: shown as query results in the same format are.
      let shown: OutputFormat = format == .json ? .json : .csv
      Console.output(Terminal.isTerminal(.standardOutput) ? shown.onTerminal(text) : text)
      status = .success
    }
    // The title, dates and corrections have no place in CSV: say so, since nothing else would.
    if status == .success && format == .csv && !quiet {
      let advice = output.map { "--output " + jsonPath(for: $0) } ?? standardOutputAdvice
      Console.error(csvNote(plan, place: output ?? "sekom", keptBy: advice))
    }
    return status
  }

  /// `PLACE: note: …` saying which metadata CSV does not keep and what would, for standard error.
  static func csvNote(_ plan: Plan, place: String, keptBy alternative: String) -> String {
    var parts = plan.metadataLeftOutOfCSV
    let last = parts.removeLast()
    let list = parts.isEmpty ? last : parts.joined(separator: ", ") + " or " + last
    return "\(place): note: CSV keeps the activities only, not \(list); \(alternative) keeps them\n"
  }

  /// The `.json` twin of a `.csv` path, for the note's advice.
  static func jsonPath(for path: String) -> String {
    PlanFile.format(path: path) == .csv ? String(path.dropLast(4)) + ".json" : path
  }

  /// Writes `text` to `path` through a temporary file. Refuses, with status 3, to write over any of
  /// `inputs` (the files the command reads, named in the message as `what`) and over any existing file
  /// unless `force`.
  static func write(
    _ text: String, to path: String, force: Bool, inputs: [(path: String, what: String)]
  ) -> ExitStatus {
    if let input = FileAccess.first(of: inputs, sameAs: path, path: \.path) {
      Console.error("sekom: error: refusing to write over the \(input.what) '\(input.path)'\n")
      return .fileError
    }
    // Without --force the name must be free when the file takes it, in the same step: of concurrent
    // runs exactly one wins, and a dangling link counts as taken.
    do throws(FileAccess.Failure) {
      let file = try AtomicFile(path: path, existing: force ? .replace : .keep)
      try file.write(text)
      try file.commit()
    } catch {
      if error.nameTaken {
        Console.error("sekom: error: '\(path)' exists; give --force to replace it\n")
      } else {
        Console.error("sekom: error: cannot write '\(path)': \(error.reason)\n")
      }
      return .fileError
    }
    return .success
  }
}
