#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file that several processes read and append to at once, such as the REPL's history: opened
/// without following a dangling link, locked with `flock`, each addition in one `write` to the end.
///
/// A writer may replace the file by renaming another over it (`AtomicFile`), so a lock only counts while
/// the path still names the file it was won on: `lock` says whether it does.
public final class SharedFile {
  private var fd: Int32

  private init(fd: Int32) { self.fd = fd }

  /// Opens the file to read it; nil when it does not exist.
  public static func forReading(_ path: String) throws(FileAccess.Failure) -> SharedFile? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard fd >= 0 else {
      if errno == ENOENT { return try nothing(at: path) }
      throw FileAccess.Failure(reason: FileAccess.reason())
    }
    return try regular(fd)
  }

  /// Opens the file to append to it. When it does not exist it is made, 0600, with its missing folders,
  /// 0700 each; nil when another process made it first (open it again).
  public static func forAppending(_ path: String) throws(FileAccess.Failure) -> SharedFile? {
    var fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    if fd < 0 && errno == ENOENT {
      _ = try nothing(at: path)
      makeFolders(for: path)
      fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd < 0 && errno == EEXIST { return nil }
    }
    guard fd >= 0 else { throw FileAccess.Failure(reason: FileAccess.reason()) }
    return try regular(fd)
  }

  /// Takes the exclusive lock, waiting for it or not; true when it is held and the path still names this
  /// file, false when another process holds it or the file has been replaced.
  public func lock(path: String, waiting: Bool) throws(FileAccess.Failure) -> Bool {
    try FileAccess.lockExclusive(fd, of: path, waiting: waiting)
  }

  /// The file's size in bytes.
  public func size() throws(FileAccess.Failure) -> Int {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileAccess.Failure(reason: FileAccess.reason()) }
    return Int(info.st_size)
  }

  /// The whole file from its start, or, when it holds more than `limit` bytes, its first `limit + 1`.
  public func readAll(limit: Int) throws(FileAccess.Failure) -> [UInt8] {
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw FileAccess.Failure(reason: FileAccess.reason()) }
    var bytes: [UInt8] = []
    try FileAccess.readAll(descriptor: fd, limit: limit, into: &bytes)
    return bytes
  }

  /// Up to `count` bytes at `offset`; fewer where the file ends.
  public func read(count: Int, at offset: Int) throws(FileAccess.Failure) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var read = -1
    while read < 0 {
      read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
      if read < 0 && errno != EINTR { throw FileAccess.Failure(reason: FileAccess.reason()) }
    }
    bytes.removeLast(count - read)
    return bytes
  }

  /// Adds `bytes` at the end in one write: they are in the file whole or not at all, whatever signal comes.
  public func append(_ bytes: [UInt8]) throws(FileAccess.Failure) {
    let written = bytes.withUnsafeBytes { appendWrite(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      throw FileAccess.Failure(reason: written < 0 ? FileAccess.reason() : "the disk is full")
    }
  }

  /// Closes the file, which lets the lock go.
  public func close() {
    guard fd >= 0 else { return }
    systemClose(fd)
    fd = -1
  }

  deinit { close() }

  /// The file open as `fd` when it is a regular file; closed and refused otherwise.
  private static func regular(_ fd: Int32) throws(FileAccess.Failure) -> SharedFile {
    let file = SharedFile(fd: fd)
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileAccess.Failure(reason: FileAccess.reason()) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return file
    case S_IFDIR: throw FileAccess.Failure(reason: "it is a directory")
    default: throw FileAccess.Failure(reason: "it is not a regular file")
    }
  }

  /// Nothing at `path`: nil, or a failure when the path is a dangling link, since writing would create the
  /// file it points to, wherever that is.
  private static func nothing(at path: String) throws(FileAccess.Failure) -> SharedFile? {
    var info = stat()
    if lstat(path, &info) == 0 { throw FileAccess.Failure(reason: "it is a link to nothing") }
    return nil
  }

  /// Makes the missing folders of `path`, 0700 each, as the XDG rules ask of the folders a user's files
  /// are kept in.
  private static func makeFolders(for path: String) {
    var folder = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/").dropLast() {
      folder += "/" + part
      var info = stat()
      if stat(folder, &info) != 0 { mkdir(folder, 0o700) }
    }
  }
}

/// write(2) and close(2), named apart from `SharedFile`'s own methods so that the C functions are found.
private func appendWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) {
  _ = close(descriptor)
}
