/// The words that stand for a day where a time goes, as the keyword table gives its words: the English
/// spelling first, then the Swedish one. They are values, not keywords: quoted, 'today' is a text.
public enum TimeWord {
  /// The day the statement runs: `today`, `idag`.
  public static let today = ["today", "idag"]
}

extension TimeWord {
  /// The board's latest meeting on or before today: `last meeting`, `senaste mötet`. Written quoted, as
  /// any value of two words.
  public static let lastMeeting = [
    "last meeting", "senaste mötet", "senaste styrelsemötet", "förra mötet", "förra styrelsemötet",
  ]
  /// The board's first meeting after today: `next meeting`, `nästa möte`.
  public static let nextMeeting = ["next meeting", "nästa möte", "nästa styrelsemöte"]
}
