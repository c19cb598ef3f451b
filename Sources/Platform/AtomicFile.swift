import CPlatform

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file being written. A regular file is written whole or not at all: the text goes to a temporary file
/// beside it, which takes its place at `commit()`. A path that exists and is not a regular file (a
/// device, a FIFO, or a link to one) is written in place, as a shell's `>` does.
public final class AtomicFile {
  /// What may happen to a file already at the path.
  public enum Existing: Sendable {
    /// It is replaced: a regular file keeps its mode and owner, a link to one stays and the file it
    /// points to is replaced, a device or a FIFO is written in place.
    case replace
    /// Nothing is written over it, not even a dangling link: `commit()` fails with "exists" when the
    /// name is taken by then, in the same step that would put the file in place.
    case keep
  }

  /// The path as given.
  public let path: String
  /// Whether the write goes straight to an existing device or FIFO, without a temporary file.
  public let writesInPlace: Bool
  /// The file `commit()` puts in place: the path, or the regular file a link at it points to.
  private let target: String
  private let existing: Existing
  private let temporaryPath: String?
  private var temporarySlot: Int32 = -1
  private var fd: Int32 = -1
  /// The mode (and owner) the file gets at `commit()`.
  private let mode: mode_t
  private let owner: (uid: uid_t, gid: gid_t)?
  /// The first write error: a file that missed some text is never put in place.
  private var failure: FileAccess.Failure?

