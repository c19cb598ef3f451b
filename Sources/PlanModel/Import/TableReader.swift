extension HandlingsplanImporter {
  /// The columns of a handlingsplan table, in the order the header row usually has them.
  enum Column: Int, CaseIterable, Sendable {
    case vad, hur, vem, när, status, prio

    /// The name as the plan's header writes it.
    var header: String {
      switch self {
      case .vad: "Vad"
      case .hur: "Hur"
      case .vem: "Vem"
      case .när: "När/Resurs"
      case .status: "Status"
      case .prio: "Prio"
      }
    }

    /// The name a `Correction` gives the column: the plan's own word, lower case.
    var field: String {
      switch self {
      case .när: "när"
      default: header.lowercased()
      }
    }

    /// The column a header cell names, folded: "När/Resurs" and "När" are both `när`.
    init?(headerCell folded: String) {
      switch folded {
      case "vad": self = .vad
      case "hur": self = .hur
      case "vem": self = .vem
      case "status": self = .status
      case _ where folded.hasPrefix("när"): self = .när
      case _ where folded.hasPrefix("prio"): self = .prio
      default: return nil
      }
    }
  }

  /// A row's cells by column; a column the row lacks is empty.
  ///
  /// Stored in place rather than in an array: a text of short rows makes millions of rows, and an array
  /// would be one more allocation for each.
  struct RowCells: Sendable, Equatable {
    private var vad = ""
    private var hur = ""
    private var vem = ""
    private var när = ""
    private var status = ""
    private var prio = ""

    subscript(column: Column) -> String {
      get {
        switch column {
        case .vad: vad
        case .hur: hur
        case .vem: vem
        case .när: när
        case .status: status
        case .prio: prio
        }
      }
      set {
        switch column {
        case .vad: vad = newValue
        case .hur: hur = newValue
        case .vem: vem = newValue
        case .när: när = newValue
        case .status: status = newValue
        case .prio: prio = newValue
        }
      }
    }
  }

  /// One tab-separated line of a table, as written: no Vad carried down, no page break joined yet.
  struct TableRow: Sendable {
    var line: Int
    /// Index into `Tables.directions`.
    var direction: Int
    var cells: RowCells
    /// The first empty or ignored line between this row and the row before it, if any: where a page break
    /// may have split a row.
    var gap: Int?
  }

  /// The tables of a document: the directions their headings name, and the lines before them.
  struct Tables: Sendable {
    var directions: [String] = []
    /// The first line of the first table (its heading).
    var firstLine: Int
    /// The lines before the first table, which metadata is read from: the non-blank ones, and line 1
    /// whatever it holds, since notes without a line of their own go on the first line.
    var front: [SourceLine]
  }

  /// Finds the tables in the lines: a heading line, the header row, then rows, until the next heading.
  ///
  /// A heading is the last non-blank line before a header row, recognised by that and not by its own shape:
  /// word processors export it alone on its line or followed by the tabs of an empty table row, and a row
  /// with only a Vad looks the same. Inside a table, lines without tabs (page headers and footers, stray
  /// prose) are ignored and reported, and count as a gap where a page break may have split a row.
  enum TableReader {
    /// Reads the tables of the lines `reader` gives, handing each row to `row` as it is read, so that the
    /// lines are never all held at once.
    static func read(
      _ reader: inout SourceLineReader, source: String, limits: Limits = .standard,
      notes: inout [ImportNote], row: (TableRow, inout [ImportNote]) throws(ImportError) -> Void
    ) throws(ImportError) -> Tables {
      var front: [SourceLine] = []
      var directions: [String] = []
      // Each direction's index in `directions`: a plan of many sections must not search them all.
      var directionIndex: [String: Int] = [:]
      var firstLine: Int?
      // For each cell of the current header, the column it holds.
      var columns: [Column?] = []
      var headerLine = 0
      var direction = 0
      var gap: Int?
      var previous: SourceLine?
      func error(_ line: Int, _ message: String) -> ImportError {
        ImportError(source: source, line: line, message: message)
      }
      // The next non-blank line and the first blank line before it, if any: a heading is recognised by the
      // header row on the next non-blank line, so one line is always read ahead.
      func nextNonBlank() -> (line: SourceLine, blank: Int?)? {
        var blank: Int?
        while let line = reader.next() {
          guard line.isBlank else { return (line, blank) }
          if blank == nil { blank = line.number }
          if line.number == 1 { front.append(line) }
        }
        return nil
      }

      var ahead = nextNonBlank()
      while let (line, blank) = ahead {
        ahead = nextNonBlank()
        defer { previous = line }
        try limits.check(notes, source: source)
        if firstLine != nil, gap == nil, let blank { gap = blank }
        let next = ahead?.line
        // The header row first: it is rare, and telling a heading from the title folds every word.
        if let next, isHeader(next), isHeading(line) {
          if firstLine == nil { firstLine = line.number }
          let name = line.cells[0]
          if let known = directionIndex[name] {
            direction = known
            notes.append(
              ImportNote(line: line.number, message: "section \"\(name)\" again: its rows continue it"))
          } else {
            direction = directions.count
            directionIndex[name] = direction
            directions.append(name)
            notes.append(ImportNote(line: line.number, message: "section heading: direction \"\(name)\""))
          }
          columns = try header(next, source: source, notes: &notes)
          headerLine = next.number
          gap = nil
          // The header row is read; the line after it comes next, and blank lines before it are a gap.
          ahead = nextNonBlank()
          continue
        }
        if isHeader(line) {
          guard firstLine != nil else {
            var message = "the header row has no section heading (the direction) above it"
            if let above = previous, MetadataReader.isTitle(above) {
              message += ": line \(above.number) is the plan's title"
            }
            throw error(line.number, message)
          }
          columns = try header(line, source: source, notes: &notes)
          headerLine = line.number
          if gap == nil { gap = line.number }
          notes.append(ImportNote(line: line.number, message: "header row repeated: the section continues"))
          continue
        }
        guard firstLine != nil else {
          front.append(line)
          if front.count > limits.frontLines {
            throw error(
              line.number,
              "more than \(limits.frontLines) lines before the first table; a handlingsplan has a few pages")
          }
          // Before the first table only rows shaped like a table's are errors; other lines are prose.
          guard line.cells.count >= 3 else { continue }
          if isHeading(line), let next, next.hasTabs {
            throw error(
              next.number,
              "no header row (Vad, Hur, Vem, När/Resurs, Status, Prio) after the section heading "
                + "\"\(line.cells[0])\" on line \(line.number)")
          }
          if !isHeading(line) {
            throw error(
              line.number, "a table row before any header row (Vad, Hur, Vem, När/Resurs, Status, Prio)")
          }
          continue
        }
        guard line.hasTabs else {
          notes.append(
            ImportNote(line: line.number, message: "text between table rows ignored: \"\(line.text)\""))
          if gap == nil { gap = line.number }
          continue
        }
        if let extra = line.cells.lastIndex(where: { !$0.isEmpty }), extra >= columns.count {
          throw error(
            line.number,
            "the row has \(extra + 1) cells, but the header row on line \(headerLine) has \(columns.count)")
        }
        var cells = RowCells()
        for (cell, column) in zip(line.cells, columns) { if let column { cells[column] = cell } }
        try row(TableRow(line: line.number, direction: direction, cells: cells, gap: gap), &notes)
        gap = nil
      }
      try limits.check(notes, source: source)
      guard let firstLine else {
        throw ImportError(
          source: source, line: nil,
          message: "no handlingsplan table: no header row (Vad, Hur, Vem, När/Resurs, Status, Prio)")
      }
      return Tables(directions: directions, firstLine: firstLine, front: front)
    }

    /// A line whose first cell alone has text: "Förebild och föregångare", with or without tabs after it.
    /// The plan's title line is not one: a header row right below it means the heading is missing.
    private static func isHeading(_ line: SourceLine) -> Bool {
      !line.cells[0].isEmpty && line.cells.dropFirst().allSatisfy(\.isEmpty) && !MetadataReader.isTitle(line)
    }

    /// A line with tabs that starts with the Vad column's name.
    private static func isHeader(_ line: SourceLine) -> Bool {
      line.hasTabs && SwedishCollation.fold(line.cells[0]) == "vad"
    }

    /// The column of each cell of a header row, up to its last named cell.
    ///
    /// A plan may reorder its columns, so rows are read by the header's names rather than by position; a
    /// column the importer does not know is ignored and reported, a missing or repeated one is an error.
    private static func header(
      _ line: SourceLine, source: String, notes: inout [ImportNote]
    ) throws(ImportError) -> [Column?] {
      let named = line.cells.indices.last { !line.cells[$0].isEmpty } ?? 0
      var columns: [Column?] = []
      for cell in line.cells[...named] {
        let column = Column(headerCell: SwedishCollation.fold(cell))
        if let column, columns.contains(column) {
          throw ImportError(
            source: source, line: line.number, message: "the header row names \(column.header) twice")
        }
        if column == nil {
          notes.append(
            ImportNote(line: line.number, message: "header column \"\(cell)\" is not a plan column: ignored"))
        }
        columns.append(column)
      }
      let missing = Column.allCases.filter { !columns.contains($0) }
      guard missing.isEmpty else {
        throw ImportError(
          source: source, line: line.number,
          message: "the header row lacks the column"
            + (missing.count > 1 ? "s " : " ") + missing.map(\.header).joined(separator: ", "))
      }
      return columns
    }
  }
}
