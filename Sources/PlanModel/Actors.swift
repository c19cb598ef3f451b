/// The actors (vem) of Sekom's plans and the aliases that fold into them.
///
/// The plans write the same actor in several forms (Kansli, Kansliet); every name is stored in its canonical
/// form, and a query's names are folded the same way, so `vem = Kansliet` finds Kansli's activities.
public enum Actors {
  /// The canonical names, in the order the plan's organisation introduces them.
  public static let known: [String] = [
    "Kansli", "Styrelse", "Ordförande", "Expertgrupp", "Internationella arbetsgruppen", "Medlemmar",
    "Alla medlemmar", "Intresserade medlemmar", "Kontaktjänstepersoner", "Samarbetspartners",
    "Miljöbarometern", "Värdkommunen",
  ]

  /// Other written forms and the canonical name each stands for.
  public static let aliases: [(alias: String, canonical: String)] = [
    ("Kansliet", "Kansli"),
    ("Styrelsen", "Styrelse"),
    ("Expertgruppen", "Expertgrupp"),
    ("Medlemmarna", "Medlemmar"),
    ("internationella gruppen", "Internationella arbetsgruppen"),
  ]

  private static let canonicalByFolded: [String: String] = {
    var table: [String: String] = [:]
    for name in known { table[SwedishCollation.fold(name)] = name }
    for (alias, canonical) in aliases { table[SwedishCollation.fold(alias)] = canonical }
    return table
  }()

  /// Names exactly as they are usually written, for the common case without folding.
  private static let canonicalByExactName: [String: String] = {
    var table: [String: String] = [:]
    for name in known { table[name] = name }
    for (alias, canonical) in aliases { table[alias] = canonical }
    return table
  }()

  /// The canonical form of a name: a known name or alias in any case becomes the known name; any other name
  /// is kept as written, trimmed, so that a new plan's actors survive.
  public static func canonical(_ name: String) -> String {
    if let exact = canonicalByExactName[name] { return exact }
    let trimmed = name.trimmingSpaces
    return canonicalByFolded[SwedishCollation.fold(trimmed)] ?? trimmed
  }

  /// The known name a query's value stands for when, folded, it is a known name or alias (`kansliet` is
  /// Kansli); else the value exactly as written. Not trimmed: a condition looks for what was written, so
  /// `vem = ' Kansli'` is not Kansli and `vem contains ' '` looks for a space, as on every text field.
  public static func named(_ value: String) -> String {
    canonicalByExactName[value] ?? canonicalByFolded[SwedishCollation.fold(value)] ?? value
  }

  /// Whether the name, folded, is a known actor or alias.
  public static func isKnown(_ name: String) -> Bool {
    canonicalByFolded[SwedishCollation.fold(name.trimmingSpaces)] != nil
  }

  /// Splits a list written as in a plan file's `vem` column: names separated by `;`. Split by scalars, so
  /// that a `;` is a separator even before a combining mark, as the plan readers split it.
  public static func parseList(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: ";").map { canonical(String($0)) }.filter { !$0.isEmpty }
  }
}