  public init(path: String, existing: Existing = .replace) throws(FileAccess.Failure) {
    self.path = path
    self.existing = existing
    var linkInfo = stat()
    var info = stat()
    let named = lstat(path, &linkInfo) == 0
    let resolves = named && stat(path, &info) == 0
    if existing == .keep && named {
      throw FileAccess.Failure(reason: "it exists", nameTaken: true)
    }
    if resolves && (info.st_mode & S_IFMT) == S_IFDIR {
      throw FileAccess.Failure(reason: "it is a directory")
    }
    if resolves && (info.st_mode & S_IFMT) != S_IFREG {
      // A device or a FIFO: replacing it with a regular file would break it (as root, /dev/null).
      fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
      guard fd >= 0 else { throw FileAccess.Failure(reason: FileAccess.reason()) }
      // A regular file put there since the look above would be written over in part: refused instead.
      var opened = stat()
      guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) != S_IFREG else {
        close(fd)
        fd = -1
        throw FileAccess.Failure(reason: "it changed while it was opened")
      }
      writesInPlace = true
      target = path
      temporaryPath = nil
      mode = 0
      owner = nil
      return
    }
    writesInPlace = false
    if resolves && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
      // The link stays; the file it points to is the one replaced.
      guard let real = realpath(path, nil) else { throw FileAccess.Failure(reason: FileAccess.reason()) }
      target = String(cString: real)
      free(real)
    } else {
      target = path
    }
    if resolves {
      mode = info.st_mode & 0o7777
      owner = (info.st_uid, info.st_gid)
    } else {
      mode = 0o666 & ~Self.umask
      owner = nil
    }
    Self.installHandlers
    let (descriptor, temporary, slot) = try Self.createTemporary(beside: target)
    fd = descriptor
    temporaryPath = temporary
    temporarySlot = slot
  }

  public func write(_ text: String) throws(FileAccess.Failure) {
    var text = text
    // withUTF8 rethrows untyped errors: the failure comes out as a value.
    let failure = text.withUTF8 { buffer in
      Result { () throws(FileAccess.Failure) in try write(UnsafeRawBufferPointer(buffer)) }
    }
    try failure.get()
  }

  public func write(_ bytes: [UInt8]) throws(FileAccess.Failure) {
    let failure = bytes.withUnsafeBytes { buffer in
      Result { () throws(FileAccess.Failure) in try write(buffer) }
    }
    try failure.get()
  }

  public func write(_ buffer: UnsafeRawBufferPointer) throws(FileAccess.Failure) {
    if let failure { throw failure }
    guard fd >= 0 else { throw FileAccess.Failure(reason: "the file is already closed") }
    var offset = 0
    while offset < buffer.count {
      let count = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        // A write of 0 bytes makes no progress: report it as the full device it stands for.
        let failure = FileAccess.Failure(reason: count < 0 ? FileAccess.reason() : "no space left")
        self.failure = failure
        throw failure
      }
      offset += count
    }
  }

  /// Puts the file in place: flushed to disk, with its mode and owner, renamed over the target (or, with
  /// `.keep`, only if the name is still free), and the folder flushed after. Until then the target is
  /// untouched. On failure the temporary file is removed and the target stays as it was.
  public func commit() throws(FileAccess.Failure) {
    guard fd >= 0 else {
      if let failure { throw failure }
      return
    }
    if let failure {
      discard()
      throw failure
    }
    guard let temporaryPath else {
      let closed = close(fd) == 0
      fd = -1
      guard closed else { throw failed() }
      return
    }
    guard fsync(fd) == 0, fchmod(fd, mode) == 0 else { throw failed() }
    if let owner, owner.uid != geteuid() || owner.gid != getegid() {
      // Only root may give a file away; anyone else keeps the mode and becomes the owner.
      _ = fchown(fd, owner.uid, owner.gid)
    }
    let closed = close(fd) == 0
    fd = -1
    guard closed else { throw failed() }
    switch existing {
    case .replace:
      guard rename(temporaryPath, target) == 0 else { throw failed() }
    case .keep:
      try placeWithoutReplacing(temporaryPath)
    }
    forgetTemporary()
    Self.syncFolder(of: target)
  }

  /// Leaves the target as it was (a device or FIFO keeps what was written to it).
  public func discard() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
    if let temporaryPath, temporarySlot >= 0 {
      unlink(temporaryPath)
      forgetTemporary()
    }
  }

  deinit { discard() }

  // MARK: Steps

  /// Links or renames the temporary file to the target in one step that fails when the name exists.
  private func placeWithoutReplacing(_ temporaryPath: String) throws(FileAccess.Failure) {
    if sekom_rename_noreplace(temporaryPath, target) == 0 { return }
    if errno == EINVAL || errno == ENOSYS {
      // A kernel or file system without RENAME_NOREPLACE: link(2) fails on an existing name too.
      if link(temporaryPath, target) == 0 {
        unlink(temporaryPath)
        return
      }
    }
    if errno == EEXIST {
      discard()
      throw FileAccess.Failure(reason: "it exists", nameTaken: true)
    }
    throw failed()
  }

  /// The system's reason for the last failure, after removing the temporary file.
  private func failed() -> FileAccess.Failure {
    let failure = FileAccess.Failure(reason: FileAccess.reason())
    discard()
    self.failure = failure
    return failure
  }

  private func forgetTemporary() {
    sekom_unregister_temporary(temporarySlot)
    temporarySlot = -1
  }

  /// Creates `.NAME.sekom-RANDOM` beside `target`, mode 0600, refusing any name that exists (a link
  /// planted there is not followed); the name is registered with the signal handler before it exists.
  private static func createTemporary(beside target: String) throws(FileAccess.Failure) -> (
    Int32, String, Int32
  ) {
    let folder = FileAccess.directory(of: target)
    let name = target.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? "output"
    // Room for the suffix within the 255 bytes of a name.
    var stem = ""
    for scalar in name.unicodeScalars {
      if stem.utf8.count + String(scalar).utf8.count > 200 { break }
      stem.unicodeScalars.append(scalar)
    }
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<100 {
      let random = String((0..<12).map { _ in letters[Int(generator.next(upperBound: UInt(letters.count)))] })
      let temporary = (folder == "/" ? "" : folder) + "/.\(stem).sekom-\(random)"
      let slot = sekom_register_temporary(temporary)
      guard slot >= 0 else { throw FileAccess.Failure(reason: "too many files are being written at once") }
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd >= 0 { return (fd, temporary, slot) }
      let error = errno
      sekom_unregister_temporary(slot)
      guard error == EEXIST else {
        errno = error
        throw FileAccess.Failure(reason: FileAccess.reason())
      }
    }
    throw FileAccess.Failure(reason: "no free name for a temporary file")
  }

  /// Flushes the folder's entry for the new name; a file system that cannot is not an error.
  private static func syncFolder(of path: String) {
    let folder = open(FileAccess.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { return }
    _ = fsync(folder)
    close(folder)
  }

  /// The process's umask, read once (reading it means setting it).
  private static let umask: mode_t = {
    let mask = systemUmask(0o022)
    _ = systemUmask(mask)
    return mask
  }()

  /// Installs the signal handlers that remove temporary files, once, before the first one is made.
  private static let installHandlers: Void = sekom_install_cleanup_handlers()
}

/// write(2), named apart from `AtomicFile.write` so that the C function is found on every C library.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

/// umask(2), named apart from `AtomicFile.umask`.
private func systemUmask(_ mask: mode_t) -> mode_t {
  umask(mask)
}
