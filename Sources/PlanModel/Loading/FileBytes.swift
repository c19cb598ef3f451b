#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens and reads files with the C library: PlanModel does not use Foundation.
enum FileBytes {
  /// An open file and its size, nil when it is not a regular file (a pipe, a terminal, a file under /proc
  /// whose size reads as 0).
  struct OpenFile: ~Copyable {
    let descriptor: Int32
    let size: Int?

    deinit { close(descriptor) }
  }

  static func open(path: String) throws(PlanFileError) -> OpenFile {
    let descriptor = openFile(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, "cannot open the file", errno) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      close(descriptor)
      throw failure(path, "cannot read the file", code)
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      close(descriptor)
      throw failure(path, "cannot read the file", EISDIR)
    }
    let regular = status.st_mode & S_IFMT == S_IFREG && status.st_size > 0
    return OpenFile(descriptor: descriptor, size: regular ? Int(status.st_size) : nil)
  }

  /// Up to `count` bytes from the start of a regular file, without moving its offset.
  static func prefix(_ file: borrowing OpenFile, count: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      filled = max(0, pread(file.descriptor, buffer.baseAddress, count, 0))
    }
  }

  /// The whole file, read into an array of its size as `fstat` gives it, without copying; anything after
  /// that (a file still growing, a pipe) is read in chunks until the end, or until a chunk holds a NUL
  /// byte, which no plan file has and which the reader then refuses with its line: a device such as
  /// /dev/zero never ends.
  static func read(_ file: borrowing OpenFile, path: String) throws(PlanFileError) -> [UInt8] {
    let descriptor = file.descriptor
    let size = file.size ?? 0
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
        if chunk[0..<n].contains(0) { break }
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

/// open(2), named apart from `FileBytes.open(path:)` so that the C function is found.
private func openFile(_ path: String, _ flags: Int32) -> Int32 {
  open(path, flags)
}

/// read(2), named apart from `FileBytes.read` so that the C function is found on every C library.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
