/// Why a plan file could not be read: one error type for every problem, from a missing file to a bad cell.
///
/// A plan file is refused whole rather than read in part, so that a query never runs on half a plan. The
/// error names the place the way compilers do, so that an editor or a person can go straight to it:
///
///     plan.csv:12: error: field 'prio': 'hög' is not a whole number
///     plan.csv:1: error: field 'nör': no such column; did you mean 'när'?
///     plan.json: error: cannot open the file: No such file or directory
public struct PlanFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path as it was given.
  public var path: String
  /// The 1-based line the problem is on, or nil when it concerns the whole file.
  public var line: Int?
  /// The plan column or JSON key concerned, in the plan's own words (`när`, `prio`), if any.
  public var field: String?
  /// What is wrong, as a sentence fragment without the place: "'hög' is not a whole number".
  public var message: String

  public init(path: String, line: Int? = nil, field: String? = nil, message: String) {
    self.path = path
    self.line = line
    self.field = field
    self.message = message
  }

  public var description: String {
    var text = path
    if let line { text += ":\(line)" }
    text += ": error: "
    if let field { text += "field '\(field)': " }
    return text + message
  }
}
