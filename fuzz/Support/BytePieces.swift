import PlanModel

/// Bytes in memory handed out `piece` bytes at a time, as a pipe might, to be read as a CSV file: records
/// that straddle the pieces must read as they do whole, which the CSV-in-parts tests and the `csv` fuzz
/// target both check.
public func bytePieces(
  of bytes: [UInt8], piece: Int
) -> (UnsafeMutableRawBufferPointer) throws(PlanFileError) -> Int {
  var offset = 0
  return { (buffer: UnsafeMutableRawBufferPointer) throws(PlanFileError) -> Int in
    let count = min(piece, buffer.count, bytes.count - offset)
    bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
    offset += count
    return count
  }
}
