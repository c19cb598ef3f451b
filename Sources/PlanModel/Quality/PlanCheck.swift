/// A data-quality review of a plan: what the kansli should look at before the plan is used or sent on.
public enum PlanCheck {
  public struct Finding: Sendable, Equatable {
    /// A problem is something to mend; a note is only information, such as a "Vid behov" written on
    /// purpose or a correction already made, so `check --strict` passes a plan that has only notes.
    public enum Severity: String, Sendable, CaseIterable {
      case problem, note
    }

    public enum Kind: String, Sendable, CaseIterable {
      case missingStatus = "no status"
      case missingTime = "no time"
      case timeNotUnderstood = "time not understood"
      case noTimeOnPurpose = "no time on purpose"
      case unknownStatus = "status not understood"
      case missingActor = "no vem"
      case unknownActor = "unknown actor"
      case missingDirection = "no inriktning"
      case undeclaredDirection = "inriktning not declared"
      case missingPriority = "no prio"
      case priorityOutOfRange = "prio outside 1–3"
      case repeatedID = "repeated id"
      case correction = "corrected"
      /// The plan differs from what its follow-up log says: a hand edit, a note (issue 10).
      case outsideTheLog = "not in the log"

      public var severity: Severity {
        switch self {
        case .noTimeOnPurpose, .correction, .outsideTheLog: .note
        default: .problem
        }
      }
    }

    public var kind: Kind
    public var activityID: Int?
    public var message: String
    /// The texts the message is made of, in its order, for saying it in another language: the text found
    /// and, where there is one, the nearest known one; for a repeated id the id and the two positions; for
    /// a correction the field, the original, the correction and the reason.
    public var texts: [String]

    public var severity: Severity { kind.severity }

    public init(_ kind: Kind, activityID: Int?, message: String, texts: [String] = []) {
      self.kind = kind
      self.activityID = activityID
      self.message = message
      self.texts = texts
    }
  }

  /// Texts that name no time on purpose ("Vid behov", "Vilande"): reported, but as a note.
  static let deliberateNoTime = ["vid behov", "efter behov", "bevaka", "vilande", "delvis genomfört"]

  /// Every finding: the problems in plan order, then the notes in plan order, the corrections made to the
  /// source document last, so that what needs mending is read first.
  public static func findings(in plan: Plan) -> [Finding] {
    var review = Review(plan: plan)
    var findings: [Finding] = []
    var notes: [Finding] = []
    for (index, activity) in plan.activities.enumerated() {
      if let repeated = review.repeatedID(activity, at: index) { findings.append(repeated) }
      let texts = [review.direction(activity), review.status(activity), review.time(activity)]
      for finding in texts.compactMap({ $0 }) {
        if finding.severity == .note { notes.append(finding) } else { findings.append(finding) }
      }
      if let missing = review.missingActor(activity) { findings.append(missing) }
      findings += review.unknownActors(activity)
      if let priority = review.priority(activity) { findings.append(priority) }
    }
    // A change made outside sekom is a note, not an error: the log says what sekom did, the plan is the
    // plan. The last of these texts is the kind, for saying it in another language.
    let outside = plan.logDiscrepancies().reversed().map {
      Finding(
        .outsideTheLog, activityID: $0.activityID, message: $0.message, texts: $0.texts + [$0.kind.rawValue])
    }
    return findings + notes + review.corrections() + outside
  }

  /// The findings of each kind for one activity, with what a text gives worked out once per distinct
  /// text: a large plan repeats a few texts a million times, and a "did you mean" costs a spelling search.
  struct Review {
    let plan: Plan
    /// A plan file without `inriktningar` declares the directions its activities use, so only a JSON
    /// plan's own list can leave one out; an undeclared direction sorts after all declared ones.
    let declaredDirections: Set<String>
    let knownNames = Actors.known + Actors.aliases.map(\.alias)
    var firstIndexOfID: [Int: Int] = [:]
    var directionFindings: [String: (Finding.Kind, String, [String])?] = [:]
    var statusFindings: [String: (Finding.Kind, String, [String])?] = [:]
    var whenFindings: [String: (Finding.Kind, String, [String])?] = [:]
    var actorMessages: [String: (message: String, texts: [String])] = [:]

    init(plan: Plan) {
      self.plan = plan
      declaredDirections = Set(plan.metadata.directions)
    }

