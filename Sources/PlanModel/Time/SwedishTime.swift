/// Placeholder until the Swedish time reader lands.
public enum SwedishTime {
  public static func interval(of text: String, in context: TimeContext) -> DayInterval? { nil }
}
