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

/// A CSV file is read from disk a buffer at a time, and a large one in two parts at once. Neither may
/// change what a file reads as: each file here, read a few bytes at a time into a small buffer, and read
/// in two parts split after each of its line feeds, must give the same plan, or the same first error, as
/// reading it whole.
struct CSVInPartsTests {
  static let header = "id,inriktning,vad,hur,vem,när,status,prio\n"

  /// Files of every kind the readers meet: the readable and refused files of the CSV tests and the fuzz
  /// regressions, and files made to go wrong at a split: a quoted field across lines, a repeated id in
  /// the other half, blank rows, no id column.
  static let files: [(name: String, bytes: [UInt8])] = {
    var files: [(name: String, bytes: [UInt8])] = PlanFileCSVTests.readable.map { ($0.name, $0.bytes) }
    files += PlanFileCSVTests.refused.map { ($0.name, $0.bytes) }
    files += FuzzRegressionTests.csv.map { ($0.name, $0.bytes) }
    func rows(_ name: String, _ count: Int, _ row: (Int) -> String) {
      files.append((name, Array((header + (1...count).map(row).joined()).utf8)))
    }
    rows("quoted line breaks in every row", 12) { "\($0),A,\"a\nb\n\",\"c\nd\",K,maj,P,1\n" }
    rows("an id repeated across the middle", 9) { "\($0 % 5 + 1),A,v,h,K,maj,P,1\n" }
    rows("ids falling after the middle", 9) { "\(20 - $0),A,v,h,K,maj,P,1\n" }
    rows("blank rows and empty rows", 8) { $0 % 3 == 0 ? "\n,,,,,,,\n" : "\($0),A,v,h,K,,P,1\n" }
    rows("a bad prio late", 8) { "\($0),A,v,h,K,maj,P,\($0 == 7 ? "hög" : "1")\n" }
    rows("a quote left open late", 8) { $0 == 7 ? "7,A,\"v,h,K,maj,P,1\n" : "\($0),A,v,h,K,maj,P,1\n" }
    rows("directions first seen late", 8) { "\($0),D\($0 % 4),v,h,K,\($0 % 2 == 0 ? "maj" : "2021"),P,1\n" }
    let noIDs: [String] = (1...8).map { "v\($0),h,K,maj,P,1,A\n" }
    files.append(("no id column", Array(("vad,hur,vem,när,status,prio,inriktning\n" + noIDs.joined()).utf8)))
    let late = header + "1,A,v,h,K,maj,P,1\n2,A,v,h,K,"
    files.append(("a bad byte late", Array(late.utf8) + [0xFF] + Array(",P,1\n3,A,v,h,K,maj,P,1\n".utf8)))
    return files
  }()

  /// A plan or an error: what reading a file comes to.
  enum Outcome: Equatable, CustomStringConvertible {
    case plan([Activity], PlanMetadata)
    case refused(PlanFileError)

    var description: String {
      switch self {
      case .plan(let activities, let metadata): "\(activities.count) activities, \(metadata.directions)"
      case .refused(let error): "\(error)"
      }
    }
  }

  static func outcome(_ read: (inout PlanDraft) throws(PlanFileError) -> Void) -> Outcome {
    var draft = PlanDraft(path: "plan.csv")
    do {
      try read(&draft)
    } catch {
      return .refused(error)
    }
    let plan = draft.finish(options: PlanReadOptions(), intervalOf: SwedishTime.interval)
    return .plan(plan.activities, plan.metadata)
  }

  static func whole(_ bytes: [UInt8]) -> Outcome {
    outcome { (draft: inout PlanDraft) throws(PlanFileError) in
      try bytes.withUnsafeBufferPointer { buffer throws(PlanFileError) in
        try CSVReader.read(buffer, into: &draft)
      }
    }
  }

  @Test(arguments: files.indices)
  func aFewBytesAtATimeReadsAsWhole(_ index: Int) {
    let bytes = Self.files[index].bytes
    let expected = Self.whole(bytes)
    // A record is scanned again from its start each time more bytes arrive: keep long files' pieces long.
    for piece in bytes.count <= 4096 ? [1, 2, 3, 7, 64] : [1_000, 4_096] {
      let read = Self.outcome { (draft: inout PlanDraft) throws(PlanFileError) in
        var records = CSVRecords(
          path: "plan.csv", offset: 0, line: 1, capacity: 4,
          supply: bytePieces(of: bytes, piece: piece))
        try CSVReader.read(&records, into: &draft, expectedEnd: bytes.count)
      }
      #expect(read == expected, "\(Self.files[index].name), \(piece) bytes at a time")
    }
  }

  @Test(arguments: files.indices)
  func inTwoPartsReadsAsWhole(_ index: Int) {
    let bytes = Self.files[index].bytes
    let expected = Self.whole(bytes)
    for split in bytes.indices.dropFirst() where bytes[split - 1] == 0x0A {
      let read = Self.outcome { (draft: inout PlanDraft) throws(PlanFileError) in
        try bytes.withUnsafeBufferPointer { buffer throws(PlanFileError) in
          var first = CSVRecords(
            path: "plan.csv", bytes: buffer, offset: ByteText.byteOrderMarkLength(buffer), line: 1)
          let layout = try CSVReader.header(&first)
          guard split > first.offset else {
            return try CSVReader.rows(&first, layout, into: &draft, expectedEnd: buffer.count)
          }
          var second = CSVRecords(path: "plan.csv", bytes: buffer, offset: split, line: 1)
          try CSVFileReader.readInTwoParts(
            &first, &second, layout: layout, split: split, size: buffer.count, into: &draft)
        }
      }
      guard read == expected else {
        Issue.record("\(Self.files[index].name), split at byte \(split): \(read), not \(expected)")
        return
      }
    }
  }

  /// A file large enough to be read in two parts, from disk through `PlanFile.read`, with quoted fields
  /// across lines and records across the buffers' ends.
  @Test func aLargeFileFromDiskReadsAsWhole() throws {
    var text = Self.header
    var id = 0
    while text.utf8.count < CSVFileReader.parallelThreshold + (1 << 20) {
      id += 1
      let how = id % 7 == 0 ? "\"Rad ett\nrad \"\"två\"\", med komma\"" : "Hur \(id % 113) å ä ö"
      text +=
        "\(id),Inriktning \(id % 3),Vad \(id % 211),\(how),Kansliet; Styrelsen \(id % 5),"
        + "\(["Löpande", "Hösten 2021", "11 maj 2021", "Vid behov"][id % 4]),Pågår,\(id % 3 + 1)\n"
    }
    let path = PlanFileTesting.temporaryFile(text, suffix: ".csv")
    defer { unlink(path) }
    let fromDisk = try PlanFile.read(path: path)
    let whole = try PlanFile.parse(bytes: Array(text.utf8), format: .csv, path: path)
    #expect(fromDisk.activities.count == id)
    #expect(fromDisk.activities == whole.activities)
    #expect(fromDisk.metadata == whole.metadata)
  }
}
