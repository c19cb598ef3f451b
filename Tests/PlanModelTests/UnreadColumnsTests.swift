import FuzzChecks
import Testing

@testable import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large CSV plan file read with only some columns (`PlanReadOptions.columns`) gives, once the others
/// are read, exactly the plan a whole read gives; and a file changed in between is refused, not misread.
struct UnreadColumnsTests {
  /// Rows with what makes CSV hard: quoted commas, line breaks and quotes inside fields, CRLF line ends,
  /// blank lines between rows, aliases in `vem`, Swedish letters; about 1.3 MiB, past the size where
  /// columns are left for later.
  static let text: String = {
    var rows = ["id,inriktning,vad,hur,vem,när,status,prio\r\n"]
    // Written as CSV: the second and third need quotes.
    let directions = [
      "Förebild och föregångare", "\"Pådrivare, opinionsbildare\"", "\"Nätverk \"\"Sekom\"\"\"",
    ]
    let actors = ["Kansliet", "Styrelse; Kansli", "", "Expertgruppen;Ordförande", "Medlemmar"]
    let whens = ["Våren 2021", "Löpande", "", "Hösten 2021", "11 maj 2021"]
    let statuses = ["Pågår", "Klart", "", "Ej påbörjad"]
    for n in 1...9_000 {
      let what = n % 7 == 0 ? "\"Rad \(n), med komma\"" : "Åtgärd \(n % 900) för ökad hållbarhet"
      let how =
        n % 5 == 0
        ? "\"Två rader:\nförst \"\"så\"\", sedan \(n)\"" : "Görs av styrelsen och kansliet; steg \(n)."
      let prio = n % 4 == 0 ? "" : String(n % 3 + 1)
      rows.append(
        "\(n),\(directions[n % 3]),\(what),\(how),\(actors[n % 5]),\(whens[n % 5]),\(statuses[n % 4]),\(prio)\r\n"
      )
      if n % 11 == 0 { rows.append("\r\n") }
      if n % 13 == 0 { rows.append(",,,,,,,\n") }
    }
    return rows.joined()
  }()

  static func withFile<T>(_ body: (String) throws -> T) throws -> T {
    let path = PlanFileTesting.temporaryFile(text, suffix: ".csv")
    defer { unlink(path) }
    return try body(path)
  }

  static func read(_ path: String, _ columns: Set<PlanColumn>) throws -> Plan {
    try PlanFile.read(path: path, options: PlanReadOptions(year: 2021, columns: columns))
  }

  @Test func aLargeFileLeavesTheColumnsNotAskedFor() throws {
    #expect(Array(Self.text.utf8).count > DeferredColumns.minimumSize)
    try Self.withFile { path in
      let whole = try Self.read(path, Set(PlanColumn.allCases))
      let part = try Self.read(path, [.who])
      #expect(whole.unreadColumns.isEmpty)
      #expect(part.unreadColumns == [.direction, .what, .how, .status])
      #expect(part.activities.count == 9_000)
      #expect(part.activities.map(\.id) == whole.activities.map(\.id))
      #expect(part.activities.map(\.priority) == whole.activities.map(\.priority))
      #expect(part.activities.map(\.when) == whole.activities.map(\.when))
      #expect(part.activities.map(\.who) == whole.activities.map(\.who))
      #expect(part.activities.allSatisfy { $0.what.isEmpty && $0.how.isEmpty && $0.direction.isEmpty })
      #expect(part.metadata.year == whole.metadata.year)
    }
  }

