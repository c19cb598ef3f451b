import Testing

@testable import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A CSV file that must read, and the activities it reads as.
struct ReadableCSV: Sendable, CustomStringConvertible {
  var name: String
  var bytes: [UInt8]
  var rows: [PlanRow]

  init(_ name: String, _ text: String, _ rows: [PlanRow]) {
    self.init(name, Array(text.utf8), rows)
  }

  init(_ name: String, _ bytes: [UInt8], _ rows: [PlanRow]) {
    self.name = name
    self.bytes = bytes
    self.rows = rows
  }

  var description: String { name }
}

struct PlanFileCSVTests {
  static let header = "id,inriktning,vad,hur,vem,när,status,prio\n"
  static let row1 = "1,Förebild,Delta i SIS,Ordförandeskap,Ordförande; Kansli,Löpande,Pågår,1\n"
  static let row2 =
    "2,Förebild,ICLEI,Utvärdera medlemskapet.,\"Kansliet; Styrelsen\",Klart 2021,Ej påbörjat,2\n"
  static let plain = [
    PlanRow(1, "Förebild", "Delta i SIS", "Ordförandeskap", ["Ordförande", "Kansli"], "Löpande", "Pågår", 1),
    PlanRow(
      2, "Förebild", "ICLEI", "Utvärdera medlemskapet.", ["Kansli", "Styrelse"], "Klart 2021", "Ej påbörjat",
      2),
  ]

  static let readable: [ReadableCSV] = [
    ReadableCSV("plain", header + row1 + row2, plain),
    ReadableCSV("byte-order mark", [0xEF, 0xBB, 0xBF] + Array((header + row1 + row2).utf8), plain),
    ReadableCSV(
      "CRLF and no final line end",
      (header + row1 + row2).split(separator: "\n").joined(separator: "\r\n"), plain),
    ReadableCSV("blank lines at the end", header + row1 + row2 + "\n\r\n\n", plain),
    ReadableCSV("a spreadsheet's empty row in between", header + row1 + ",,,,,,,\n" + row2, plain),
    ReadableCSV("header alone", header, []),
    ReadableCSV("header alone without line end", "id,inriktning,vad,hur,vem,när,status,prio", []),
    ReadableCSV(
      "columns in another order, any case, nar, no id",
      "Prio,STATUS,Nar,Vem,Hur,Vad,Inriktning\n1,Pågår,Löpande,Kansli,H1,V1,A\n,,Vid behov,,H2,V2,B\n",
      [
        PlanRow(1, "A", "V1", "H1", ["Kansli"], "Löpande", "Pågår", 1),
        PlanRow(2, "B", "V2", "H2", [], "Vid behov", "", nil),
      ]),
    ReadableCSV(
      "quoted commas, doubled quotes and a line break",
      header + "7,A,\"Möte, digitalt\",\"Säger \"\"hej\"\"\nrad två\",Kansli,\"19-20 oktober\",På gång,3\n"
        + "8,A,b,c,Kansli,d,e,\n",
      [
        PlanRow(
          7, "A", "Möte, digitalt", "Säger \"hej\"\nrad två", ["Kansli"], "19-20 oktober", "På gång", 3),
        PlanRow(8, "A", "b", "c", ["Kansli"], "d", "e", nil),
      ]),
    ReadableCSV(
      "fields trimmed, actors folded, any whole prio",
      header + " 3 ,  Pådrivare \t, Lobbying ,\u{A0}Skrivelser ,  Kansliet ;Styrelsen;; expertgruppen , "
        + " Löpande , Efter behov ,  5 \n",
      [
        PlanRow(
          3, "Pådrivare", "Lobbying", "Skrivelser", ["Kansli", "Styrelse", "Expertgrupp"], "Löpande",
          "Efter behov", 5)
      ]),
    ReadableCSV(
      "blanks around a quoted field, ids in any order",
      header + "9, \"A, B\" ,x,y,Kansli,z,Pågår,1\n4,A,x,y,Kansli,z,Pågår,-1\n",
      [
        PlanRow(9, "A, B", "x", "y", ["Kansli"], "z", "Pågår", 1),
        PlanRow(4, "A", "x", "y", ["Kansli"], "z", "Pågår", -1),
      ]),
  ]

  @Test(arguments: readable)
  func reads(_ file: ReadableCSV) throws {
    let plan = try PlanFileTesting.read(file.bytes, .csv)
    #expect(plan.activities.map(PlanRow.init) == file.rows)
  }

  static let longField = String(repeating: "å", count: 35_000)

