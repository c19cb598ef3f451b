import Platform

/// Fills as much of a buffer as it can with the next bytes of a file and returns how many it wrote; 0 at
/// the end of the file.
typealias ByteSupply = (UnsafeMutableRawBufferPointer) throws(PlanFileError) -> Int

/// The records of a CSV file, or of a part of one, read a buffer at a time.
///
/// A plan file of hundreds of megabytes is never held whole: one buffer is filled, its complete records
/// are handed out, the rest is moved to the front and the buffer filled again. A record longer than the
/// buffer grows it. Bytes already in memory are scanned where they are, without a copy.
///
/// A value that cannot be copied, owning its buffer: passed `inout`, its accesses are checked when
/// compiled, not at run time as a class's would be, on every record.
struct CSVRecords: ~Copyable {
  /// The size of a read: large enough that system calls cost nothing, small enough to stay in cache.
  static let chunkSize = 1 << 20

  /// The buffer a file is read into; nil for bytes in memory, which are only borrowed.
  private var storage: UnsafeMutablePointer<UInt8>?
  private var capacity: Int
  /// The bytes of the buffer that hold data.
  private var filled: Int
  private let supply: ByteSupply?
  /// The file offset of `storage[0]`.
  private var base: Int
  private(set) var scanner: CSVScanner
  /// The bytes of the buffer before this offset are known to be clean text (`ByteText.firstProblem`):
  /// each buffer read is checked at once up to its last line feed, 32 bytes at a time, and a record
  /// within them needs no check of its own.
  private(set) var cleanEnd = 0

  /// A file read from `offset` on, whose first line there is `line`, into a buffer of `capacity` bytes
  /// to begin with.
  init(
    path: String, offset: Int, line: Int, capacity: Int = CSVRecords.chunkSize, supply: @escaping ByteSupply
  ) {
    self.capacity = max(capacity, 1)
    storage = .allocate(capacity: self.capacity)
    filled = 0
    self.supply = supply
    base = offset
    scanner = CSVScanner(
      bytes: UnsafeBufferPointer(start: storage, count: 0), final: false, path: path, start: 0, line: line)
  }

  /// Bytes in memory, whole; records are read from `offset`, whose line is `line`.
  init(path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int, line: Int) {
    storage = nil
    capacity = bytes.count
    filled = bytes.count
    supply = nil
    base = 0
    scanner = CSVScanner(bytes: bytes, final: true, path: path, start: offset, line: line)
    cleanEnd = CSVRecords.cleanEnd(of: bytes, from: offset)
  }

  /// Where the clean text from `start` ends: after the last line feed of `bytes` when all before it is
  /// clean, else `start`, and each record is checked by itself.
  private static func cleanEnd(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard var end = bytes.indices.last, end >= start else { return start }
    while end > start && bytes[end] != 0x0A { end -= 1 }
    guard bytes[end] == 0x0A, CleanText.check(UnsafeBufferPointer(rebasing: bytes[start...end])) == true
    else { return start }
    return end + 1
  }

  deinit {
    storage?.deallocate()
  }

  /// The file offset of the next record.
  var offset: Int { base + scanner.position }

  /// The line the next record starts on.
  var line: Int { scanner.line }

  /// The column names, for messages once the header is read.
  var names: [String] {
    get { scanner.names }
    set { scanner.names = newValue }
  }

  /// The next record, its fields put in `fields` as offsets into `bytes`: the line it starts on, those
  /// bytes, and its span there (line end included); nil after the last.
  mutating func next(
    into fields: inout [CSVField]
  ) throws(PlanFileError) -> (line: Int, bytes: UnsafeBufferPointer<UInt8>, span: Range<Int>)? {
    while true {
      let start = scanner.position
      switch try scanner.nextRecord(into: &fields) {
      case .record(let line): return (line, scanner.bytes, start..<scanner.position)
      case .end: return nil
      case .incomplete: try fill()
      }
    }
  }

  /// Skips a UTF-8 byte-order mark at the start of the file.
  mutating func skipByteOrderMark() throws(PlanFileError) {
    while filled - scanner.position < 3 && !scanner.final { try fill() }
    let bytes = scanner.bytes
    let p = scanner.position
    if bytes.count - p >= 3 && bytes[p] == 0xEF && bytes[p + 1] == 0xBB && bytes[p + 2] == 0xBF {
      scanner.position += 3
    }
  }

  /// Moves the unread bytes to the front, grows the buffer if they fill it, and reads more after them.
  private mutating func fill() throws(PlanFileError) {
    guard let supply, var storage else {
      scanner.final = true
      return
    }
    let keep = filled - scanner.position
    if scanner.position > 0 {
      storage.update(from: storage + scanner.position, count: keep)
      base += scanner.position
      scanner.position = 0
      filled = keep
    }
    if filled == capacity {
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: storage, count: filled)
      storage.deallocate()
      storage = larger
      self.storage = larger
      capacity *= 2
    }
    // Reads until half the free room is filled (or the end): a pipe may give a few bytes a time, and a
    // record is scanned again from its start after each fill, so each must add much.
    let wanted = max(1, (capacity - filled) / 2)
    var added = 0
    while added < wanted {
      let count = try supply(UnsafeMutableRawBufferPointer(start: storage + filled, count: capacity - filled))
      if count == 0 {
        scanner.final = true
        break
      }
      filled += count
      added += count
    }
    scanner.bytes = UnsafeBufferPointer(start: storage, count: filled)
    cleanEnd = CSVRecords.cleanEnd(of: scanner.bytes, from: scanner.position)
  }

  /// A supply that reads a file with pread(2) from `offset`, so that two readers can share a descriptor;
  /// for a pipe or a terminal, which cannot be read at an offset, with read(2).
  static func fileSupply(descriptor: Int32, path: String, offset: Int, positional: Bool) -> ByteSupply {
    var offset = offset
    return { (buffer: UnsafeMutableRawBufferPointer) throws(PlanFileError) -> Int in
      do throws(ReadableFile.Failure) {
        let n =
          positional
          ? try ReadableFile.read(descriptor: descriptor, into: buffer, at: offset)
          : try ReadableFile.read(descriptor: descriptor, into: buffer)
        offset += n
        return n
      } catch {
        throw PlanFileError(path: path, message: "cannot read the file: \(error.reason)")
      }
    }
  }
}
