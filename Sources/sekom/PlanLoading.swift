import PlanModel

/// Loading the plan named on the command line, with the message when it cannot be read.
enum PlanLoading {
  /// `today`, the day given by --today, gives the plan year of a file that states none.
  /// `columns`: those to read now; a large CSV file leaves the others for when they are asked for.
  static func load(
    path: String?, year: Int?, today: Day? = nil, allowsRepeatedIDs: Bool = false,
    columns: Set<PlanColumn> = Set(PlanColumn.allCases)
  ) -> Plan? {
    guard let path else { return .embedded2021 }
    do throws(PlanFileError) {
      let plan = try PlanFile.read(
        path: path,
        options: PlanReadOptions(
          year: year, allowsRepeatedIDs: allowsRepeatedIDs, defaultYear: today?.year, columns: columns))
      if let note = plan.assumedYearNote { Console.error("\(path): note: \(note)\n") }
      return plan
    } catch {
      Console.error(error.description + "\n")
      return nil
    }
  }
}
