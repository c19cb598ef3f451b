/// A value in the follow-up log: the text of a field, the actors of `vem`, a priority, or a whole activity
/// (the one added or removed).
public enum LogValue: Sendable, Equatable {
  case text(String)
  case actors([String])
  case priority(Int?)
  case activity(Activity)

  /// The value as one line of text, as `changes` shows it: actors joined with "; ", no priority as empty,
  /// an activity by its `vad`.
  public var text: String {
    switch self {
    case .text(let text): text
    case .actors(let names): names.joined(separator: "; ")
    case .priority(let priority): priority.map(String.init) ?? ""
    case .activity(let activity): activity.what
    }
  }
}
