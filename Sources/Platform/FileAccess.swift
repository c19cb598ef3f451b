#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading the files a session names, with the system's reason when that fails; `AtomicFile` writes them.
public enum FileAccess {
  public struct Failure: Error {
    public var reason: String
    /// The file was not written because its name was taken (`AtomicFile.Existing.keep`).
    public var nameTaken = false
  }

  /// The file's bytes, or, when it holds more than `limit`, its first `limit + 1`: a pipe or a device such
  /// as /dev/zero never ends, and the caller refuses what is too long.
  public static func readBytes(_ path: String, limit: Int = .max) throws(Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw Failure(reason: reason()) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw Failure(reason: reason()) }
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw Failure(reason: "it is a directory") }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(max(0, Int(info.st_size)))
    try readAll(descriptor: fd, limit: limit, into: &bytes)
    return bytes
  }

  /// Reads a descriptor to its end into `bytes`, or until they hold more than `limit`, and then keeps
  /// `limit + 1` of them. On a read error what was read stays in `bytes`.
  public static func readAll(descriptor: Int32, limit: Int, into bytes: inout [UInt8]) throws(Failure) {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(reason: reason())
      }
      if count == 0 { return }
      bytes.append(contentsOf: buffer[0..<count])
    }
    bytes.removeLast(bytes.count - (limit + 1))
  }

  /// The first of `files` that is the file at `path`, whatever paths name them; nil when none is, or
  /// `path` does not exist yet.
  public static func first<File>(of files: [File], sameAs path: String, path filePath: (File) -> String)
    -> File?
  {
    guard let target = identity(path) else { return nil }
    return files.first { identity(filePath($0)).map { $0 == target } ?? false }
  }

  /// The same file, whatever path names it; nil when it does not exist.
  public static func identity(_ path: String) -> (device: UInt64, inode: UInt64)? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (UInt64(info.st_dev), UInt64(info.st_ino))
  }

  /// What tells whether a path still names the same bytes: the file, its size and the times of its last
  /// change.
  public struct Version: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var stamp: ReadableFile.Stamp
  }

  /// The version of the regular file at `path`; nil for anything else (a FIFO, a device, a folder) or
  /// nothing.
  public static func regularFileVersion(_ path: String) -> Version? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return version(info)
  }

  /// The version of the regular file open at `descriptor` (standard input redirected from a file); nil
  /// for a pipe, a terminal or a device.
  public static func regularFileVersion(descriptor: Int32) -> Version? {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    return version(info)
  }

  private static func version(_ info: stat) -> Version? {
    guard info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Version(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), stamp: ReadableFile.stamp(of: info))
  }

  /// Whether anything exists at the path (a dangling link does not).
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Entries of a folder, sorted, folders marked with a trailing slash; hidden ones only when asked for.
  /// An empty folder name is the current folder; a folder that cannot be read has no entries.
  public static func entries(of folder: String, includeHidden: Bool) -> [String] {
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." || (name.hasPrefix(".") && !includeHidden) { continue }
      let path = (folder.isEmpty ? "" : folder + (folder.hasSuffix("/") ? "" : "/")) + name
      var info = stat()
      let isFolder = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      names.append(isFolder ? name + "/" : name)
    }
    return names.sorted()
  }

  /// Takes the exclusive lock (`flock`) on the file open as `descriptor`, waiting for it or not. True when
  /// it is held and `path` still names that file; false when, not waiting, another holds it, or when the
  /// file has been replaced by a rename since it was opened: a lock on the old file locks nothing anyone
  /// else opens, and the caller opens the path again. The rule of `FileLock` and `SharedFile`.
  static func lockExclusive(_ descriptor: Int32, of path: String, waiting: Bool) throws(Failure) -> Bool {
    var result: Int32
    repeat {
      result = flock(descriptor, waiting ? LOCK_EX : LOCK_EX | LOCK_NB)
    } while result != 0 && errno == EINTR && waiting
    guard result == 0 else {
      if !waiting { return false }
      throw Failure(reason: reason())
    }
    var held = stat()
    var named = stat()
    return fstat(descriptor, &held) == 0 && stat(path, &named) == 0 && held.st_dev == named.st_dev
      && held.st_ino == named.st_ino
  }

  public static func reason() -> String { String(cString: strerror(errno)) }

  /// The directory part of a path, "." when it has none.
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// A relative path taken from a directory: `.read other.sq` in a script reads the file beside it.
  public static func resolve(_ path: String, from directory: String?) -> String {
    guard let directory, !path.hasPrefix("/"), directory != "." else { return path }
    return directory + "/" + path
  }
}
