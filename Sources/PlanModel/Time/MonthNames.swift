/// The names of the months, January first: Swedish as the plans write dates ("28 maj 2021"), English as
/// sekom's messages do. The one list; the `när` lexer's table adds the abbreviations plans use.
public enum MonthNames {
  public static let swedish = [
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december",
  ]
  public static let english = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
}
