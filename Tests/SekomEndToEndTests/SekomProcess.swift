import Foundation

/// Runs the built `sekom` binary, which SwiftPM puts beside the test bundle.
struct SekomProcess {
  struct Outcome {
    var status: Int32
    var output: String
    var error: String
  }

  static var binary: URL {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return executable.deletingLastPathComponent().appendingPathComponent("sekom")
  }

  static func run(
    _ arguments: [String], input: Data? = nil, directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Outcome {
    try run(binary, arguments, input: input, directory: directory, environment: environment)
  }

  /// Runs a shell script with the binary first on PATH, as a user types the README's examples.
  static func runShell(_ script: String, directory: URL, input: Data? = nil) throws -> Outcome {
    try run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", script], input: input, directory: directory, environment: [:])
  }

  private static func run(
    _ executable: URL, _ arguments: [String], input: Data?, directory: URL?, environment: [String: String]
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    // The tests read English reports unless they ask for a language: a Swedish desk's locale stays out.
    (env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]) = (nil, nil, "C.UTF-8")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let stdout = Pipe()
    let stdin = Pipe()
    // Standard error goes to a file, so that only one pipe is read while the child runs.
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sekom-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let stderr = try FileHandle(forWritingTo: errorFile)
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(input) }
    try stdin.fileHandleForWriting.close()
    let outputData = readToEnd(stdout.fileHandleForReading)
    process.waitUntilExit()
    try stderr.close()
    let errorData = try Data(contentsOf: errorFile)
    return Outcome(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self))
  }

  /// All a pipe gives until its writers close it. Foundation's `readDataToEndOfFile` traps when a signal
  /// interrupts its read (seen on a busy machine), so the bytes are read here, again after EINTR.
  static func readToEnd(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return data }
      data.append(contentsOf: buffer[0..<count])
    }
  }

  /// Starts a process; a script just written may still be open in a child another test is forking
  /// (ETXTBSY), so starting is tried again a few times.
  static func start(_ process: Process) throws {
    var tries = 0
    while true {
      do {
        try process.run()
        return
      } catch let error as NSError
        where tries < 20 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY)
      {
        tries += 1
        usleep(50_000)
      }
    }
  }

  static func run(_ arguments: [String], stdin text: String) throws -> Outcome {
    try run(arguments, input: Data(text.utf8))
  }

  /// A fresh folder for files a test writes.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sekom-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
