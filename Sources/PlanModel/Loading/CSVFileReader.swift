import Platform

/// Reads a CSV plan file from disk a buffer at a time, and a large one in two parts at once, one on each
/// core.
///
/// The second part starts after the line feed nearest the middle of the file. That guess is right unless
/// the line feed is inside a quoted field; the first part finds out by where its last record ends, and
/// if the guess was wrong it reads on to the end itself and the second part's work is dropped. Either way
/// the plan, or the first error in the file, is the same as reading from start to end.
enum CSVFileReader {
  /// Below this a second thread costs more than it saves.
  static let parallelThreshold = 8 << 20

  /// Reads the file open at `descriptor`; `size` is nil when it is not a regular file (a pipe), which
  /// is read in one part, from where it stands.
  static func read(
    descriptor: Int32, size: Int?, into draft: inout PlanDraft, maximumRows: Int = CSVReader.maximumRows
  ) throws(PlanFileError) {
    let path = draft.path
    var first = CSVRecords(
      path: path, offset: 0, line: 1,
      supply: CSVRecords.fileSupply(descriptor: descriptor, path: path, offset: 0, positional: size != nil))
    try first.skipByteOrderMark()
    let layout = try CSVReader.header(&first)
    draft.layout = layout
    guard let size else {
      try CSVReader.rows(&first, layout, into: &draft, expectedEnd: 0, maximumRows: maximumRows)
      return
    }
    let split =
      size - first.offset >= parallelThreshold
      ? splitPoint(descriptor: descriptor, from: first.offset, size: size) : nil
    // The line feeds bound the rows of each part: the arrays are sized once, to what the rows can need
    // at most, and a file that could pass the row limit is counted before any activity is made.
    // Rows held as columns take a few dozen bytes each: when the first mebibyte says the file holds far
    // fewer rows than the limit, the count, a whole pass over the file, is left out. A file whose rows
    // shrink past that point is still refused at the limit, by then with a few hundred megabytes in use.
    // Left uncounted, the arrays are sized as the rows come, from the bytes per row of the first of them.
    let counts =
      draft.deferred.isEmpty
      || !Self.rowsSeemFew(descriptor: descriptor, from: first.offset, size: size, maximumRows: maximumRows)
    var feeds: (first: Int?, second: Int?) = (nil, nil)
    if counts, let split {
      inParallel(
        { feeds.first = LineFeedCount.count(descriptor: descriptor, from: first.offset, to: split) },
        { feeds.second = LineFeedCount.count(descriptor: descriptor, from: split, to: size) })
    } else if counts {
      feeds.first = LineFeedCount.count(descriptor: descriptor, from: first.offset, to: size)
    }
    var secondRows: Int?
    if let firstFeeds = feeds.first, split == nil || feeds.second != nil {
      let mostRows = firstFeeds + 1 + (feeds.second ?? 0)
      if mostRows > maximumRows {
        try refusePastRowLimit(
          descriptor: descriptor, path: path, from: first.offset, line: first.line, layout: layout,
          names: first.names, maximumRows: maximumRows)
      }
      draft.reserveExactly(min(mostRows, maximumRows))
      secondRows = feeds.second.map { min($0 + 1, maximumRows) }
    }
    guard let split else {
      try CSVReader.rows(&first, layout, into: &draft, expectedEnd: size, maximumRows: maximumRows)
      return
    }
    var second = CSVRecords(
      path: path, offset: split, line: 1,
      supply: CSVRecords.fileSupply(descriptor: descriptor, path: path, offset: split, positional: true))
    try readInTwoParts(
      &first, &second, layout: layout, split: split, size: size, secondRows: secondRows, into: &draft,
      maximumRows: maximumRows)
  }

  /// Counts the rows from `offset` on, as the reader would take them, and refuses the file at the first
  /// row past the limit. A record the reader would refuse ends the count: that error comes first in the
  /// file, and reading reports it. A file that cannot be scanned to the end is left to reading too.
  private static func refusePastRowLimit(
    descriptor: Int32, path: String, from offset: Int, line: Int, layout: CSVReader.Layout, names: [String],
    maximumRows: Int
  ) throws(PlanFileError) {
    var records = CSVRecords(
      path: path, offset: offset, line: line,
      supply: CSVRecords.fileSupply(descriptor: descriptor, path: path, offset: offset, positional: true))
    records.names = names
    guard
      let line = try? CSVReader.lineOfFirstRowPastLimit(
        &records, layout, maximumRows: maximumRows)
    else { return }
    throw CSVReader.tooManyRows(path: path, line: line, maximum: maximumRows)
  }

  /// Reads the rows of `first` up to `split` and those of `second` from there at once, then joins them.
  /// Also used by tests, on bytes in memory split at any place.
  static func readInTwoParts(
    _ first: inout CSVRecords, _ second: inout CSVRecords, layout: CSVReader.Layout, split: Int, size: Int,
    secondRows: Int? = nil, into draft: inout PlanDraft, maximumRows: Int = CSVReader.maximumRows
  ) throws(PlanFileError) {
    second.names = first.names
    var rest = PlanDraft(
      path: draft.path, allowsRepeatedIDs: draft.allowsRepeatedIDs, checksIDs: false,
      deferring: draft.deferred)
    if let secondRows { rest.reserveExactly(secondRows) }
    var firstError: PlanFileError?
    var secondError: PlanFileError?
    inParallel(
      {
        do throws(PlanFileError) {
          try CSVReader.rows(
            &first, layout, into: &draft, until: split, expectedEnd: size, maximumRows: maximumRows)
        } catch {
          firstError = error
        }
      },
      {
        do throws(PlanFileError) {
          try CSVReader.rows(&second, layout, into: &rest, expectedEnd: size, maximumRows: maximumRows)
        } catch {
          secondError = error
        }
      })
    if let firstError { throw firstError }
    guard first.offset == split else {
      // The split fell inside a quoted field: the second part read from the middle of a record.
      try CSVReader.rows(&first, layout, into: &draft, expectedEnd: size, maximumRows: maximumRows)
      return
    }
    let lineOffset = first.line - 1
    try draft.absorb(
      &rest, lineOffset: lineOffset, numberByPosition: layout.id == nil, maximumRows: maximumRows)
    if var secondError {
      secondError.line = secondError.line.map { $0 + lineOffset }
      throw secondError
    }
  }

  /// Whether the line feeds of the first mebibyte from `start`, scaled to the file's size, stay under a
  /// quarter of the row limit.
  static func rowsSeemFew(descriptor: Int32, from start: Int, size: Int, maximumRows: Int) -> Bool {
    let sample = min(1 << 20, size - start)
    guard sample > 0, let feeds = LineFeedCount.count(descriptor: descriptor, from: start, to: start + sample)
    else { return false }
    return (feeds + 1) * ((size - start) / sample + 1) < maximumRows / 4
  }

  /// The offset just after the first line feed from the middle of the rows on, or nil when none is found
  /// within a few megabytes (or it is the file's last byte).
  static func splitPoint(descriptor: Int32, from start: Int, size: Int) -> Int? {
    let middle = start + (size - start) / 2
    var window = [UInt8](repeating: 0, count: 1 << 16)
    var offset = middle
    while offset < min(size, middle + (4 << 20)) {
      let count = window.withUnsafeMutableBytes { buffer in
        (try? ReadableFile.read(descriptor: descriptor, into: buffer, at: offset)) ?? 0
      }
      guard count > 0 else { return nil }
      if let feed = window[0..<count].firstIndex(of: 0x0A) {
        return offset + feed + 1 < size ? offset + feed + 1 : nil
      }
      offset += count
    }
    return nil
  }
}
