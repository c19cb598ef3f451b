import PlanModel

/// The heading of a report for the meeting papers.
public struct DocumentInfo: Sendable {
  public var title: String
  public var planTitle: String
  public var planSource: String
  public var planYear: Int
  /// The day the report was made (`--today` fixes it).
  public var made: Day
  /// Whether the title was given, by `--title` or a script's header comment, rather than made from the
  /// statement: only then is an ungrouped result in markdown a document.
  public var titleGiven: Bool
  /// The language of the byline.
  public var language: ReportLanguage

  public init(
    title: String, titleGiven: Bool = true, planTitle: String, planSource: String, planYear: Int, made: Day,
    language: ReportLanguage = .en
  ) {
    self.language = language
    self.title = title
    self.titleGiven = titleGiven
    self.planTitle = planTitle
    self.planSource = planSource
    self.planYear = planYear
    self.made = made
  }

  /// "Plan: …. Made 2021-09-15."
  var byline: String {
    ReportWords(language).byline(planTitle: planTitle, planSource: planSource, made: made)
  }
}
