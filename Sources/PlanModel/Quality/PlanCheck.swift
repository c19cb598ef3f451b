/// A data-quality review of a plan: what the kansli should look at before the plan is used or sent on.
public enum PlanCheck {
  public struct Finding: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
      case missingStatus = "no status"
      case missingTime = "no time"
      case timeWithoutInterval = "time gives no interval"
      case unknownStatus = "status not understood"
      case unknownActor = "unknown actor"
      case missingPriority = "no prio"
      case priorityOutOfRange = "prio outside 1–3"
      case repeatedID = "repeated id"
      case correction = "corrected"
    }

    public var kind: Kind
    public var activityID: Int?
    public var message: String

    public init(_ kind: Kind, activityID: Int?, message: String) {
      self.kind = kind
      self.activityID = activityID
      self.message = message
    }
  }

  /// Texts that name no time on purpose ("Vid behov", "Vilande"): reported, but as meant.
  static let deliberateNoTime = ["vid behov", "efter behov", "bevaka", "vilande", "delvis genomfört"]

  /// Every finding, in plan order; corrections made to the source document come last.
  public static func findings(in plan: Plan) -> [Finding] {
    var findings: [Finding] = []
    var firstIndexOfID: [Int: Int] = [:]
    for (index, activity) in plan.activities.enumerated() {
      let id = activity.id
      if let first = firstIndexOfID[id] {
        findings.append(
          Finding(
            .repeatedID, activityID: id, message: "id \(id) is used by rows \(first + 1) and \(index + 1)"))
      } else {
        firstIndexOfID[id] = index
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
        let deliberate = deliberateNoTime.contains { folded.hasPrefix($0) }
        findings.append(
          Finding(
            .timeWithoutInterval, activityID: id,
            message: deliberate
              ? "'\(whenText)' names no time (as meant)" : "'\(whenText)' is not understood as a time"))
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
    return findings
  }
}
