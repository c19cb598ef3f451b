/// How a table of text cells fits a terminal's width: the columns' widths, or records when the columns
/// cannot fit legibly (psql's `\x auto`).
///
/// Each column is given at least the room of its widest word (up to `longWord`) and of its header's
/// widest word, so that words break only when they are longer than their column; what is left goes where
/// it shortens the rows most for the room it takes, so that long texts get the room and `id` and `prio`
/// stay narrow. When even those least widths do not fit, or the table would be taller than its records,
/// the result is written as records. The choices are made on a sample of the rows.
struct TableLayout {
  enum Shape: Equatable {
    case table(widths: [Int])
    case records
  }

  /// The longest word a column must hold unbroken; a longer one may break inside.
  static let longWord = 24
  /// The rows the choices are made on, spread over the result, so that a large result costs no more.
  static let sampleSize = 100
  /// How far ahead a column's widths are tried for one that shortens a row.
  static let lookahead = 24
  /// Room taken by the separators: " " before the first column, " │ " between columns.
  static func overhead(columns: Int) -> Int { 1 + 3 * max(0, columns - 1) }

  /// The shape for `headers` and `rows` (already shown as they will be, line feeds kept) at `width`;
  /// natural widths without one.
  static func shape(
    headers: [String], rows: [[String]], natural: [Int], width: Int?, header: Bool, mode: ExpandedMode
  ) -> Shape {
    guard let width else { return mode == .on ? .records : .table(widths: natural) }
    if mode == .on { return .records }
    let available = width - overhead(columns: natural.count)
    if natural.reduce(0, +) <= available { return .table(widths: natural) }
    let sample = sampled(rows)
    var least = natural.indices.map { column in
      var widest = header ? min(longWord, TextWidth.widestPiece(headers[column])) : 0
      for row in sample { widest = max(widest, min(longWord, TextWidth.widestPiece(row[column]))) }
      return max(1, min(natural[column], widest))
    }
    if least.reduce(0, +) > available {
      if mode == .auto { return .records }
      // `.expanded off`: the widest columns give up room until the table fits, as far as it can.
      while least.reduce(0, +) > available, let widest = least.indices.max(by: { least[$0] < least[$1] }),
        least[widest] > 1
      {
        least[widest] -= 1
      }
      return .table(widths: least)
    }
    let widths = distribute(available - least.reduce(0, +), from: least, natural: natural, sample: sample)
    if mode == .auto
      && tableHeight(widths, sample, headers: header ? headers : nil)
        > recordHeight(headers: headers, sample: sample, width: width)
    {
      return .records
    }
    return .table(widths: widths)
  }

  private static func sampled(_ rows: [[String]]) -> [[String]] {
    guard rows.count > sampleSize else { return rows }
    return (0..<sampleSize).map { rows[$0 * rows.count / sampleSize] }
  }

  /// Gives the `spare` room, a few columns at a time, where it shortens the rows most for the room it
  /// takes (looking `lookahead` columns ahead, since a text loses a line only at some widths); what no
  /// column can use so goes first to the columns it makes whole, then to the others still short.
  private static func distribute(_ spare: Int, from least: [Int], natural: [Int], sample: [[String]])
    -> [Int]
  {
    var widths = least
    var spare = spare
    var cache: [[Int: [Int]]] = Array(repeating: [:], count: widths.count)
    func lines(_ column: Int, _ width: Int) -> [Int] {
      if let known = cache[column][width] { return known }
      let counts = sample.map { TextWidth.wrap($0[column], width: width).count }
      cache[column][width] = counts
      return counts
    }
    while spare > 0 {
      let current = widths.indices.map { lines($0, widths[$0]) }
      let heights = sample.indices.map { row in current.map { $0[row] }.max() ?? 1 }
      let total = heights.reduce(0, +)
      var best: (column: Int, step: Int, gain: Double)?
      for column in widths.indices where widths[column] < natural[column] {
        let others = sample.indices.map { row in
          current.indices.filter { $0 != column }.map { current[$0][row] }.max() ?? 1
        }
        for step in 1...min(lookahead, spare, natural[column] - widths[column]) {
          let wider = lines(column, widths[column] + step)
          let height = sample.indices.reduce(0) { $0 + max(others[$1], wider[$1]) }
          guard height < total else { continue }
          let gain = Double(total - height) / Double(step)
          if best == nil || gain > best!.gain { best = (column, step, gain) }
          break
        }
      }
      if let best {
        widths[best.column] += best.step
        spare -= best.step
        continue
      }
      // No one column shortens a row: two or more are as tall in it. A column at a time, the one tallest
      // in the most rows grows, until together they shorten it.
      var score = [Double](repeating: 0, count: widths.count)
      for row in sample.indices where heights[row] > 1 {
        let tall = widths.indices.filter { current[$0][row] == heights[row] && widths[$0] < natural[$0] }
        for column in tall { score[column] += 1 / Double(tall.count) }
      }
      guard let column = score.indices.max(by: { score[$0] < score[$1] }), score[column] > 0 else { break }
      widths[column] += 1
      spare -= 1
    }
    for column in widths.indices.sorted(by: { natural[$0] - widths[$0] < natural[$1] - widths[$1] })
    where widths[column] < natural[column] && natural[column] - widths[column] <= spare {
      spare -= natural[column] - widths[column]
      widths[column] = natural[column]
    }
    while spare > 0,
      let column = widths.indices.filter({ widths[$0] < natural[$0] }).max(by: {
        natural[$0] - widths[$0] < natural[$1] - widths[$1]
      })
    {
      widths[column] += 1
      spare -= 1
    }
    return widths
  }

  private static func tableHeight(_ widths: [Int], _ sample: [[String]], headers: [String]?) -> Int {
    var height = 0
    if let headers {
      height += 1 + (widths.indices.map { TextWidth.wrap(headers[$0], width: widths[$0]).count }.max() ?? 1)
    }
    for row in sample {
      height += widths.indices.map { TextWidth.wrap(row[$0], width: widths[$0]).count }.max() ?? 1
    }
    return height
  }

  private static func recordHeight(headers: [String], sample: [[String]], width: Int) -> Int {
    let label = RecordLayout(labels: headers, width: width)
    return sample.reduce(0) { $0 + label.height(of: $1) + 1 }
  }
}