  static let refused: [RefusedFile] = [
    RefusedFile(
      "a row longer than 4 MiB (a quote left open on /dev/zero-like input)",
      header + "1,A,\"" + String(repeating: "x", count: 5 << 20) + "\n", line: 2,
      says: "the row is longer than 4 MiB; a quote left open, or not a text file?"),
    RefusedFile(
      "invalid UTF-8", Array((header + row1).utf8) + [0x32, 0x2C, 0x41, 0xFF, 0x0A], line: 3,
      says: "not valid UTF-8"),
    RefusedFile(
      "Latin-1 text", Array((header).utf8) + [0x31, 0x2C, 0x46, 0xF6, 0x72, 0x65], line: 2,
      says: "save the file as UTF-8"),
    RefusedFile("NUL byte", Array((header + "1,a").utf8) + [0, 0x0A], line: 2, says: "NUL"),
    RefusedFile("empty file", "", line: nil, says: "the file is empty: a plan file starts with the header"),
    RefusedFile("only blank lines", [0xEF, 0xBB, 0xBF, 0x0A, 0x20, 0x0D, 0x0A], line: nil, says: "is empty"),
    RefusedFile(
      "unknown column with a suggestion", "id,inriktning,vad,hur,vem,nör,status,prio\n", line: 1,
      field: "nör", says: "no such column; did you mean 'när'?"),
    RefusedFile(
      "unknown column without one", "id,inriktning,vad,hur,vem,när,status,prioritet\n", line: 1,
      field: "prioritet", says: "the columns are id,inriktning"),
    RefusedFile(
      "a computed column", "id,inriktning,vad,hur,vem,när,status,Kategori,prio\n", line: 1, field: "Kategori",
      says: "sekom works out kategori from status"),
    RefusedFile("data instead of a header", row1 + row2, line: 1, says: "this is not a plan header"),
    RefusedFile(
      "separated by semicolons", "id;inriktning;vad;hur;vem;när;status;prio\n1;A;b;c;d;e;f;1\n", line: 1,
      says: "the header is separated by semicolons; a plan file is separated by commas"),
    RefusedFile(
      "separated by tabs", "Vad\tHur\tVem\tNär\tStatus\tPrio\n", line: 1, says: "separated by tabs"),
    RefusedFile(
      "missing column", "inriktning,vad,hur,vem,när,prio\n", line: 1, says: "lacks the column 'status'"),
    RefusedFile(
      "repeated column", "vad,inriktning,Vad,hur,vem,när,status,prio\n", line: 1, field: "vad",
      says: "appears twice in the header, as columns 1 and 3"),
    RefusedFile(
      "empty column name", "id,inriktning,vad,hur,vem,när,status,prio,\n", line: 1,
      says: "column 9 of the header has no name"),
    RefusedFile(
      "repeated id", header + row1 + row2 + row1, line: 4, field: "id",
      says: "id 1 is used twice, on line 2 and on this line"),
    RefusedFile(
      "repeated id out of order", header + "5,A,b,c,d,e,f,1\n3,A,b,c,d,e,f,1\n5,A,b,c,d,e,f,1\n", line: 4,
      field: "id", says: "id 5 is used twice, on line 2 and on this line"),
    RefusedFile("id not a number", header + "x" + row1.dropFirst(), line: 2, field: "id", says: "'x' is not"),
    RefusedFile(
      "id zero", header + "0" + row1.dropFirst(), line: 2, field: "id", says: "positive whole number"),
    RefusedFile("id empty", header + row1.dropFirst(), line: 2, field: "id", says: "the id is empty"),
    RefusedFile(
      "quote left open", header + row1 + "2,A,\"open,b,c,d,e,f\n3,A,b,c,d,e,f,1\n", line: 3, field: "vad",
      says: "the quote opened on this line is never closed"),
    RefusedFile(
      "text after a closing quote", header + "1,A,\"x\"y,h,v,n,s,1\n", line: 2, field: "vad",
      says: "text after the closing quote"),
    RefusedFile(
      "too many fields", header + row1 + "2,A,b,c,d,e,f,1,extra\n", line: 3,
      says: "the row has 9 fields; the header has 8"),
    RefusedFile("too few fields", header + "1,A,b\n", line: 2, says: "the row has 3 fields"),
    RefusedFile(
      "field too long", header + "1,A,b,\"\(longField)\",d,e,f,1\n", line: 2, field: "hur",
      says: "the field is 70,000 bytes long; at most 65,536 are accepted"),
    RefusedFile(
      "prio not a number", header + row1 + "2,A,b,c,d,e,f,hög\n", line: 3, field: "prio",
      says: "'hög' is not a whole number"),
    RefusedFile(
      "prio a fraction", header + "2,A,b,c,d,e,f,1.5\n", line: 2, field: "prio", says: "'1.5' is not"),
  ]

