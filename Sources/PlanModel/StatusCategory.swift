/// What a status text means, whatever its wording, so that the board can ask for all paused or all planned
/// activities. The language calls it `kategori`.
///
/// | category      | Swedish form | status texts of that kind                                     |
/// |---------------|--------------|---------------------------------------------------------------|
/// | `ongoing`     | pågår        | Pågår…, På gång, "2 genomförda", "Håller kontakten…", Delvis… |
/// | `planned`     | planerad     | Planeras…, Planering pågår, Diskuteras                        |
/// | `paused`      | vilande      | Vilande…                                                      |
/// | `not started` | ej påbörjad  | Ej påbörjat, Inte påbörjat                                    |
/// | `monitoring`  | bevakar      | Bevakar, Bevakas                                              |
/// | `as needed`   | vid behov    | Efter behov, Vid behov                                        |
/// | `done`        | klar         | Klart, Genomfört, Avslutat                                    |
/// | `none`        | ingen        | empty                                                         |
/// | `other`       | övrig        | any text not understood; it is never guessed                  |
public enum StatusCategory: String, CaseIterable, Sendable {
  case ongoing
  case planned
  case paused
  case notStarted = "not started"
  case monitoring
  case asNeeded = "as needed"
  case done
  case none
  case other

  /// The name the language and the output use.
  public var name: String { rawValue }

  /// The Swedish name, accepted in queries as well.
  public var swedishName: String {
    switch self {
    case .ongoing: "pågår"
    case .planned: "planerad"
    case .paused: "vilande"
    case .notStarted: "ej påbörjad"
    case .monitoring: "bevakar"
    case .asNeeded: "vid behov"
    case .done: "klar"
    case .none: "ingen"
    case .other: "övrig"
    }
  }

  /// The category for a name as a user may write it: English or Swedish, any case.
  public init?(name: String) {
    let folded = SwedishCollation.fold(name)
    guard
      let found = StatusCategory.allCases.first(where: { $0.rawValue == folded || $0.swedishName == folded })
    else { return nil }
    self = found
  }

  /// The category of a status text, read from its first words.
  public init(reading text: String) {
    let folded = SwedishCollation.fold(text).trimmingSpaces
    if folded.isEmpty {
      self = .none
      return
    }
    // Folded texts compare as bytes; String's prefix test would compare them Character by Character.
    let bytes = folded.utf8
    for (prefixes, category) in StatusCategory.rules
    where prefixes.contains(where: { bytes.starts(with: $0.utf8) }) {
      self = category
      return
    }
    // "2 genomförda": a count of what is done so far means the work goes on.
    if let first = bytes.first, (0x30...0x39).contains(first), folded.contains("genomförd") {
      self = .ongoing
      return
    }
    self = .other
  }

  /// Checked in order: "planering pågår" is planned although it contains "pågår".
  private static let rules: [([String], StatusCategory)] = [
    (["pågår", "på gång", "delvis", "håller kontakten", "fortsätter"], .ongoing),
    (["planer", "diskuteras", "under planering"], .planned),
    (["vilande", "vilar", "pausad", "pausat"], .paused),
    (["ej påbörja", "inte påbörja", "ej startad", "inte startad"], .notStarted),
    (["bevak"], .monitoring),
    (["efter behov", "vid behov"], .asNeeded),
    (["klar", "genomför", "avslutad", "avslutat", "slutförd", "slutfört"], .done),
  ]
}
