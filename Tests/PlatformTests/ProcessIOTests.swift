import Foundation
import Platform
import Testing

/// The process's environment as Platform reads it, against Foundation's copy of it.
struct ProcessIOTests {
  @Test(arguments: ["PATH", "HOME", "SEKOM_SURELY_NOT_SET_ANYWHERE"])
  func environmentIsTheProcesss(name: String) {
    #expect(ProcessIO.environment(name) == ProcessInfo.processInfo.environment[name])
  }
}
