#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory with the C library, in one go.
///
/// PlanModel does not use Foundation. A regular file is read into an array of its size as `fstat` gives
/// it, without copying; anything after that (a file still growing, a pipe, a file under /proc whose size
/// is 0) is read in chunks until the end.
enum FileBytes {
  static func read(path: String) throws(PlanFileError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, "cannot open the file", errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(path, "cannot read the file", errno) }
    if status.st_mode & S_IFMT == S_IFDIR { throw failure(path, "cannot read the file", EISDIR) }

    let size = max(Int(status.st_size), 0)
    var readError: Int32 = 0
    var atEnd = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      while count < size {
        let n = readSome(descriptor, buffer.baseAddress! + count, size - count)
        if n > 0 {
          count += n
        } else if n == 0 {
          atEnd = true
          return
        } else if errno != EINTR {
          readError = errno
          return
        }
      }
    }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while readError == 0 && !atEnd {
      let n = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress!, $0.count) }
      if n > 0 {
        bytes.append(contentsOf: chunk[0..<n])
      } else if n == 0 {
        atEnd = true
      } else if errno != EINTR {
        readError = errno
      }
    }
    if readError != 0 { throw failure(path, "cannot read the file", readError) }
    return bytes
  }

  private static func failure(_ path: String, _ what: String, _ code: Int32) -> PlanFileError {
    PlanFileError(path: path, message: "\(what): \(String(cString: strerror(code)))")
  }
}

/// read(2), named apart from `FileBytes.read(path:)` so that the C function is found on every C library.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
