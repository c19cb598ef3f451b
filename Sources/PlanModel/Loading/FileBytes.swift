import Platform

/// Reads plan files through Platform, with the messages plan files give: PlanModel does not use Foundation.
enum FileBytes {
  static func open(path: String) throws(PlanFileError) -> ReadableFile {
    do throws(ReadableFile.OpenFailure) {
      return try ReadableFile(path: path)
    } catch {
      switch error {
      case .open(let failure):
        throw PlanFileError(path: path, message: "cannot open the file: \(failure.reason)")
      case .status(let failure):
        throw PlanFileError(path: path, message: "cannot read the file: \(failure.reason)")
      }
    }
  }

  /// Up to `count` bytes from the start of a regular file, without moving its offset.
  static func prefix(_ file: borrowing ReadableFile, count: Int) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      filled = (try? file.read(into: UnsafeMutableRawBufferPointer(buffer), at: 0)) ?? 0
    }
  }

  /// The whole file, read into an array of its size as `fstat` gives it, without copying; anything after
  /// that (a file still growing, a pipe) is read in chunks until the end, or until a chunk holds a NUL
  /// byte, which no plan file has and which the reader then refuses with its line: a device such as
  /// /dev/zero never ends.
  static func read(_ file: borrowing ReadableFile, path: String) throws(PlanFileError) -> [UInt8] {
    let size = file.size ?? 0
    var readError: ReadableFile.Failure?
    var atEnd = false
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      while count < size {
        do throws(ReadableFile.Failure) {
          let n = try file.read(
            into: UnsafeMutableRawBufferPointer(start: buffer.baseAddress! + count, count: size - count))
          guard n > 0 else {
            atEnd = true
            return
          }
          count += n
        } catch {
          readError = error
          return
        }
      }
    }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while readError == nil && !atEnd {
      do throws(ReadableFile.Failure) {
        // withUnsafeMutableBytes rethrows untyped errors: the failure comes out as a value.
        let n = try chunk.withUnsafeMutableBytes { buffer in
          Result { () throws(ReadableFile.Failure) in try file.read(into: buffer) }
        }.get()
        if n > 0 {
          bytes.append(contentsOf: chunk[0..<n])
          if chunk[0..<n].contains(0) { break }
        } else {
          atEnd = true
        }
      } catch {
        readError = error
      }
    }
    if let readError { throw PlanFileError(path: path, message: "cannot read the file: \(readError.reason)") }
    return bytes
  }
}
