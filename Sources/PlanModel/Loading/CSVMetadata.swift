extension Plan {
  /// The metadata a CSV file of this plan leaves out, as phrases for a note ("the annual meeting
  /// 2021-05-28"): CSV holds the activities only. The directions are named only when reading the file back
  /// would not give them again, as the distinct `inriktning` values in order of first use.
  public var metadataLeftOutOfCSV: [String] {
    var left = ["the title", "the plan year \(metadata.year)"]
    if let adopted = metadata.adopted { left.append("the adoption day \(adopted.iso)") }
    if let meeting = metadata.annualMeeting { left.append("the annual meeting \(meeting.iso)") }
    var used: [String] = []
    var seen = Set<String>()
    for activity in activities where !activity.direction.isEmpty && seen.insert(activity.direction).inserted {
      used.append(activity.direction)
    }
    if used != metadata.directions { left.append("the declared inriktningar") }
    let corrections = metadata.corrections.count
    if corrections > 0 { left.append(corrections == 1 ? "the correction" : "the \(corrections) corrections") }
    // The follow-up (issue 10) has no place in CSV either: a plan exported to CSV loses its history.
    let meetings = metadata.boardMeetings.count
    if meetings > 0 { left.append(meetings == 1 ? "the board meeting" : "the \(meetings) board meetings") }
    if !log.isEmpty { left.append(log.count == 1 ? "the log's change" : "the log's \(log.count) changes") }
    return left
  }
}
