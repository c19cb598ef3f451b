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
    var firstIndexOfID: [Int: Int] = [:]
    let directions = plan.metadata.directions
    // A plan file without `inriktningar` declares the directions its activities use, so only a JSON
    // plan's own list can leave one out; an undeclared direction sorts after all declared ones.
    let declaredDirections = Set(directions)
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
      if activity.direction.trimmingSpaces.isEmpty {
        findings.append(Finding(.missingDirection, activityID: id, message: "inriktning is empty"))
      } else if !declaredDirections.contains(activity.direction) {
        var message = "'\(activity.direction)' is not one of the plan's inriktningar"
        if let near = Spelling.nearest(activity.direction, in: directions) {
          message += "; did you mean '\(near)'?"
        }
        findings.append(Finding(.undeclaredDirection, activityID: id, message: message))
      }
      let statusText = activity.status.text.trimmingSpaces
      if statusText.isEmpty {
        findings.append(Finding(.missingStatus, activityID: id, message: "the status is empty"))
      } else if activity.status.category == .other {
        findings.append(
          Finding(.unknownStatus, activityID: id, message: "'\(statusText)' fits no status category"))
      }
      let whenText = activity.when.text.trimmingSpaces
      if whenText.isEmpty {
        findings.append(Finding(.missingTime, activityID: id, message: "när is empty"))
      } else if activity.when.interval == nil {
        let folded = SwedishCollation.fold(whenText)
        if deliberateNoTime.contains(where: { folded.hasPrefix($0) }) {
          findings.append(Finding(.noTimeOnPurpose, activityID: id, message: "'\(whenText)' names no time"))
        } else {
          findings.append(
            Finding(.timeNotUnderstood, activityID: id, message: "'\(whenText)' gives no interval"))
        }
      }
      if activity.who.isEmpty {
        findings.append(Finding(.missingActor, activityID: id, message: "vem is empty"))
      }
      for actor in activity.who where !Actors.known.contains(actor) {
        var message = "'\(actor)' is not a known actor"
        if let near = Spelling.nearest(actor, in: Actors.known + Actors.aliases.map(\.alias)) {
          message += "; did you mean '\(Actors.canonical(near))'?"
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
      findings.append(
        Finding(
          .correction, activityID: correction.activityID,
          message:
            "\(correction.field): '\(correction.original)' → '\(correction.corrected)' (\(correction.reason))"
        ))
    }
    return findings.filter { $0.severity == .problem } + findings.filter { $0.severity == .note }
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
