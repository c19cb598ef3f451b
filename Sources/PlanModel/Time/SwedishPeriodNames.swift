extension SwedishTime {
  /// The periods of a year as a user would write them, to offer where a time goes: the year, its seasons
  /// and its months ("våren 2021", "maj 2021"), and the annual meeting when the context knows its day.
  /// Only names the reader reads in `context` are given, so each one works as a time.
  public static func periodNames(in context: TimeContext) -> [String] {
    let year = String(context.planYear)
    let seasons = ["våren", "sommaren", "hösten"].map { "\($0) \(year)" }
    let months = MonthNames.swedish.map { "\($0) \(year)" }
    return ([year] + seasons + months + ["årsmötet"]).filter { interval(of: $0, in: context) != nil }
  }
}
