import Foundation
import Testing

/// Every file the binary writes: devices, links, existing files, races, signals and file names as bytes.
struct FileWritingTests {
  /// The names in a folder that start with a dot: temporary files left behind.
  static func hiddenNames(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
  }

  static func mode(of path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func outputToAFullDeviceFailsWithStatus3() throws {
    let run = try SekomProcess.run(["-c", ".output /dev/full", "-c", "activities"])
    #expect(run.status == 3)
    #expect(run.error.contains("cannot write '/dev/full': No space left on device"), "\(run.error)")
  }

  @Test(arguments: ["/dev/null", "/dev/stdout"])
  func outputToADeviceIsWrittenInPlace(path: String) throws {
    let run = try SekomProcess.run([
      "--format", "csv", "-c", ".output \(path)", "-c", "activities where id = 1",
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.hasPrefix(path == "/dev/stdout" ? "id," : ""))
    var info = stat()
    #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
  }

  @Test func outputThroughALinkReplacesTheFileItNamesAndKeepsTheLink() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let real = folder.appendingPathComponent("real.csv").path
    let link = folder.appendingPathComponent("link.csv").path
    try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
    #expect(chmod(real, 0o600) == 0)
    #expect(symlink("real.csv", link) == 0)
    let run = try SekomProcess.run([
      "--format", "csv", "-c", ".output \(link)", "-c", "activities where id = 1",
    ])
    #expect(run.status == 0, "\(run.error)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv")
    #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("id,"))
    #expect(try Self.mode(of: real) == 0o600)
    #expect(try Self.hiddenNames(in: folder) == [])
  }

  @Test(arguments: ["export", "import"])
  func replacingWithForceKeepsTheMode(command: String) throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("plan.json").path
    try "{}".write(toFile: output, atomically: false, encoding: .utf8)
    #expect(chmod(output, 0o600) == 0)
    let arguments =
      command == "export"
      ? ["export", "--output", output, "--force"]
      : ["import", PlanCommandTests.document.path, "--output", output, "--force", "--quiet"]
    let run = try SekomProcess.run(arguments)
    #expect(run.status == 0, "\(run.error)")
    #expect(try Self.mode(of: output) == 0o600)
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"aktiviteter\""))
  }

  @Test func aNewFileGetsTheUmasksMode() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try SekomProcess.runShell("umask 002; sekom export --output new.json", directory: folder)
    #expect(run.status == 0, "\(run.error)")
    #expect(try Self.mode(of: folder.appendingPathComponent("new.json").path) == 0o664)
  }

  @Test func aDanglingLinkCountsAsExistingWithoutForce() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("out.json").path
    #expect(symlink("nowhere.json", link) == 0)
    let run = try SekomProcess.run(["export", "--output", link])
    #expect(run.status == 3)
    #expect(run.error.contains("exists; give --force"), "\(run.error)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "nowhere.json")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere.json").path))
  }

  @Test func ofConcurrentExportsToOneNewNameExactlyOneWins() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("out.json").path
    let processes = (0..<8).map { _ in
      let process = Process()
      process.executableURL = SekomProcess.binary
      process.arguments = ["export", "--output", output]
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    let statuses = processes.map(\.terminationStatus)
    #expect(statuses.filter { $0 == 0 }.count == 1, "\(statuses)")
    #expect(statuses.filter { $0 == 3 }.count == 7, "\(statuses)")
    #expect(try Self.hiddenNames(in: folder) == [])
  }

  /// A script that opens `.output` and then waits on a FIFO nobody writes: the temporary file exists
  /// while the process is killed.
  @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
  func aSignalDuringAWriteLeavesNoTemporaryFile(signal: Int32) throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("wait.sq").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let script = folder.appendingPathComponent("s.sq")
    try ".output \(folder.path)/o.json\nactivities\n.read wait.sq\n".write(
      to: script, atomically: false, encoding: .utf8)
    let processID = try Self.spawn([SekomProcess.binary.path, script.path])
    // Until the temporary file is there, written: the process then waits in open() on the FIFO.
    var waited = 0
    while try Self.hiddenNames(in: folder).isEmpty && waited < 2000 {
      usleep(10_000)
      waited += 1
    }
    #expect(try Self.hiddenNames(in: folder).count == 1)
    kill(processID, signal)
    var status: Int32 = 0
    while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
    // Ended by the signal itself, as a shell expects (128 + the signal's number).
    #expect(status & 0x7F == signal, "wait status \(status)")
    #expect(try Self.hiddenNames(in: folder) == [])
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("o.json").path))
  }

  /// Starts a process as a shell would: no signal blocked, none ignored (a test's threads
  /// block some, and Foundation's Process passes that on).
  static func spawn(_ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var processID: pid_t = 0
    let result = posix_spawn(&processID, arguments[0], &actions, &attributes, argv, environ)
    guard result == 0 else { throw CocoaError(.executableLoad) }
    return processID
  }

  @Test func aClosedPipeIsAWriteErrorWithStatus3() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The reader reads a little and leaves; the rest of the results meet a closed pipe.
    let run = try SekomProcess.runShell(
      """
      mkfifo pipe
      head -c 10 pipe > /dev/null &
      sekom -c '.output pipe' -c 'activities' -c 'activities' -c 'activities' -c 'activities'
      """, directory: folder)
    #expect(run.status == 3, "\(run.error)")
    #expect(run.error.contains("Broken pipe"), "\(run.error)")
  }

  @Test func fileNamesThatAreNotUTF8AreRefusedNotRepaired() throws {
    let folder = try SekomProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The name Swift would repair the invalid one to: it must not be run or written.
    try "activities\n".write(
      to: folder.appendingPathComponent("q\u{FFFD}.sq"), atomically: false, encoding: .utf8)
    let script = try SekomProcess.runShell(#"sekom "$(printf 'q\377.sq')""#, directory: folder)
    #expect(script.status == 2)
    #expect(script.error.contains(#"'q\xFF.sq' is not valid UTF-8"#), "\(script.error)")
    #expect(script.output == "")
    let export = try SekomProcess.runShell(
      #"sekom export --output "$(printf 'x\377.json')""#, directory: folder)
    #expect(export.status == 2)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x\u{FFFD}.json").path))
    let title = try SekomProcess.runShell(
      #"sekom --title "$(printf 'T\377')" -c activities"#, directory: folder)
    #expect(title.status == 2)
    #expect(title.error.contains("the value after '--title' is not valid UTF-8"), "\(title.error)")
  }
}
