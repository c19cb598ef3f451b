import PlanModel
import QueryLanguage

/// Writing a plan as a plan file, for `import` and `export`: the format by the file's extension, a note
/// on what CSV leaves out, and the file put in place whole, never over one it must not replace.
enum PlanOutput {
  /// The format a plan file's name asks for, by its extension in any case, as the readers take it.
  static func format(ofPath path: String) -> PlanFile.Format? {
    let name = path.lowercased()
    if name.hasSuffix(".csv") { return .csv }
    if name.hasSuffix(".json") { return .json }
    return nil
  }

  static func text(_ plan: Plan, as format: PlanFile.Format) -> String {
    format == .json ? PlanFile.json(plan) : PlanFile.csv(plan)
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
    format(ofPath: path) == .csv ? String(path.dropLast(4)) + ".json" : path
  }

  /// Writes `text` to `path` through a temporary file. Refuses, with status 3, to write over any of
  /// `inputs` (the files the command reads, named in the message as `what`) and over any existing file
  /// unless `force`.
  static func write(
    _ text: String, to path: String, force: Bool, inputs: [(path: String, what: String)]
  ) -> ExitStatus {
    if let target = FileAccess.identity(path) {
      for input in inputs {
        if let source = FileAccess.identity(input.path), source == target {
          Console.error("sekom: error: refusing to write over the \(input.what) '\(input.path)'\n")
          return .fileError
        }
      }
      if !force {
        Console.error("sekom: error: '\(path)' exists; give --force to replace it\n")
        return .fileError
      }
    }
    do throws(FileAccess.Failure) {
      let file = try AtomicFile(path: path)
      try file.write(text)
      try file.commit()
    } catch {
      Console.error("sekom: error: cannot write '\(path)': \(error.reason)\n")
      return .fileError
    }
    return .success
  }
}