  @Test(arguments: refused)
  func refuses(_ file: RefusedFile) {
    let error = PlanFileTesting.error(file.bytes, .csv)
    #expect(error?.path == "plan.csv")
    #expect(error?.line == file.line)
    #expect(error?.field == file.field)
    #expect(error?.message.contains(file.says) == true, "\(error?.description ?? "read")")
  }

  @Test func errorReadsLikeACompilerMessage() {
    let error = PlanFileTesting.error(Array((Self.header + "1,A,b,c,d,e,f,hög\n").utf8), .csv)
    #expect(error?.description == "plan.csv:2: error: field 'prio': 'hög' is not a whole number")
    let empty = PlanFileTesting.error([], .csv)
    #expect(empty?.description.hasPrefix("plan.csv: error: the file is empty: ") == true)
  }

  @Test func refusesMoreRowsThanTheLimit() throws {
    let bytes = Array((Self.header + Self.row1 + Self.row2 + "\n" + "3" + Self.row1.dropFirst()).utf8)
    var draft = PlanDraft(path: "big.csv")
    #expect(
      throws: PlanFileError(
        path: "big.csv", line: 5, message: "more than 2 rows; sekom reads plans of at most 2 activities")
    ) {
      try bytes.withUnsafeBufferPointer { buffer throws(PlanFileError) in
        try CSVReader.read(buffer, into: &draft, maximumRows: 2)
      }
    }
    #expect(CSVReader.grouped(10_000_000) == "10,000,000")
  }

  @Test func readsEachWhenTextOnce() throws {
    let texts = ["Löpande", "Hösten 2021", "Vid behov"]
    var csv = Self.header
    for id in 1...10 { csv += "\(id),A,b,c,Kansli,\(texts[id % 3]),Pågår,1\n" }
    var calls: [String] = []
    let autumn = DayInterval(
      start: Day(year: 2021, month: 9, day: 1)!, end: Day(year: 2021, month: 11, day: 30)!)
    let plan = try PlanFile.parse(
      bytes: Array(csv.utf8), format: .csv, path: "plan.csv", options: PlanReadOptions(year: 2021)
    ) { text, context in
      calls.append(text)
      #expect(context == TimeContext(planYear: 2021, annualMeeting: nil))
      return text == "Hösten 2021" ? autumn : nil
    }
    #expect(calls.count == 3)
    #expect(Set(calls) == Set(texts))
    #expect(plan.activities.filter { $0.when.interval == autumn }.map(\.id) == [1, 4, 7, 10])
    #expect(plan.activities.filter { $0.when.interval == nil }.count == 6)
  }

  /// Past the first few thousand rows, a column of distinct texts is no longer shared; values must not
  /// change when that happens.
  @Test func manyRowsKeepTheirValues() throws {
    var csv = "vad,hur,vem,när,status,prio,inriktning\n"
    for row in 1...6000 { csv += "V\(row % 7),H\(row),Kansli,När \(row % 5),S,\(row % 3),A\(row % 2)\n" }
    let plan = try PlanFileTesting.read(csv, .csv)
    #expect(plan.activities.count == 6000)
    for row in [1, 4095, 4096, 4097, 6000] {
      let activity = plan.activities[row - 1]
      #expect(
        PlanRow(activity)
          == PlanRow(row, "A\(row % 2)", "V\(row % 7)", "H\(row)", ["Kansli"], "När \(row % 5)", "S", row % 3)
      )
    }
    #expect(plan.metadata.directions == ["A1", "A0"])
  }

  @Test func metadataFromTheFile() throws {
    let text =
      Self.header
      + "1,B,x,y,Kansli,Våren 2022,,\n2,A,x,y,Kansli,Start 2021 klart 2022,,\n3,B,x,y,,Löpande,,\n"
    let plan = try PlanFile.parse(bytes: Array(text.utf8), format: .csv, path: "/data/plans/plan2022.csv")
    #expect(plan.metadata.year == 2022)
    #expect(plan.metadata.title == "plan2022")
    #expect(plan.metadata.directions == ["B", "A"])
    #expect(plan.metadata.source == "/data/plans/plan2022.csv")
    #expect(plan.metadata.adopted == nil && plan.metadata.annualMeeting == nil)
    #expect(plan.activities[2].status.category == .none)
    let overridden = try PlanFile.parse(
      bytes: Array(text.utf8), format: .csv, path: "p.csv", options: PlanReadOptions(year: 2030))
    #expect(overridden.metadata.year == 2030)
    let yearless = try PlanFileTesting.read(Self.header + "1,A,x,y,z,Löpande,,\n", .csv, year: nil)
    #expect(yearless.metadata.year == PlanDraft.currentYear())
    #expect(PlanDraft.currentYear() >= 2025)
    #expect(!plan.yearWasAssumed && !overridden.yearWasAssumed && yearless.yearWasAssumed)
  }

  /// A plan that names no year is read in the default year (that of `--today`), and says so when one of
  /// its texts was read in it.
  @Test func anAssumedYearIsTold() throws {
    let text = Self.header + "1,A,x,y,Kansli,våren,Pågår,1\n2,A,x,y,Kansli,Vid behov,Pågår,1\n"
    let plan = try PlanFile.parse(
      bytes: Array(text.utf8), format: .csv, path: "p.csv", options: PlanReadOptions(defaultYear: 2021))
    #expect(plan.metadata.year == 2021)
    #expect(plan.activities[0].when.interval?.description == "2021-01-01..2021-06-30")
    #expect(plan.yearWasAssumed)
    #expect(
      plan.assumedYearNote?.hasPrefix("the plan names no plan year, so its när texts are read in 2021")
        == true)
    let timeless = Self.header + "1,A,x,y,Kansli,Vid behov,Pågår,1\n"
    let noTimes = try PlanFile.parse(bytes: Array(timeless.utf8), format: .csv, path: "p.csv")
    #expect(noTimes.yearWasAssumed && noTimes.assumedYearNote == nil)
    #expect(Plan.embedded2021.assumedYearNote == nil)
  }

  @Test(
    arguments: [
      ("Start 2018, beräknas klar våren 2021", 2021), ("Hösten '21 eller 20211", nil),
      ("1899 2101 2100", 2100),
    ] as [(String, Int?)])
  func yearNamedMostOften(when: String, year: Int?) throws {
    let plan = try PlanFileTesting.read(Self.header + "1,A,x,y,z,\"\(when)\",,\n", .csv, year: nil)
    #expect(plan.metadata.year == year ?? PlanDraft.currentYear())
  }

  @Test func statusIsCategorised() throws {
    let plan = try PlanFileTesting.read(Self.header + "1,A,x,y,z,w,Vilande pga Coronapandemin,3\n", .csv)
    #expect(plan.activities[0].status == StatusText(text: "Vilande pga Coronapandemin"))
    #expect(plan.activities[0].status.category == .paused)
  }

  @Test func writtenCSVReadsBackUnchanged() throws {
    let text =
      Self.header
      + "1,Förebild,\"Möte, digitalt\",\"Säger \"\"hej\"\"\nrad två\",Ordförande; Kansli,Löpande,Pågår,1\n"
      + "5,Förebild,ICLEI,Utvärdera.,,\"Start 2018, klart 2021\",,\n"
    let plan = try PlanFileTesting.read(text, .csv)
    #expect(PlanFile.csv(plan) == text)
  }

  @Test func embeddedPlanSurvivesCSV() throws {
    let embedded = Plan.embedded2021
    let text = PlanFile.csv(embedded)
    let plan = try PlanFile.parse(bytes: Array(text.utf8), format: .csv, path: "x.csv")
    #expect(plan.activities.map(PlanRow.init) == embedded.activities.map(PlanRow.init))
    #expect(plan.metadata.directions == embedded.metadata.directions)
    #expect(plan.metadata.year == 2021)
    #expect(PlanFile.csv(plan) == text)
  }

  @Test func readsARealFile() throws {
    let path = PlanFileTesting.temporaryFile(Self.header + Self.row1 + Self.row2, suffix: ".CSV")
    defer { unlink(path) }
    let plan = try PlanFile.read(path: path, options: PlanReadOptions(year: 2021))
    #expect(plan.activities.map(PlanRow.init) == Self.plain)
    #expect(plan.metadata.source == path)
  }

  @Test func refusesAMissingFileAndADirectory() {
    #expect(
      throws: PlanFileError(
        path: "/nonexistent/plan.csv", message: "cannot open the file: No such file or directory")
    ) {
      try PlanFile.read(path: "/nonexistent/plan.csv")
    }
    #expect(throws: PlanFileError(path: "/tmp", message: "cannot read the file: Is a directory")) {
      try PlanFile.read(path: "/tmp")
    }
  }

  @Test(arguments: [
    ("plan.csv", "{\"aktiviteter\": []}", PlanFile.Format.csv), ("plan.JSON", "id,vad", .json),
    ("plan.txt", "  \n{\"a\": 1}", .json), ("plan", "[]", .json), ("plan", "\u{FEFF}[]", .json),
    ("plan.tsv", "id,vad", .csv), ("plan", "", .csv),
  ])
  func chooseTheFormat(path: String, text: String, format: PlanFile.Format) {
    #expect(PlanFile.format(path: path, bytes: Array(text.utf8)) == format)
  }
}
