import Platform

/// The columns of a CSV plan file left unread when it was loaded, and how to read them later: the file,
/// still open, and the offset each row starts at.
///
/// Reading them later is reading the same bytes: the file's size and times must be as they were, and
/// each row must still have its fields, or the plan in memory and the file no longer agree and the read
/// is refused. Only `let`s, and pread(2) needs no shared offset: two threads may read at once.
final class DeferredColumns: @unchecked Sendable {
  /// Below this size a file is read whole: the columns of a small file cost too little to leave.
  static let minimumSize = 1 << 20
  /// The columns that can be left for later; the others are checked or needed while loading.
  static let deferrable: Set<PlanColumn> = [.direction, .what, .how, .who, .status]

  private let file: ReadableFile
  private let path: String
  private let layout: CSVReader.Layout
  private let rowStarts: [Int]
  private let stamp: ReadableFile.Stamp?

  init(
    file: consuming ReadableFile, stamp: ReadableFile.Stamp?, path: String, layout: CSVReader.Layout,
    rowStarts: [Int]
  ) {
    self.file = file
    self.stamp = stamp
    self.path = path
    self.layout = layout
    self.rowStarts = rowStarts
  }

  /// The columns to leave unread in a file of `size` bytes (nil for a pipe) when `wanted` are asked for.
  static func columns(leftBy wanted: Set<PlanColumn>, size: Int?) -> Set<PlanColumn> {
    guard let size, size >= minimumSize else { return [] }
    return deferrable.subtracting(wanted)
  }

  /// Reads `columns` of the rows at `positions`, in ascending order, handing `take` each one's position
  /// and its cells by column, each valid until the next is asked for. A row is scanned up to the last
  /// field it is asked for.
  func read<Positions: Sequence<Int>>(
    _ columns: Set<PlanColumn>, rows positions: Positions,
    take: (Int, (PlanColumn) -> UnsafeBufferPointer<UInt8>) -> Void
  ) throws(PlanFileError) {
    guard let stamp, file.stamp() == stamp else { throw changed() }
    var window = Window(capacity: CSVRecords.chunkSize)
    defer { window.deallocate() }
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVScanner.maximumFieldLength)
    defer { scratch.deallocate() }
    var fields: [CSVField] = []
    let layout = self.layout
    let last = columns.map { layout.position(of: $0) }.max() ?? 0
    // All the fields when the last is asked for: a row with more than the header has is then refused.
    let fieldLimit = last + 1 < layout.names.count ? last + 1 : .max
    for position in positions {
      let bytes = try record(at: rowStarts[position], in: &window, fields: &fields, fieldLimit: fieldLimit)
      guard fields.count == min(fieldLimit, layout.names.count) else { throw changed() }
      take(position) { column in
        CSVScanner.content(of: fields[layout.position(of: column)], in: bytes, scratch: scratch)
      }
    }
  }

  /// The fields of the record starting at file offset `start`, scanned in `window`, which is read anew
  /// when the record is not all in it.
  private func record(
    at start: Int, in window: inout Window, fields: inout [CSVField], fieldLimit: Int
  ) throws(PlanFileError) -> UnsafeBufferPointer<UInt8> {
    let size = stamp?.size ?? 0
    while true {
      if start < window.offset || start >= window.offset + window.count {
        try fill(&window, from: start)
      }
      let bytes = window.bytes
      var scanner = CSVScanner(
        bytes: bytes, final: window.offset + window.count >= size, path: path, start: start - window.offset)
      switch try scanner.nextRecord(into: &fields, fieldLimit: fieldLimit) {
      case .record: return bytes
      case .end: throw changed()
      case .incomplete:
        // The record runs past the window: read from its start, in a larger window if it began there.
        if window.offset == start { window.grow() }
        try fill(&window, from: start)
      }
    }
  }

  private func fill(_ window: inout Window, from offset: Int) throws(PlanFileError) {
    window.offset = offset
    window.count = 0
    while window.count < window.capacity {
      let room = UnsafeMutableRawBufferPointer(
        start: window.storage + window.count, count: window.capacity - window.count)
      let n: Int
      do throws(ReadableFile.Failure) {
        n = try file.read(into: room, at: offset + window.count)
      } catch {
        throw PlanFileError(path: path, message: "cannot read the file: \(error.reason)")
      }
      if n == 0 { break }
      window.count += n
    }
    if window.count == 0 { throw changed() }
  }

  private func changed() -> PlanFileError {
    PlanFileError(
      path: path,
      message: "the file changed after sekom read it, so the plan in use no longer matches it; "
        + "read it again (.plan \(path))")
  }

  /// A piece of the file in memory: `count` bytes from file offset `offset`.
  private struct Window {
    var storage: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var offset = 0
    var count = 0

    init(capacity: Int) {
      self.capacity = capacity
      storage = .allocate(capacity: capacity)
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    mutating func grow() {
      storage.deallocate()
      capacity *= 2
      storage = .allocate(capacity: capacity)
      count = 0
    }

    func deallocate() { storage.deallocate() }
  }
}
