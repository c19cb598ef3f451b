/// The years a plan can be for, in one range: `--year` and JSON `år` take one, a bare 4-digit number in a
/// `när` text or an imported document is read as one, and a query's `när` compares with one. The bounds
/// keep out amounts ("2500 kr") and ids.
public enum PlanYear {
  public static let range: ClosedRange<Int> = 1900...2100

  /// Whether a number of `digits` digits, as written, is a year.
  public static func isYear(_ value: Int, digits: Int) -> Bool { digits == 4 && range.contains(value) }
}
