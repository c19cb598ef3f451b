import PlanModel

/// A `timeline` in the machine formats: the chart's data instead of its drawing, so that a JSON stream
/// stays JSON (`| jq`) and CSV stays CSV. For each activity, in result order: `id`, `vad`, `start`, `slut`
/// and `månader`, the months its interval covers as `YYYY-MM`; an activity without an interval has no
/// start, end or months (null and [] in JSON, empty cells in CSV and TSV, where the months are joined by
/// spaces). Groups are written as the format writes groups; a count is written as it always is.
struct TimelineDataWriter {
  let format: OutputFormat
  let options: OutputOptions

  private static let fields: [Field] = [.id, .what, .start, .end]
  private static let monthsName = "månader"

  func render(_ result: QueryResult) -> String {
    switch format {
    case .json: return json(result)
    case .csv, .tsv: return delimited(result)
    case .table, .markdown, .html, .timeline: return ResultWriter.render(result, as: format, options: options)
    }
  }

  /// Whether a `timeline` in this format is written as data rather than drawn.
  static func isData(_ format: OutputFormat) -> Bool {
    switch format {
    case .json, .csv, .tsv: true
    case .table, .markdown, .html, .timeline: false
    }
  }

  /// The months from the interval's first to its last, each once.
  static func months(_ interval: DayInterval?) -> [String] {
    guard let interval else { return [] }
    let (startYear, startMonth, _) = interval.start.components
    let (endYear, endMonth, _) = interval.end.components
    var months: [String] = []
    var (year, month) = (startYear, startMonth)
    while (year, month) <= (endYear, endMonth) {
      months.append(String(year) + "-" + (month < 10 ? "0" : "") + String(month))
      (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
    }
    return months
  }

  private func json(_ result: QueryResult) -> String {
    let writer = JSONWriter(words: options.words)
    func object(_ activity: Activity, indent: String) -> String {
      let interval = activity.when.interval
      let members = [
        (Field.id.name, String(activity.id)),
        (Field.what.name, writer.string(activity.what)),
        (Field.start.name, interval.map { writer.string($0.start.iso) } ?? "null"),
        (Field.end.name, interval.map { writer.string($0.end.iso) } ?? "null"),
        (
          TimelineDataWriter.monthsName,
          "[" + TimelineDataWriter.months(interval).map(writer.string).joined(separator: ", ") + "]"
        ),
      ]
      return "\(indent){"
        + members.map { "\n\(indent)  \(writer.string($0.0)): \($0.1)" }.joined(separator: ",")
        + "\n\(indent)}"
    }
    func array(_ items: [String], indent: String) -> String {
      items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n\(indent)]"
    }
    switch result {
    case .activities(_, _, let rows):
      return array(rows.map { object($0, indent: "  ") }, indent: "") + "\n"
    case .groups(let field, _, _, let groups):
      let items = groups.map { group in
        let activities = array(group.rows.map { object($0, indent: "      ") }, indent: "    ")
        return "  {\n    \(writer.string(field.name)): \(writer.groupValue(group.value, of: field)),\n"
          + "    \"aktiviteter\": \(activities)\n  }"
      }
      return array(items, indent: "") + "\n"
    case .counts, .count:
      return writer.render(result)
    }
  }

  private func delimited(_ result: QueryResult) -> String {
    let writer = DelimitedWriter(
      style: format == .csv ? .csv : .tsv, header: options.header, words: options.words)
    let headers = TimelineDataWriter.fields.map(\.name) + [TimelineDataWriter.monthsName]
    func cells(_ activity: Activity) -> [String] {
      let interval = activity.when.interval
      return [
        String(activity.id), activity.what, interval?.start.iso ?? "", interval?.end.iso ?? "",
        TimelineDataWriter.months(interval).joined(separator: " "),
      ]
    }
    var out: [UInt8] = []
    switch result {
    case .activities(_, _, let rows):
      if options.header { writer.line(headers, into: &out) }
      for row in rows { writer.line(cells(row), into: &out) }
    case .groups(let field, _, _, let groups):
      if options.header { writer.line([field.name] + headers, into: &out) }
      for group in groups {
        let value = Cells.groupValue(group.value, of: field, words: options.words)
        for row in group.rows { writer.line([value] + cells(row), into: &out) }
      }
    case .counts, .count:
      return writer.render(result)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
