import PlanModel

/// Each activity against the months of the plan year, its interval drawn as a bar; activities with no
/// interval are listed after. Fits the terminal's width and reads without colour. Control characters of
/// the texts are shown as pictures wherever it goes, as in tables.
///
///      id  vad                       jan   feb   mar   apr   …
///      42  Årskonferens              ██████████████████████████▌
struct TimelineWriter {
  let options: OutputOptions

  private static let monthNames = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
  ]

  func render(_ result: QueryResult) -> String {
    switch result {
    case .activities(_, _, let rows):
      return chart(rows)
    case .groups(let field, _, _, let groups):
      let charts = groups.map {
        "\(field.name): \(ControlPictures.visible(Cells.groupLabel($0.value, of: field, words: options.words)))\n"
          + chart($0.rows)
      }
      return charts.joined(separator: "\n")
    case .counts, .count:
      return TableWriter(options: options).render(result)
    }
  }

  private func chart(_ rows: [Activity]) -> String {
    let year = options.document?.planYear ?? rows.compactMap { $0.when.interval?.start.year }.first ?? 2021
    let timed = rows.filter { $0.when.interval != nil }
    let untimed = rows.filter { $0.when.interval == nil }
    let idWidth = max(2, rows.map { String($0.id).count }.max() ?? 2)
    let naturalLabel = min(40, max(3, timed.map { ControlPictures.visible($0.what).count }.max() ?? 3))
    // Month cells of 2 to 6 characters, as the width allows; without a terminal, 4.
    var cell = 4
    var labelWidth = naturalLabel
    if let width = options.width {
      let room = width - idWidth - 4
      cell = max(2, min(6, (room - min(naturalLabel, 24)) / 12))
      labelWidth = max(8, min(naturalLabel, room - 12 * cell))
    }
    var out =
      String(repeating: " ", count: idWidth - 2) + "id  " + "vad".padding(labelWidth) + "  "
      + monthLabels(cell: cell).trimmingWhiteSpace(atStart: false) + "\n"
    for row in timed {
      out += String(repeating: " ", count: idWidth - String(row.id).count) + String(row.id) + "  "
      out += truncated(ControlPictures.visible(row.what), labelWidth).padding(labelWidth) + "  "
      out += bar(row.when.interval!, year: year, cell: cell).trimmingWhiteSpace(atStart: false) + "\n"
    }
    if !untimed.isEmpty {
      out += options.words.noTimeGiven + "\n"
      for row in untimed {
        let when = row.when.text.isEmpty ? options.words.whenIsEmpty : ControlPictures.visible(row.when.text)
        out +=
          String(repeating: " ", count: idWidth - String(row.id).count) + String(row.id) + "  "
          + ControlPictures.visible(row.what) + " (\(when))\n"
      }
    }
    return out
  }

  /// The months over their cells: names when a cell holds three letters and a space; else numbers, since
  /// shortened names are ambiguous (ma is mars or maj, ju juni or juli). In cells of two, every other
  /// month is numbered, so that 10, 11 and 12 cannot run together.
  private func monthLabels(cell: Int) -> String {
    if cell >= 4 { return TimelineWriter.monthNames.map { $0.padding(cell) }.joined() }
    if cell == 3 { return (1...12).map { String($0).padding(cell) }.joined() }
    return stride(from: 1, through: 11, by: 2).map { String($0).padding(2 * cell) }.joined()
  }

  /// The bar: full blocks over the days of the interval, `◀` or `▶` where it runs past the year.
  private func bar(_ interval: DayInterval, year: Int, cell: Int) -> String {
    guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
      return ""
    }
    var chars = (0..<(12 * cell)).map { $0 % cell == 0 ? "·" : " " }
    guard interval.end >= first && interval.start <= last else {
      chars[interval.end < first ? 0 : chars.count - 1] = interval.end < first ? "◀" : "▶"
      return chars.joined()
    }
    let start = position(max(interval.start, first), cell: cell)
    let end = position(min(interval.end, last), cell: cell)
    for index in start...end { chars[index] = "█" }
    if interval.start < first { chars[0] = "◀" }
    if interval.end > last { chars[chars.count - 1] = "▶" }
    return chars.joined()
  }

  private func position(_ day: Day, cell: Int) -> Int {
    let (y, m, d) = day.components
    return (m - 1) * cell + (d - 1) * cell / Day.daysIn(month: m, year: y)
  }

  private func truncated(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
