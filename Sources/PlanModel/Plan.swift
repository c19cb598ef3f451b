/// A yearly activity plan (verksamhetsplan): its metadata and its activities in plan order.
public struct Plan: Sendable {
  public var metadata: PlanMetadata
  /// The activities in plan order. For a large CSV plan read in part they are held as columns, and made
  /// here anew on each use: what runs statements on such a plan goes through `rowTest`, `activityReader`
  /// and `activities(at:reading:)` instead.
  public var activities: [Activity] {
    get { columns?.activities() ?? heldActivities }
    _modify {
      if let columns {
        heldActivities = columns.activities()
        self.columns = nil
      }
      yield &heldActivities
    }
    set {
      columns = nil
      heldActivities = newValue
    }
  }
  private var heldActivities: [Activity]
  /// The activities of a large CSV plan read in part, held as columns; nil for any other plan.
  var columns: ActivityColumns?
  /// The follow-up log (`logg`), oldest first: every change sekom made to the plan file.
  public var log: [LogEntry] = []
  /// Whether the plan year was not given (by the reader's options, the file, or the years its `när`
  /// texts name) and a default year was used: how the plan was read, not part of the plan.
  public var yearWasAssumed = false
  /// The columns of a large CSV file not read yet (`PlanReadOptions.columns`): empty in every activity
  /// until `readColumns` reads them. Empty for a plan read whole.
  public internal(set) var unreadColumns: Set<PlanColumn> = []
  /// Where the unread columns are read from; nil once every column is read.
  var deferred: DeferredColumns?

  public init(metadata: PlanMetadata, activities: [Activity]) {
    self.metadata = metadata
    self.heldActivities = activities
  }

  /// What to tell the user when the plan year was assumed and some `när` text was read in it; nil
  /// otherwise.
  public var assumedYearNote: String? {
    let readsATime =
      columns.map { $0.whens.contains { $0.interval != nil } }
      ?? activities.contains { $0.when.interval != nil }
    guard yearWasAssumed, readsATime else { return nil }
    return "the plan names no plan year, so its när texts are read in \(metadata.year); "
      + "give the year with --year (or \"år\" in a JSON plan)"
  }

  /// The rules for reading `när` texts in this plan.
  public var timeContext: TimeContext {
    TimeContext(planYear: metadata.year, annualMeeting: metadata.annualMeeting)
  }
}

public struct PlanMetadata: Sendable, Equatable {
  public var title: String
  /// The plan year Y: "Löpande", "våren" and other texts without a year are read in it.
  public var year: Int
  /// The day the board adopted the plan (fastställd), when known.
  public var adopted: Day?
  /// The day of the annual meeting (årsmötet), which "Till årsmötet" runs to.
  public var annualMeeting: Day?
  /// The main directions (inriktningar), in plan order.
  public var directions: [String]
  /// The board's meetings (styrelsemöten), in order, which `last meeting` and `next meeting` name.
  public var boardMeetings: [Day] = []
  /// Corrections made to the source document's text, kept so that a data-quality listing can show them.
  public var corrections: [Correction]
  /// Where the plan came from: a file path, or a description of the embedded plan.
  public var source: String

  public init(
    title: String, year: Int, adopted: Day? = nil, annualMeeting: Day? = nil, directions: [String] = [],
    corrections: [Correction] = [], source: String
  ) {
    self.title = title
    self.year = year
    self.adopted = adopted
    self.annualMeeting = annualMeeting
    self.directions = directions
    self.corrections = corrections
    self.source = source
  }
}

/// A change made to the source document's text when it became plan data.
public struct Correction: Sendable, Equatable {
  public var activityID: Int
  /// The plan column, in the plan's own words: "vem", "när".
  public var field: String
  public var original: String
  public var corrected: String
  public var reason: String

  public init(activityID: Int, field: String, original: String, corrected: String, reason: String) {
    self.activityID = activityID
    self.field = field
    self.original = original
    self.corrected = corrected
    self.reason = reason
  }
}
