import Platform
import Testing

@testable import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A plan file is sized before it is read: its line feeds bound its rows, so the activities are held in
/// arrays made once (never grown and copied, which took 7,000,000 short rows past 2 GiB), and a file that
/// could pass the row limit is counted, and refused, before any activity is made.
struct LargePlanSizingTests {
  static let header = "id,inriktning,vad,hur,vem,när,status,prio\n"

  /// A file of `count` rows made by `row`, read from disk with `maximumRows`; the draft as it was left,
  /// and the error if the file was refused.
  static func read(
    _ count: Int, maximumRows: Int = CSVReader.maximumRows, header: String = header, _ row: (Int) -> String
  ) -> (draft: PlanDraft, error: PlanFileError?) {
    let path = PlanFileTesting.temporaryFile(header + (1...count).map(row).joined(), suffix: ".csv")
    defer { unlink(path) }
    var draft = PlanDraft(path: "plan.csv")
    do {
      let file = try FileBytes.open(path: path)
      try CSVFileReader.read(
        descriptor: file.descriptor, size: file.size, into: &draft, maximumRows: maximumRows)
      return (draft, nil)
    } catch {
      return (draft, error)
    }
  }

  static func tooMany(line: Int, _ maximum: Int) -> PlanFileError {
    CSVReader.tooManyRows(path: "plan.csv", line: line, maximum: maximum)
  }

  /// Files past the limit, each with the line the first row past it starts on.
  static let pastTheLimit:
    [(name: String, rows: Int, limit: Int, row: @Sendable (Int) -> String, line: Int)] = [
      ("plain rows", 5, 3, { "\($0),A,v,h,K,maj,P,1\n" }, 5),
      ("blank rows between", 8, 3, { $0 % 2 == 0 ? "\n" : "\($0),A,v,h,K,maj,P,1\n" }, 8),
      ("quoted line breaks", 4, 2, { "\($0),A,\"a\nb\",h,K,maj,P,1\n" }, 6),
      ("short rows, a large file in two parts", 1_200_000, 1_000_000, { _ in "a,,,,,,\n" }, 1_000_002),
    ]

  @Test(arguments: pastTheLimit.indices)
  func refusedBeforeAnyActivityIsMade(_ index: Int) {
    let file = Self.pastTheLimit[index]
    let header = file.rows > 1000 ? "inriktning,vad,hur,vem,när,status,prio\n" : Self.header
    let (draft, error) = Self.read(file.rows, maximumRows: file.limit, header: header, file.row)
    #expect(error == Self.tooMany(line: file.line, file.limit), "\(file.name)")
    #expect(draft.count == 0, "\(file.name)")
  }

  /// Line feeds within quotes make the bound larger than the rows: such a file at the limit still reads,
  /// and an error before the limit is still the one reported.
  @Test func fileBoundedPastTheLimitStillReads() {
    let quoted = Self.read(3, maximumRows: 3) { "\($0),A,\"a\nb\",h,K,maj,P,1\n" }
    #expect(quoted.error == nil)
    #expect(quoted.draft.count == 3)
    let early = Self.read(5, maximumRows: 3) { "\($0),A,v,h,K,maj,P,\($0 == 2 ? "hög" : "1")\n" }
    #expect(early.error?.line == 3)
    #expect(early.error?.field == "prio")
    let fields = Self.read(5, maximumRows: 3) { $0 == 2 ? "2,A,v\n" : "\($0),A,v,h,K,maj,P,1\n" }
    #expect(fields.error?.line == 3)
  }

  /// Files in one part and in two (past 8 MB), of short rows, whose bytes per row fooled the estimate
  /// the arrays were once sized by, and of rows with blank lines between.
  static let sized: [(name: String, rows: Int, row: @Sendable (Int) -> String, lineFeeds: Int)] = [
    ("3,000 short rows", 3000, { "\($0),,,,,,,\n" }, 3001),
    (
      "blank lines between", 3000, { $0 % 2 == 0 ? "\n\($0),A,v,h,K,maj,P,1\n" : "\($0),A,v,h,K,maj,P,1\n" },
      4501
    ),
    ("1,100,000 short rows in two parts", 1_100_000, { "\($0),,,,,,,\n" }, 1_100_001),
  ]

  @Test(arguments: sized.indices)
  func arraysAreMadeOnceForTheMostRowsTheFileCanHold(_ index: Int) {
    let file = Self.sized[index]
    let (draft, error) = Self.read(file.rows, file.row)
    #expect(error == nil, "\(file.name)")
    #expect(draft.count == file.rows, "\(file.name)")
    // Room for every line, and not much more: an array that grew by doubling holds up to twice its rows.
    #expect(draft.capacity >= draft.count, "\(file.name)")
    #expect(draft.capacity <= file.lineFeeds + file.lineFeeds / 50 + 16, "\(file.name)")
  }

  @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 31, 32, 33, 100, 1000, 2017, 2048, 5000, 9000])
  func lineFeedsAreCountedAsOneByOne(_ count: Int) {
    var generator = SystemRandomNumberGenerator()
    let choices: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0xFF, 0x00, 0x61, 0x0D]
    for round in 0..<20 {
      // The first round all line feeds, the most each lane of the sum holds.
      let bytes = (0..<count).map { _ in round == 0 ? 0x0A : choices.randomElement(using: &generator)! }
      let counted = bytes.withUnsafeBytes { LineFeedCount.count(in: $0) }
      #expect(counted == bytes.filter { $0 == 0x0A }.count, "\(bytes)")
    }
  }
}
