// libFuzzer target `csv`: any bytes, read as a CSV plan file. Reading must end in a plan or in a
// PlanFileError that names its line (only an empty file has none); a plan that loads must be written by
// `PlanFile.csv` into a file that loads again as the same activities, and by `PlanFile.json` into one that
// loads again as the same plan. Read a few bytes at a time, and in two parts split after a line feed, it
// must come to the same plan or the same error as read whole. The vector check of text (AVX2) must say
// clean exactly when the byte-at-a-time check finds no bad byte.
import FuzzChecks
import Platform

@testable import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  bytes.withUnsafeBufferPointer { buffer in
    let byteByByte = ByteText.firstProblemByteByByte(in: buffer) == nil
    if let vector = CleanText.check(buffer), vector != byteByByte {
      fatalError("the vector check says clean: \(vector), the byte-at-a-time check: \(byteByByte)")
    }
  }
  let options = PlanReadOptions(year: size % 3 == 0 ? 2021 : nil, allowsRepeatedIDs: size % 2 == 0)
  let problems: [String]
  do {
    let plan = try PlanFile.parse(bytes: bytes, format: .csv, path: "fuzz.csv", options: options)
    readsAlikeInPieces(bytes, options, whole: .plan(plan.activities, plan.metadata))
    problems = PlanFileChecks.roundTripProblems(plan, readAs: .csv, options: options)
  } catch {
    readsAlikeInPieces(bytes, options, whole: .refused(error))
    problems = [PlanFileChecks.placeProblem(error, in: bytes)].compactMap { $0 }
  }
  if let problem = problems.first { fatalError(problem) }
  return 0
}

enum Outcome: Equatable {
  case plan([Activity], PlanMetadata)
  case refused(PlanFileError)
}

private func outcome(
  _ options: PlanReadOptions, _ read: (inout PlanDraft) throws(PlanFileError) -> Void
) -> Outcome {
  var draft = PlanDraft(path: "fuzz.csv", allowsRepeatedIDs: options.allowsRepeatedIDs)
  do {
    try read(&draft)
  } catch {
    return .refused(error)
  }
  let plan = draft.finish(options: options, intervalOf: SwedishTime.interval)
  return .plan(plan.activities, plan.metadata)
}

/// Reading the bytes a few at a time into a small buffer, and in two parts split after the line feed
/// nearest a place the input picks, comes to what reading them whole did.
private func readsAlikeInPieces(_ bytes: [UInt8], _ options: PlanReadOptions, whole: Outcome) {
  let piece = 1 + bytes.count % 61
  let inPieces = outcome(options) { (draft: inout PlanDraft) throws(PlanFileError) in
    var records = CSVRecords(
      path: "fuzz.csv", offset: 0, line: 1, capacity: 8, supply: bytePieces(of: bytes, piece: piece))
    try CSVReader.read(&records, into: &draft, expectedEnd: bytes.count)
  }
  guard inPieces == whole else { fatalError("read \(piece) bytes at a time: \(inPieces), whole: \(whole)") }
  let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
  guard !lineFeeds.isEmpty else { return }
  let split = lineFeeds[Int(bytes[bytes.count / 2]) % lineFeeds.count] + 1
  let inTwoParts = outcome(options) { (draft: inout PlanDraft) throws(PlanFileError) in
    try bytes.withUnsafeBufferPointer { buffer throws(PlanFileError) in
      var first = CSVRecords(
        path: "fuzz.csv", bytes: buffer, offset: ByteText.byteOrderMarkLength(buffer), line: 1)
      let layout = try CSVReader.header(&first)
      guard split > first.offset, split < buffer.count else {
        return try CSVReader.rows(&first, layout, into: &draft, expectedEnd: buffer.count)
      }
      var second = CSVRecords(path: "fuzz.csv", bytes: buffer, offset: split, line: 1)
      try CSVFileReader.readInTwoParts(
        &first, &second, layout: layout, split: split, size: buffer.count, into: &draft)
    }
  }
  guard inTwoParts == whole else { fatalError("split at \(split): \(inTwoParts), whole: \(whole)") }
}
