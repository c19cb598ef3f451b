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

      public var severity: Severity {
        switch self {
        case .noTimeOnPurpose, .correction: .note
        default: .problem
        }
      }
    }

    public var kind: Kind
    public var activityID: Int?
    public var message: String

    public var severity: Severity { kind.severity }

    public init(_ kind: Kind, activityID: Int?, message: String) {
      self.kind = kind
      self.activityID = activityID
      self.message = message
    }
  }

  /// Texts that name no time on purpose ("Vid behov", "Vilande"): reported, but as a note.
  static let deliberateNoTime = ["vid behov", "efter behov", "bevaka", "vilande", "delvis genomfört"]

  /// Every finding: the problems in plan order, then the notes in plan order, the corrections made to the
  /// source document last, so that what needs mending is read first.
  public static func findings(in plan: Plan) -> [Finding] {
    var findings: [Finding] = []
    var notes: [Finding] = []
    var firstIndexOfID: [Int: Int] = [:]
    let directions = plan.metadata.directions
    // A plan file without `inriktningar` declares the directions its activities use, so only a JSON
    // plan's own list can leave one out; an undeclared direction sorts after all declared ones.
    let declaredDirections = Set(directions)
    let knownNames = Actors.known + Actors.aliases.map(\.alias)
    // What a text gives, worked out once per distinct text: a large plan repeats a few texts a million
    // times, and a "did you mean" costs a spelling search.
    var directionFindings: [String: (Finding.Kind, String)?] = [:]
    var statusFindings: [String: (Finding.Kind, String)?] = [:]
    var whenFindings: [String: (Finding.Kind, String)?] = [:]
    var actorMessages: [String: String] = [:]
    func once(
      _ cache: inout [String: (Finding.Kind, String)?], _ text: String, _ make: () -> (Finding.Kind, String)?
    )
      -> (Finding.Kind, String)?
    {
      if let known = cache[text] { return known }
      let found = make()
      cache[text] = .some(found)
      return found
    }
    for (index, activity) in plan.activities.enumerated() {
      let id = activity.id
      if let first = firstIndexOfID[id] {
        // Plans carry no file lines, so the activities are counted as they come in the file.
        findings.append(
          Finding(
            .repeatedID, activityID: id,
            message: "id \(id) is used by the \(ordinal(first + 1)) and the \(ordinal(index + 1)) activity"))
      } else {
        firstIndexOfID[id] = index
      }
      let direction = once(&directionFindings, activity.direction) {
        if activity.direction.trimmingSpaces.isEmpty { return (.missingDirection, "inriktning is empty") }
        guard !declaredDirections.contains(activity.direction) else { return nil }
        var message = "'\(activity.direction)' is not one of the plan's inriktningar"
        if let near = Spelling.nearest(activity.direction, in: directions) {
          message += "; did you mean '\(near)'?"
        }
        return (.undeclaredDirection, message)
      }
      let status = once(&statusFindings, activity.status.text) {
        let statusText = activity.status.text.trimmingSpaces
        if statusText.isEmpty { return (.missingStatus, "the status is empty") }
        return activity.status.category == .other
          ? (.unknownStatus, "'\(statusText)' fits no status category") : nil
      }
      let when = once(&whenFindings, activity.when.text) {
        let whenText = activity.when.text.trimmingSpaces
        if whenText.isEmpty { return (.missingTime, "när is empty") }
        guard activity.when.interval == nil else { return nil }
        let folded = SwedishCollation.fold(whenText)
        return deliberateNoTime.contains(where: { folded.hasPrefix($0) })
          ? (.noTimeOnPurpose, "'\(whenText)' names no time")
          : (.timeNotUnderstood, "'\(whenText)' gives no interval")
      }
      for (kind, message) in [direction, status, when].compactMap({ $0 }) {
        let finding = Finding(kind, activityID: id, message: message)
        if finding.severity == .note { notes.append(finding) } else { findings.append(finding) }
      }
      if activity.who.isEmpty {
        findings.append(Finding(.missingActor, activityID: id, message: "vem is empty"))
      }
      for actor in activity.who where !Actors.known.contains(actor) {
        let message: String
        if let known = actorMessages[actor] {
          message = known
        } else {
          var made = "'\(actor)' is not a known actor"
          if let near = Spelling.nearest(actor, in: knownNames) {
            made += "; did you mean '\(Actors.canonical(near))'?"
          }
          actorMessages[actor] = made
          message = made
        }
        findings.append(Finding(.unknownActor, activityID: id, message: message))
      }
      if let priority = activity.priority {
        if !(1...3).contains(priority) {
          findings.append(Finding(.priorityOutOfRange, activityID: id, message: "prio is \(priority)"))
        }
      } else {
        findings.append(Finding(.missingPriority, activityID: id, message: "prio is empty"))
      }
    }
    for correction in plan.metadata.corrections {
      notes.append(
        Finding(
          .correction, activityID: correction.activityID,
          message:
            "\(correction.field): '\(correction.original)' → '\(correction.corrected)' (\(correction.reason))"
        ))
    }
    return findings + notes
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