    private func once(
      _ cache: inout [String: (Finding.Kind, String, [String])?], _ text: String, id: Int,
      _ make: () -> (Finding.Kind, String, [String])?
    ) -> Finding? {
      let found: (Finding.Kind, String, [String])?
      if let known = cache[text] {
        found = known
      } else {
        found = make()
        cache[text] = .some(found)
      }
      return found.map { Finding($0.0, activityID: id, message: $0.1, texts: $0.2) }
    }

    mutating func repeatedID(_ activity: Activity, at index: Int) -> Finding? {
      let id = activity.id
      guard let first = firstIndexOfID[id] else {
        firstIndexOfID[id] = index
        return nil
      }
      // Plans carry no file lines, so the activities are counted as they come in the file.
      return Finding(
        .repeatedID, activityID: id,
        message: "id \(id) is used by the \(ordinal(first + 1)) and the \(ordinal(index + 1)) activity",
        texts: [String(id), String(first + 1), String(index + 1)])
    }

    mutating func direction(_ activity: Activity) -> Finding? {
      let directions = plan.metadata.directions
      let declared = declaredDirections
      return once(&directionFindings, activity.direction, id: activity.id) {
        if activity.direction.trimmingSpaces.isEmpty { return (.missingDirection, "inriktning is empty", []) }
        guard !declared.contains(activity.direction) else { return nil }
        var message = "'\(activity.direction)' is not one of the plan's inriktningar"
        var texts = [activity.direction]
        if let near = Spelling.nearest(activity.direction, in: directions) {
          message += "; did you mean '\(near)'?"
          texts.append(near)
        }
        return (.undeclaredDirection, message, texts)
      }
    }

    mutating func status(_ activity: Activity) -> Finding? {
      once(&statusFindings, activity.status.text, id: activity.id) {
        let statusText = activity.status.text.trimmingSpaces
        if statusText.isEmpty { return (.missingStatus, "the status is empty", []) }
        return activity.status.category == .other
          ? (.unknownStatus, "'\(statusText)' fits no status category", [statusText]) : nil
      }
    }

    mutating func time(_ activity: Activity) -> Finding? {
      once(&whenFindings, activity.when.text, id: activity.id) {
        let whenText = activity.when.text.trimmingSpaces
        if whenText.isEmpty { return (.missingTime, "när is empty", []) }
        guard activity.when.interval == nil else { return nil }
        let folded = SwedishCollation.fold(whenText)
        return deliberateNoTime.contains(where: { folded.hasPrefix($0) })
          ? (.noTimeOnPurpose, "'\(whenText)' names no time", [whenText])
          : (.timeNotUnderstood, "'\(whenText)' gives no interval", [whenText])
      }
    }

    func missingActor(_ activity: Activity) -> Finding? {
      activity.who.isEmpty ? Finding(.missingActor, activityID: activity.id, message: "vem is empty") : nil
    }

    mutating func unknownActors(_ activity: Activity) -> [Finding] {
      var findings: [Finding] = []
      for actor in activity.who where !Actors.known.contains(actor) {
        let message: (message: String, texts: [String])
        if let known = actorMessages[actor] {
          message = known
        } else {
          var made = ("'\(actor)' is not a known actor", [actor])
          if let near = Spelling.nearest(actor, in: knownNames) {
            made.0 += "; did you mean '\(Actors.canonical(near))'?"
            made.1.append(Actors.canonical(near))
          }
          actorMessages[actor] = made
          message = made
        }
        findings.append(
          Finding(.unknownActor, activityID: activity.id, message: message.message, texts: message.texts))
      }
      return findings
    }

    func priority(_ activity: Activity) -> Finding? {
      guard let priority = activity.priority else {
        return Finding(.missingPriority, activityID: activity.id, message: "prio is empty")
      }
      return (1...3).contains(priority)
        ? nil
        : Finding(
          .priorityOutOfRange, activityID: activity.id, message: "prio is \(priority)",
          texts: [String(priority)])
    }

    func corrections() -> [Finding] {
      plan.metadata.corrections.map { correction in
        Finding(
          .correction, activityID: correction.activityID,
          message:
            "\(correction.field): '\(correction.original)' → '\(correction.corrected)' (\(correction.reason))",
          texts: [correction.field, correction.original, correction.corrected, correction.reason])
      }
    }
  }

  /// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
  static func ordinal(_ n: Int) -> String {
    let suffix =
      switch (n % 10, n % 100) {
      case (_, 11...13): "th"
      case (1, _): "st"
      case (2, _): "nd"
      case (3, _): "rd"
      default: "th"
      }
    return "\(n)\(suffix)"
  }
}
