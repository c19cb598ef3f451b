import Foundation
import Testing

/// A text kept in Tests/Golden/ that a test's output must equal byte for byte, so that a change of layout
/// shows as one diff of files to review.
///
/// Record anew (write every golden file from the output of today's build, then review `git diff Tests/Golden`):
///
///     swift build --build-tests && SEKOM_RECORD_GOLDEN=1 swift test --skip-build --filter Golden
enum GoldenFile {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["SEKOM_RECORD_GOLDEN"] == "1" }

  /// Compares `actual` with the golden file at `path` (under Tests/Golden/); when recording, writes it.
  static func check(
    _ actual: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let file = folder.appendingPathComponent(path)
    if recording {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file)
      return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      Issue.record(
        "no golden file Tests/Golden/\(path); record it with SEKOM_RECORD_GOLDEN=1",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let message =
      "differs from Tests/Golden/\(path) \(firstDifference(expected, actual))\nif the change is meant, record "
      + "anew with SEKOM_RECORD_GOLDEN=1 and review the diff"
    Issue.record("\(message)", sourceLocation: sourceLocation)
  }

  /// Where two texts part, by line, with both lines shown.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]).debugDescription : "(the end)"
    let now = line < new.count ? String(new[line]).debugDescription : "(the end)"
    return "at line \(line + 1):\n  golden: \(was)\n  now:    \(now)"
  }
}
