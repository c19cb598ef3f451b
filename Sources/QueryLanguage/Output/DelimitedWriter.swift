import PlanModel

/// CSV (RFC 4180) and TSV. `vem` is joined with "; " as in plan files, so that CSV output of whole
/// activities reads back as a plan.
struct DelimitedWriter {
  enum Style { case csv, tsv }

  let style: Style
  let header: Bool

  func render(_ result: QueryResult) -> String {
    var out = ""
    switch result {
    case .activities(let columns, _, let rows):
      if header { line(columns.map(\.name), into: &out) }
      let cells = columns.map { Cells.text($0, actorSeparator: "; ") }
      for row in rows { line(cells.map { $0(row) }, into: &out) }
    case .groups(let field, let columns, _, let groups):
      if header { line([field.name] + columns.map(\.name), into: &out) }
      let cells = columns.map { Cells.text($0, actorSeparator: "; ") }
      for group in groups {
        for row in group.rows { line([group.value] + cells.map { $0(row) }, into: &out) }
      }
    case .counts(let field, let entries):
      if header { line([field.name, Cells.countHeader], into: &out) }
      for entry in entries { line([entry.value, String(entry.count)], into: &out) }
    case .count(let n):
      out = "\(n)\n"
    }
    return out
  }

  func line(_ fields: [String], into out: inout String) {
    out += fields.map(escape).joined(separator: style == .csv ? "," : "\t")
    out += "\n"
  }

  private func escape(_ field: String) -> String {
    switch style {
    case .csv:
      let needsQuotes = field.utf8.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
          || $0 == UInt8(ascii: "\r")
      }
      return needsQuotes ? "\"" + field.replacing("\"", with: "\"\"") + "\"" : field
    case .tsv:
      guard field.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 || $0 == 92 }) else { return field }
      return field.replacing("\\", with: "\\\\").replacing("\t", with: "\\t").replacing("\n", with: "\\n")
        .replacing("\r", with: "\\r")
    }
  }
}
