@testable import PlanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Helpers shared by the plan-file tests.
enum PlanFileTesting {
  /// Reads bytes as a plan file named `plan.csv` or `plan.json`, in plan year 2021 unless told otherwise,
  /// with a time reader that understands nothing, so that tests do not depend on the real one.
  static func read(
    _ bytes: [UInt8], _ format: PlanFile.Format, year: Int? = 2021
  ) throws(PlanFileError) -> Plan {
    try PlanFile.parse(
      bytes: bytes, format: format, path: format == .csv ? "plan.csv" : "plan.json",
      options: PlanReadOptions(year: year), intervalOf: { _, _ in nil })
  }

  static func read(_ text: String, _ format: PlanFile.Format, year: Int? = 2021) throws(PlanFileError) -> Plan
  {
    try read(Array(text.utf8), format, year: year)
  }

  /// The error reading gives, or nil when it reads.
  static func error(_ bytes: [UInt8], _ format: PlanFile.Format) -> PlanFileError? {
    do {
      _ = try read(bytes, format)
      return nil
    } catch {
      return error
    }
  }

  /// A file under /tmp holding `text`, removed by the caller with `unlink`.
  static func temporaryFile(_ text: String, suffix: String) -> String {
    temporaryFile(bytes: Array(text.utf8), suffix: suffix)
  }

  /// A file under /tmp holding `bytes`, which need not be text, removed by the caller with `unlink`.
  static func temporaryFile(bytes: [UInt8], suffix: String) -> String {
    var template = Array("/tmp/sekom-plan-test-XXXXXX\(suffix)".utf8CString)
    let descriptor = mkstemps(&template, Int32(suffix.utf8.count))
    precondition(descriptor >= 0, "cannot make a temporary file")
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
      precondition(n > 0, "cannot write a temporary file")
      written += n
    }
    close(descriptor)
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// An activity's columns as plain values, for comparing what a file reads as with what it should.
struct PlanRow: Equatable, Sendable, CustomStringConvertible {
  var id: Int
  var direction: String
  var what: String
  var how: String
  var who: [String]
  var when: String
  var status: String
  var priority: Int?

  var description: String {
    "\(id)|\(direction)|\(what)|\(how)|\(who)|\(when)|\(status)|\(priority.map(String.init) ?? "nil")"
  }
}

// In an extension, so that the memberwise initializer stays and these two are written through it.
extension PlanRow {
  /// A row written out in a test's table, its columns in plan order.
  init(
    _ id: Int, _ direction: String, _ what: String, _ how: String, _ who: [String], _ when: String,
    _ status: String, _ priority: Int?
  ) {
    self.init(
      id: id, direction: direction, what: what, how: how, who: who, when: when, status: status,
      priority: priority)
  }

  init(_ activity: Activity) {
    self.init(
      activity.id, activity.direction, activity.what, activity.how, activity.who, activity.when.text,
      activity.status.text, activity.priority)
  }
}

/// A file that must be refused, and where.
struct RefusedFile: Sendable, CustomStringConvertible {
  var name: String
  var bytes: [UInt8]
  var line: Int?
  var field: String?
  /// A part of the message that must be there.
  var says: String

  init(_ name: String, _ text: String, line: Int?, field: String? = nil, says: String) {
    self.init(name, Array(text.utf8), line: line, field: field, says: says)
  }

  init(_ name: String, _ bytes: [UInt8], line: Int?, field: String? = nil, says: String) {
    self.name = name
    self.bytes = bytes
    self.line = line
    self.field = field
    self.says = says
  }

  var description: String { name }
}
