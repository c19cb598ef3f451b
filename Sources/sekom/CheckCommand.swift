import ArgumentParser
import PlanModel
import QueryLanguage

/// `sekom check`: the data-quality report on a plan.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Report what needs a look in a plan's data.",
    discussion: """
      Lists activities with no status or no time, time texts that give no interval, status texts that
      fit no category, actors outside the known list (with the nearest known name), prio missing or
      outside 1–3, repeated ids, and the corrections made to the source document's text.
      Exit status: 0, or with --strict 4 when anything was found; 3 when the plan cannot be read.
      """)

  @Option(
    help: ArgumentHelp("The plan file to check; the embedded 2021 plan when left out.", valueName: "file"))
  var plan: String?

  @Option(help: ArgumentHelp("The plan year for a plan file that does not give one.", valueName: "year"))
  var year: Int?

  @Option(help: ArgumentHelp("table, csv, tsv, json or markdown.", valueName: "format"))
  var format: String?

  @Flag(help: "Exit with status 4 when anything is found.")
  var strict = false

  func validate() throws {
    if let format, OutputFormat(name: format) == nil {
      throw ValidationError("unknown format '\(format)'; use table, csv, tsv, json or markdown")
    }
  }

  func execute() -> ExitStatus {
    guard let loaded = PlanLoading.load(path: plan, year: year, allowsRepeatedIDs: true) else {
      return .fileError
    }
    let findings = PlanCheck.findings(in: loaded)
    let rows = findings.map { [$0.activityID.map(String.init) ?? "", $0.kind.rawValue, $0.message] }
    let output = OutputFormat(name: format ?? "table") ?? .table
    Console.output(
      TextTable.render(
        headers: ["id", "finding", "detail"], rows: rows, as: output,
        options: OutputOptions(width: Terminal.isTerminal(.standardOutput) ? Terminal.width() : nil)))
    if output == .table {
      Console.output(
        "(\(findings.count) finding\(findings.count == 1 ? "" : "s") in \(loaded.metadata.source))\n")
    }
    return strict && !findings.isEmpty ? .findings : .success
  }
}

/// `sekom diff OLD NEW`: what changed between two versions of a plan.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed between two versions of a plan.",
    discussion: """
      Activities are matched by id: those added and removed, and for the others each column that changed
      (status, när, prio, vem, vad, hur, inriktning). Either file may be 'embedded' for the 2021 plan.
      Exit status: 0; 3 when a plan cannot be read.
      """)

  @Argument(help: ArgumentHelp("The earlier version.", valueName: "old"))
  var old: String

  @Argument(help: ArgumentHelp("The later version.", valueName: "new"))
  var new: String

  @Option(help: ArgumentHelp("The plan year for plan files that do not give one.", valueName: "year"))
  var year: Int?

  @Option(help: ArgumentHelp("table, markdown, csv, tsv or json.", valueName: "format"))
  var format: String?

  func validate() throws {
    if let format, OutputFormat(name: format) == nil {
      throw ValidationError("unknown format '\(format)'; use table, csv, tsv, json or markdown")
    }
  }

  func execute() -> ExitStatus {
    guard let before = PlanLoading.load(path: old == "embedded" ? nil : old, year: year),
      let after = PlanLoading.load(path: new == "embedded" ? nil : new, year: year)
    else { return .fileError }
    let changes = PlanDiff.changes(from: before, to: after)
    let rows = changes.map { change in
      [
        String(change.activityID), change.what, change.field ?? change.kind.rawValue, change.old ?? "",
        change.new ?? "",
      ]
    }
    let output = OutputFormat(name: format ?? "table") ?? .table
    Console.output(
      TextTable.render(
        headers: ["id", "vad", "change", "was", "now"], rows: rows, as: output,
        options: OutputOptions(width: Terminal.isTerminal(.standardOutput) ? Terminal.width() : nil)))
    if output == .table {
      Console.output("(\(changes.count) change\(changes.count == 1 ? "" : "s"))\n")
    }
    return .success
  }
}

/// Loading the plan named on the command line, with the message when it cannot be read.
enum PlanLoading {
  static func load(path: String?, year: Int?, allowsRepeatedIDs: Bool = false) -> Plan? {
    guard let path else { return .embedded2021 }
    do throws(PlanFileError) {
      return try PlanFile.read(
        path: path, options: PlanReadOptions(year: year, allowsRepeatedIDs: allowsRepeatedIDs))
    } catch {
      Console.error(error.description + "\n")
      return nil
    }
  }
}
