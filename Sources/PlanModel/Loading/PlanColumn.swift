/// The columns of a plan file, in the order sekom writes them, with the names the files use.
public enum PlanColumn: Int, CaseIterable, Sendable {
  case id, direction, what, how, who, when, status, priority

  /// The name in a CSV header or a JSON activity, which the query language's fields also use.
  public var name: String {
    switch self {
    case .id: "id"
    case .direction: "inriktning"
    case .what: "vad"
    case .how: "hur"
    case .who: "vem"
    case .when: "när"
    case .status: "status"
    case .priority: "prio"
    }
  }

  /// The column a header or key names: any case, and `nar` for `när` (keyboards without å, ä, ö).
  init?(name: String) {
    let key = PlanColumn.lookupKey(name)
    guard let column = PlanColumn.allCases.first(where: { $0.name == key }) else { return nil }
    self = column
  }

  /// The one rule for the name of a column or a query field as written: any case, and `nar` for `när`.
  /// What it returns is compared with the names as sekom writes them.
  public static func lookupKey(_ name: String) -> String {
    let folded = SwedishCollation.fold(name)
    return folded == "nar" ? PlanColumn.when.name : folded
  }

  static var names: [String] { allCases.map(\.name) }
}
