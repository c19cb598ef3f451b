/// One row of a handlingsplan: what is to be done, how, by whom, when, how far it has come, how urgent.
///
/// The Swedish column each property comes from is named in its comment; the query language uses those names.
public struct Activity: Sendable, Equatable {
  /// `id`: the row's number, 1… in document order for the embedded plan.
  public var id: Int
  /// `inriktning`: the main direction (section) the activity belongs to.
  public var direction: String
  /// `vad`: what is to be done. Rows that continue a Vad above them carry that Vad.
  public var what: String
  /// `hur`: how it is done.
  public var how: String
  /// `vem`: who does it, as canonical actor names (aliases such as Kansliet are folded to Kansli).
  public var who: [String]
  /// `när`: the time as written, and the days it stands for when the text is understood.
  public var when: WhenText
  /// `status`: the status as written, and the category it falls into.
  public var status: StatusText
  /// `prio`: 1 (highest) to 3; nil when the plan gives none.
  public var priority: Int?
  /// `kommentar`: the latest follow-up note, empty when there is none. Earlier notes are in the log.
  public var comment: String

  public init(
    id: Int, direction: String, what: String, how: String, who: [String], when: WhenText,
    status: StatusText, priority: Int?, comment: String = ""
  ) {
    self.id = id
    self.direction = direction
    self.what = what
    self.how = how
    self.who = who
    self.when = when
    self.status = status
    self.priority = priority
    self.comment = comment
  }
}

/// A `när` cell: the text as the plan writes it and the interval it is read as, if any.
public struct WhenText: Sendable, Equatable {
  public var text: String
  /// nil when the text names no time ("Vid behov", "Vilande", empty) or is not understood.
  public var interval: DayInterval?

  public init(text: String, interval: DayInterval?) {
    self.text = text
    self.interval = interval
  }
}

/// A `status` cell: the text as the plan writes it and its category.
public struct StatusText: Sendable, Equatable {
  public var text: String
  public var category: StatusCategory

  public init(text: String) {
    self.text = text
    self.category = StatusCategory(reading: text)
  }

  /// A status whose category is known to be what `StatusCategory(reading: text)` gives.
  init(text: String, category: StatusCategory) {
    self.text = text
    self.category = category
  }
}