  @Test(arguments: [
    [PlanColumn.what], [.direction], [.how, .status], [.direction, .what, .how, .status], [.id, .when],
  ])
  func columnsReadLaterAreTheColumnsReadAtOnce(columns: Set<PlanColumn>) throws {
    try Self.withFile { path in
      let whole = try Self.read(path, Set(PlanColumn.allCases))
      var part = try Self.read(path, [.who])
      try part.readColumns(columns)
      #expect(part.unreadColumns == DeferredColumns.deferrable.subtracting(columns).subtracting([.who]))
      for column in columns {
        let field = Self.field(column)
        #expect(part.activities.map(field) == whole.activities.map(field), "\(column)")
      }
      if columns.contains(.direction) { #expect(part.metadata.directions == whole.metadata.directions) }
      try part.readColumns(Set(PlanColumn.allCases))
      #expect(part.unreadColumns.isEmpty)
      #expect(part.activities == whole.activities)
      #expect(part.metadata == whole.metadata)
    }
  }

  @Test func theRowsFoundAreReadInFull() throws {
    try Self.withFile { path in
      let whole = try Self.read(path, Set(PlanColumn.allCases))
      let part = try Self.read(path, [.who])
      let positions = [0, 4, 5, 999, 1_000, 3_333, 8_999]
      let rows = try part.activities(at: positions, reading: Set(PlanColumn.allCases))
      #expect(rows == positions.map { whole.activities[$0] })
      #expect(try part.activities(at: [], reading: [.what]).isEmpty)
    }
  }

  @Test func aFileChangedAfterLoadingIsRefusedWhenTheRestIsRead() throws {
    try Self.withFile { path in
      var part = try Self.read(path, [.who])
      // Written in place, as an editor that does not replace the file does: the plan no longer matches.
      let descriptor = open(path, O_WRONLY | O_APPEND)
      #expect(descriptor >= 0)
      _ = write(descriptor, "9999,A,B,C,Kansli,,,1\n", 22)
      close(descriptor)
      #expect(throws: PlanFileError.self) { try part.readColumns([.what]) }
      do {
        _ = try part.activities(at: [1], reading: [.how])
        Issue.record("a changed file was read")
      } catch let error as PlanFileError {
        #expect(error.description.contains("the file changed after sekom read it"))
      }
    }
  }

  @Test func aSmallFileIsReadWhole() throws {
    let path = PlanFileTesting.temporaryFile(
      "id,inriktning,vad,hur,vem,när,status,prio\n1,A,B,C,Kansli,Löpande,Pågår,1\n", suffix: ".csv")
    defer { unlink(path) }
    let plan = try Self.read(path, [.who])
    #expect(plan.unreadColumns.isEmpty)
    #expect(plan.activities.map(\.what) == ["B"])
  }

  static func field(_ column: PlanColumn) -> (Activity) -> String {
    switch column {
    case .id: { String($0.id) }
    case .direction: { $0.direction }
    case .what: { $0.what }
    case .how: { $0.how }
    case .who: { $0.who.joined(separator: ";") }
    case .when: { $0.when.text }
    case .status: { $0.status.text }
    case .priority: { $0.priority.map(String.init) ?? "" }
    }
  }
}

/// A file held as columns is counted, a whole pass, only when its first mebibyte says it could hold
/// rows near the limit; a file whose rows shrink after that is still refused at the limit.
struct ColumnsRowLimitTests {
  static func file(_ text: String, _ body: (Int32, Int) throws -> Void) throws {
    let path = PlanFileTesting.temporaryFile(text, suffix: ".csv")
    defer { unlink(path) }
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var status = stat()
    fstat(descriptor, &status)
    try body(descriptor, Int(status.st_size))
  }

  static let header = "id,inriktning,vad,hur,vem,när,status,prio\n"
  static func longRows(_ count: Int) -> String {
    (1...count).map { "\($0),A,\(String(repeating: "v", count: 10_000)),C,Kansli,Löpande,Pågår,1\n" }.joined()
  }

  @Test func theFirstMebibyteTellsWhetherToCount() throws {
    try Self.file(Self.header + Self.longRows(120)) { descriptor, size in
      #expect(CSVFileReader.rowsSeemFew(descriptor: descriptor, from: 0, size: size, maximumRows: 10_000_000))
      #expect(!CSVFileReader.rowsSeemFew(descriptor: descriptor, from: 0, size: size, maximumRows: 400))
    }
    let short = Self.header + (1...200_000).map { "\($0),,,,,,,\n" }.joined()
    try Self.file(short) { descriptor, size in
      #expect(!CSVFileReader.rowsSeemFew(descriptor: descriptor, from: 0, size: size, maximumRows: 500_000))
    }
  }

