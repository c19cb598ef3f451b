#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file open for reading, closed when it goes. Reads retry when a signal interrupts them.
public struct ReadableFile: ~Copyable {
  /// Why a call failed, as the C library's error number.
  public struct Failure: Error, Sendable, Equatable {
    public var code: Int32

    public init(code: Int32) { self.code = code }

    /// The system's words for it, "No such file or directory".
    public var reason: String { String(cString: strerror(code)) }

    public static let isDirectory = Failure(code: EISDIR)
  }

  /// Why `init` failed: at opening, or at looking at what was opened.
  public enum OpenFailure: Error, Sendable, Equatable {
    case open(Failure)
    case status(Failure)
  }

  public let descriptor: Int32
  /// The size of a regular file that is not empty; nil for a pipe, a terminal, or a file under /proc
  /// whose size reads as 0.
  public let size: Int?

  /// Opens `path`; a directory is refused at the status step, with EISDIR.
  public init(path: String) throws(OpenFailure) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .open(Failure(code: errno)) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      close(descriptor)
      throw .status(Failure(code: code))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      close(descriptor)
      throw .status(.isDirectory)
    }
    self.descriptor = descriptor
    let regular = status.st_mode & S_IFMT == S_IFREG && status.st_size > 0
    size = regular ? Int(status.st_size) : nil
  }

  deinit { close(descriptor) }

  /// What tells whether the file changed since it was opened: its size and the times of its last change.
  public struct Stamp: Sendable, Equatable {
    public var size: Int
    public var modified: [Int]
  }

  /// The file's stamp now; nil when it cannot be looked at.
  public func stamp() -> Stamp? {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    return Self.stamp(of: status)
  }

  static func stamp(of status: stat) -> Stamp {
    #if canImport(Darwin)
      let (content, change) = (status.st_mtimespec, status.st_ctimespec)
    #else
      let (content, change) = (status.st_mtim, status.st_ctim)
    #endif
    return Stamp(
      size: Int(status.st_size),
      modified: [Int(content.tv_sec), Int(content.tv_nsec), Int(change.tv_sec), Int(change.tv_nsec)])
  }

  /// Reads into `buffer` from where the file is; 0 at its end.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
    try Self.read(descriptor: descriptor, into: buffer)
  }

  /// Reads into `buffer` from `offset`, without moving the file's own offset; 0 at its end.
  public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Failure) -> Int {
    try Self.read(descriptor: descriptor, into: buffer, at: offset)
  }

  /// read(2) on a descriptor: its bytes from where it is; 0 at its end.
  public static func read(descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(Failure)
    -> Int
  {
    while true {
      let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno != EINTR { throw Failure(code: errno) }
    }
  }

  /// pread(2) on a descriptor: its bytes from `offset`, which two readers may share; 0 at its end.
  public static func read(descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
    throws(Failure) -> Int
  {
    while true {
      let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
      if count >= 0 { return count }
      if errno != EINTR { throw Failure(code: errno) }
    }
  }
}

/// read(2), named apart from `ReadableFile.read` so that the C function is found on every C library.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
