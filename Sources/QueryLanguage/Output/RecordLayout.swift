/// Rows written as records: one block per row, a `label: value` line for each field, values wrapped to the
/// width under their first line; blocks apart by a blank line.
///
///     id:     19
///     vad:    Hållbar kommun
///     vem:    Ordförande, Kansli, Samarbetspartners,
///             Medlemmar
struct RecordLayout {
  let labels: [String]
  let width: Int?
  /// Where values start: after the longest label and its colon.
  let indent: Int

  /// The least room for values beside the labels; narrower, a value goes under its label.
  static let leastValueWidth = 12

  init(labels: [String], width: Int?) {
    self.labels = labels
    self.width = width
    indent = (labels.map { TextWidth.of($0) }.max() ?? 0) + 2
  }

  private var besideLabels: Bool { width.map { $0 - indent >= RecordLayout.leastValueWidth } ?? true }

  /// The lines of one record, the labels bold with `color`.
  func lines(of row: [String], color: Bool) -> [String] {
    var out: [String] = []
    for (label, value) in zip(labels, row) {
      let shownLabel = color ? "\u{1B}[1m" + label + ":\u{1B}[0m" : label + ":"
      let labelWidth = TextWidth.of(label) + 1
      if besideLabels {
        let valueLines =
          width.map { TextWidth.wrap(value, width: $0 - indent) }
          ?? value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pad = String(repeating: " ", count: indent - labelWidth)
        let hang = String(repeating: " ", count: indent)
        for (index, line) in valueLines.enumerated() {
          // An empty value leaves no padding after its label.
          out.append(
            line.isEmpty ? (index == 0 ? shownLabel : "") : (index == 0 ? shownLabel + pad : hang) + line)
        }
      } else {
        out.append(shownLabel)
        let valueWidth = max(1, (width ?? 0) - 2)
        for line in TextWidth.wrap(value, width: valueWidth) where !line.isEmpty { out.append("  " + line) }
      }
    }
    return out
  }

  /// How many lines a record takes.
  func height(of row: [String]) -> Int { lines(of: row, color: false).count }
}
