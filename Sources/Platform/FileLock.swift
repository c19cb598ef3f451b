#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on the file at a path, for a read-modify-write that others must not interleave with.
///
/// The lock is taken on the file itself (`flock`). A writer replaces the file by renaming another over it,
/// so a lock won on a file that has since been replaced locks nothing anyone else will open: the lock is
/// then dropped and taken again on the file now at the path.
public final class FileLock {
  private var fd: Int32

  /// Waits for the lock; fails when the file cannot be opened.
  public init(path: String) throws(FileAccess.Failure) {
    while true {
      let opened = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
      guard opened >= 0 else { throw FileAccess.Failure(reason: FileAccess.reason()) }
      let held: Bool
      do {
        held = try FileAccess.lockExclusive(opened, of: path, waiting: true)
      } catch {
        close(opened)
        throw error
      }
      if held {
        fd = opened
        return
      }
      // Replaced while waiting: the new file is the one to lock.
      close(opened)
    }
  }

  /// Lets the next writer in.
  public func release() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
  }

  deinit { release() }
}
