import Testing

@testable import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A large file is checked as text a buffer at a time, and a record by itself only where a buffer is not
/// clean: one bad byte anywhere, in either half of the file, in a column read or one left for later, is
/// still refused with its own line.
struct LargeFileTextTests {
  /// About 11 MiB of rows of about 110 bytes, past the size read in two parts at once.
  static let rows: [[UInt8]] = (1...100_000).map { n in
    Array(
      "\(n),Förebild,Åtgärd \(n % 977) för ökad hållbarhet,Görs av kansliet; steg \(n),Kansli,Våren 2021,Pågår,1\n"
        .utf8)
  }

  static let badBytes: [(name: String, bytes: [UInt8])] = [
    ("0xFF", [0xFF]), ("a NUL", [0]), ("a letter cut short", [0xC3, 0x41]),
    ("a surrogate", [0xED, 0xA0, 0x80]),
  ]

  @Test(arguments: [2, 4_700, 51_234, 99_999])
  func aBadByteIsRefusedWithItsLine(row: Int) throws {
    for (name, bad) in Self.badBytes {
      // In `hur`, which a read of `vem` leaves for later, and in `vem`.
      for column in [3, 4] {
        var fields = Self.rows[row - 1].split(separator: 0x2C, omittingEmptySubsequences: false).map(
          Array.init)
        fields[column].insert(contentsOf: bad, at: 1)
        var bytes = Array("id,inriktning,vad,hur,vem,när,status,prio\n".utf8)
        for (index, line) in Self.rows.enumerated() {
          bytes += index == row - 1 ? Array(fields.joined(separator: [0x2C])) : line
        }
        let path = PlanFileTesting.temporaryFile(bytes: bytes, suffix: ".csv")
        defer { unlink(path) }
        for columns: Set<PlanColumn> in [[.who], Set(PlanColumn.allCases)] {
          let error = #expect(throws: PlanFileError.self, "\(name) in column \(column) of row \(row)") {
            try PlanFile.read(path: path, options: PlanReadOptions(year: 2021, columns: columns))
          }
          #expect(error?.line == row + 1, "\(name) in column \(column) of row \(row)")
          #expect(
            error?.message.contains(bad == [0] ? "NUL" : "not valid UTF-8") == true,
            "\(name): \(error?.message ?? "")")
        }
      }
    }
  }

  @Test func aCleanLargeFileReadsWhole() throws {
    let path = PlanFileTesting.temporaryFile(
      bytes: Array("id,inriktning,vad,hur,vem,när,status,prio\n".utf8) + Self.rows.joined(), suffix: ".csv")
    defer { unlink(path) }
    let plan = try PlanFile.read(path: path, options: PlanReadOptions(year: 2021, columns: [.who]))
    #expect(plan.activityCount == 100_000)
  }
}