  @Test func rowsThatShrinkAreRefusedAtTheLimit() throws {
    // 120 long rows, then 30,000 short ones: the first mebibyte promises few rows.
    let text = Self.header + Self.longRows(120) + (121...30_120).map { "\($0),,,,,,,1\n" }.joined()
    try Self.file(text) { descriptor, size in
      #expect(CSVFileReader.rowsSeemFew(descriptor: descriptor, from: 0, size: size, maximumRows: 5_000))
      var draft = PlanDraft(path: "plan.csv", deferring: [.what])
      #expect(throws: CSVReader.tooManyRows(path: "plan.csv", line: 5_002, maximum: 5_000)) {
        try CSVFileReader.read(descriptor: descriptor, size: size, into: &draft, maximumRows: 5_000)
      }
    }
  }
}

/// A file large enough to be read in two halves, held as columns: the halves join as one file's rows,
/// a repeated id across them named with both lines, rows without ids numbered on.
struct ColumnHalvesTests {
  static func text(rows: Int, idColumn: Bool, repeating: (row: Int, id: Int)? = nil) -> String {
    let filler = String(repeating: "ö", count: 300)
    let body = (1...rows).map { n in
      let id = repeating.map { $0.row == n ? $0.id : n } ?? n
      let cells = "Förebild,Vad \(n),\(filler),Kansli,Löpande,Pågår,\(n % 3 + 1)\n"
      return idColumn ? "\(id),\(cells)" : cells
    }
    return (idColumn ? "id," : "") + "inriktning,vad,hur,vem,när,status,prio\n" + body.joined()
  }

  static func read(_ text: String) throws -> Plan {
    let path = PlanFileTesting.temporaryFile(text, suffix: ".csv")
    defer { unlink(path) }
    #expect(text.utf8.count > CSVFileReader.parallelThreshold)
    return try PlanFile.read(path: path, options: PlanReadOptions(year: 2021, columns: [.who]))
  }

  @Test func aRepeatedIdAcrossTheHalvesNamesBothLines() throws {
    let rows = 15_000
    do {
      _ = try Self.read(Self.text(rows: rows, idColumn: true, repeating: (rows, 7)))
      Issue.record("a repeated id was not refused")
    } catch let error as PlanFileError {
      #expect(error.line == rows + 1)
      #expect(error.description.contains("id 7 is used twice, on line 8 and on this line"))
    }
  }

  @Test func halvesJoinInFileOrder() throws {
    for idColumn in [true, false] {
      let plan = try Self.read(Self.text(rows: 15_000, idColumn: idColumn))
      #expect(plan.isHeldAsColumns)
      #expect(plan.activityCount == 15_000)
      let ids = plan.activities.map(\.id)
      #expect(ids == Array(1...15_000))
      #expect(plan.activities.map(\.who).allSatisfy { $0 == ["Kansli"] })
    }
  }
}

/// The rows found are read in file order, whatever order a sort gave them: a table of all positions when
/// they are many, a sort when few, give the same order.
struct FileOrderTests {
  @Test(arguments: [0, 1, 10, 62, 63, 500, 1000])
  func theIndicesComeInTheOrderOfThePositions(count: Int) {
    var generator = SeededGenerator(seed: UInt64(count))
    var positions = Array(0..<1000)
    for i in positions.indices.reversed() {
      positions.swapAt(i, Int(generator.next() % UInt64(i + 1)))
    }
    positions = Array(positions.prefix(count))
    let order = Plan.fileOrder(of: positions, among: 1000)
    #expect(order == positions.indices.sorted { positions[$0] < positions[$1] })
    #expect(order.map { positions[$0] } == positions.sorted())
  }
}
