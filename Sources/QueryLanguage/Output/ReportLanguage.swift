/// The language of the words sekom writes around the plan's data: footers, headings, bylines, category
/// names, the reports of `check` and `diff`. The data itself and the field names are Swedish either way.
public enum ReportLanguage: String, CaseIterable, Sendable {
  case en, sv

  /// The language the environment asks for, as POSIX orders it: the first of `LC_ALL`, `LC_MESSAGES` and
  /// `LANG` that is set and not empty decides; a locale named `sv` or `sv_…` (`sv_SE.UTF-8`, `sv_FI`) is
  /// Swedish, any other English.
  public static func fromEnvironment(_ variable: (String) -> String?) -> ReportLanguage {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = variable(name), !value.isEmpty else { continue }
      return isSwedish(locale: value) ? .sv : .en
    }
    return .en
  }

  /// Whether a locale name (`language[_territory][.codeset][@modifier]`) names Swedish.
  static func isSwedish(locale: String) -> Bool {
    let language = locale.prefix { $0 != "_" && $0 != "." && $0 != "@" }
    return language == "sv"
  }
}
