extension HandlingsplanImporter {
  /// A table row once page breaks are joined: one activity. Its Vad is its group's, see `Assembly`.
  struct JoinedRow: Sendable {
    var line: Int
    var direction: Int
    /// The cells; the Vad cell is as written and not used, since the group's Vad may have grown since.
    var cells: RowCells
    /// Index into `Assembly.vads`.
    var vadGroup: Int
  }

  /// A row split by a page break and joined again.
  struct Join: Sendable {
    /// Index into `Assembly.rows` of the joined row.
    var row: Int
    /// The line of the fragment that was joined to the row.
    var line: Int
    /// The column whose text shows the join best: Hur if it was split, else the first text column that was.
    var column: Column
    var above: String
    var below: String
    var joined: String
  }

  /// The activities' rows, the Vad of each group of rows and the joins made.
  ///
  /// A Vad cell the rows below leave empty is, in the original document, one cell merged down the rows; it
  /// is kept once per group so that a page break that splits it (the rest of the Vad on a later line)
  /// corrects the Vad of every row in the group, not just the last one.
  struct Assembly: Sendable {
    var rows: [JoinedRow] = []
    var vads: [String] = []
    var joins: [Join] = []
    /// The line each of `vads` was first written on.
    var vadLines: [Int] = []
    /// The bytes of text the joins keep for their corrections: a row split many times keeps its whole
    /// text once for each split, which the importer bounds.
    var joinedText = 0
  }

  /// Carries each Vad down to the rows below it and joins rows a page break has split.
  ///
  /// A page break in the source table splits a row in two: in the text export the rest of the row follows
  /// an empty line, with empty cells where the row had nothing more to say. The rest is recognised by
  /// evidence, never by position: it follows a gap, it lacks a Prio of its own (one part has none), its Vad
  /// is empty or continues the Vad above, and at least one text cell continues the text above it, which
  /// ends without sentence punctuation while the rest starts in lower case. A gap before a row that fails
  /// this is reported too, since a reader may wonder about it.
  enum RowJoiner {
    /// The columns whose text can show that a line continues the one above. Vem is not among them: actor
    /// names start with a capital and end without punctuation, so they would show nothing.
    private static let textColumns: [Column] = [.vad, .hur, .när, .status]

    /// The order in which a join's correction picks the column it shows.
    private static let shownColumns: [Column] = [.hur, .vad, .status, .när, .vem]

    /// Adds the next row of the tables: a row of its own, or the rest of the row above.
    static func add(_ row: TableRow, to assembly: inout Assembly, notes: inout [ImportNote]) {
      let above = assembly.rows.last.flatMap { $0.direction == row.direction ? $0 : nil }
      if let above, let gap = row.gap {
        let vadAbove = assembly.vads[above.vadGroup]
        if let reason = separation(above: above, vadAbove: vadAbove, below: row) {
          let id = assembly.rows.count + 1
          notes.append(
            ImportNote(
              line: row.line, activityID: id,
              message: "not the rest of the row above, despite the gap on line \(gap): \(reason)"))
        } else {
          join(row, into: &assembly, notes: &notes)
          return
        }
      }
      let id = assembly.rows.count + 1
      var group = assembly.vads.count
      if !row.cells[.vad].isEmpty {
        assembly.vads.append(row.cells[.vad])
        assembly.vadLines.append(row.line)
      } else if let above {
        group = above.vadGroup
        notes.append(
          ImportNote(
            line: row.line, activityID: id,
            message: "empty Vad: the row carries the Vad of line \(assembly.vadLines[group])"))
      } else {
        assembly.vads.append("")
        assembly.vadLines.append(row.line)
        notes.append(
          ImportNote(
            line: row.line, activityID: id,
            message: "empty Vad and no Vad above it in the section: the Vad is left empty"))
      }
      assembly.rows.append(
        JoinedRow(line: row.line, direction: row.direction, cells: row.cells, vadGroup: group))
    }

    /// Why `below` is a row of its own rather than the rest of `above`; nil when it is the rest.
    private static func separation(above: JoinedRow, vadAbove: String, below: TableRow) -> String? {
      if !above.cells[.prio].isEmpty && !below.cells[.prio].isEmpty {
        return "it has a Prio of its own"
      }
      let vad = below.cells[.vad]
      if !vad.isEmpty && !continues(vadAbove, vad) {
        return "its Vad starts a new one"
      }
      let continuing = textColumns.contains { column in
        continues(column == .vad ? vadAbove : above.cells[column], below.cells[column])
      }
      return continuing ? nil : "none of its cells continues the text above it"
    }

    /// Whether `below` reads as the rest of `above`: `above` stops without ending a sentence and `below`
    /// goes on in lower case ("… en stående punkt på" / "styrelsemöten om …").
    static func continues(_ above: String, _ below: String) -> Bool {
      guard let last = above.last, let first = below.first else { return false }
      return first.isLetter && first.isLowercase && !".!?".contains(last)
    }

    /// Joins `fragment` to the last row: text cells with a space, the Vad in its group, the Prio from the
    /// part that has one.
    private static func join(_ fragment: TableRow, into assembly: inout Assembly, notes: inout [ImportNote]) {
      let index = assembly.rows.count - 1
      var row = assembly.rows[index]
      var joined: [Column] = []
      var shown: Join?
      for column in Column.allCases {
        let below = fragment.cells[column]
        guard !below.isEmpty else { continue }
        joined.append(column)
        let above = column == .vad ? assembly.vads[row.vadGroup] : row.cells[column]
        let whole = above.isEmpty || column == .prio ? below : above + " " + below
        if column == .vad { assembly.vads[row.vadGroup] = whole } else { row.cells[column] = whole }
        let rank = shownColumns.firstIndex(of: column) ?? shownColumns.count
        if !above.isEmpty, column != .prio,
          rank < (shown.flatMap { shownColumns.firstIndex(of: $0.column) } ?? Int.max)
        {
          shown = Join(
            row: index, line: fragment.line, column: column, above: above, below: below, joined: whole)
        }
      }
      assembly.rows[index] = row
      if let shown {
        assembly.joins.append(shown)
        assembly.joinedText += shown.above.utf8.count + shown.below.utf8.count + shown.joined.utf8.count
      }
      let names = joined.map(\.header).joined(separator: ", ")
      notes.append(
        ImportNote(
          line: fragment.line, activityID: index + 1,
          message: "row split by a page break: this line continues the row of line \(row.line) (\(names))"))
    }
  }
}
