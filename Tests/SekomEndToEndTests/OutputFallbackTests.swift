import Testing

/// After `.output` fails to write, results go back to standard output, as docs/robustness.md says, and
/// the run still ends with status 3.
struct OutputFallbackTests {
  @Test func aFailedOutputFileGivesWayToStandardOutput() throws {
    let run = try SekomProcess.run([
      "--keep-going", "-c", ".output /dev/full", "-c", "activities where id = 1 select id", "-c",
      "activities where id = 2 select id",
    ])
    #expect(run.status == 3)
    #expect(run.error.contains("cannot write '/dev/full': No space left on device"), "\(run.error)")
    #expect(run.output == " id\n───\n  2\n(1 activity)\n")
  }
}
