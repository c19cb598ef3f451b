/// The words that stand for a day where a time goes, as the keyword table gives its words: the English
/// spelling first, then the Swedish one. They are values, not keywords: quoted, 'today' is a text.
public enum TimeWord {
  /// The day the statement runs: `today`, `idag`.
  public static let today = ["today", "idag"]
}
