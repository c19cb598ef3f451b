import Foundation
import Glibc
import Testing

/// The `sekom` binary running under a pseudo-terminal of its own, as a person at a terminal runs it: keys
/// are typed into the master side, and what the program writes is read back from it.
///
/// The output is kept twice: as text with escape sequences, carriage returns and other control characters
/// removed, for `waitFor`, and as a small model of the screen (cursor moves, inserted and deleted
/// characters applied), for asserting what a line looks like after editing. Every wait is bounded and
/// throws, with the output seen so far, when its time runs out.
final class PseudoTerminal {
  /// Where the child's standard output goes.
  enum StandardOutput {
    /// The terminal, like standard input and standard error.
    case terminal
    /// A pipe the test reads: standard input stays a terminal, standard output is not one.
    case pipe
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The columns of the terminal: wide enough that no typed line wraps.
  static let columns: UInt16 = 160
  static let defaultTimeout: Double = 5

  let processID: pid_t
  private let master: Int32
  /// The read end of the pipe in `.pipe` mode; -1 otherwise.
  private let pipeRead: Int32
  private var masterOpen = true
  /// Set once `hangUp` has closed the master.
  private var hungUp = false
  private var pipeOpen: Bool
  private var status: Int32?

  /// The child's output, cleaned, as UTF-8; `matched` is where the last match ended.
  private var text: [UInt8] = []
  private var matched = 0
  /// What the terminal echoed in `.pipe` mode, where it is not the child's output.
  private var echo: [UInt8] = []
  /// The child's output as it arrived, every byte: for asserting that none of some reached the terminal.
  private(set) var rawOutput: [UInt8] = []
  private var decoder = OutputDecoder()
  private var model = ScreenModel()

  /// Starts the binary with exactly `environment` (nothing is inherited) under a fresh pseudo-terminal.
  init(
    arguments: [String], environment: [String: String], standardOutput: StandardOutput = .terminal
  ) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 40, ws_col: PseudoTerminal.columns, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure.system("openpty") }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    defer { close(slave) }
    var name = [CChar](repeating: 0, count: 256)
    let nameResult = ttyname_r(slave, &name, name.count)
    guard nameResult == 0 else {
      close(master)
      throw Failure(description: "ttyname_r: \(String(cString: strerror(nameResult)))")
    }
    var pipeEnds: [Int32] = [-1, -1]
    if standardOutput == .pipe {
      guard pipe(&pipeEnds) == 0 else {
        let failure = Failure.system("pipe")
        close(master)
        throw failure
      }
      for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }
    defer { if pipeEnds[1] >= 0 { close(pipeEnds[1]) } }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, without O_NOCTTY: the terminal becomes the child's controlling terminal, so
    // that Ctrl-C raises SIGINT in it.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1] >= 0 ? pipeEnds[1] : 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID (a GNU extension Swift does not import), and signals as a fresh process has them:
    // the test runner's threads may block or ignore some.
    let setSessionID: Int32 = 0x80
    posix_spawnattr_setflags(
      &attributes, Int16(setSessionID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&signals, signal) }
    posix_spawnattr_setsigdefault(&attributes, &signals)

    let path = SekomProcess.binary.path
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var processID: pid_t = 0
    let result = posix_spawn(&processID, path, &actions, &attributes, argv, envp)
    guard result == 0 else {
      close(master)
      if pipeEnds[0] >= 0 { close(pipeEnds[0]) }
      throw Failure(description: "posix_spawn \(path): \(String(cString: strerror(result)))")
    }
    self.processID = processID
    self.master = master
    self.pipeRead = pipeEnds[0]
    self.pipeOpen = pipeEnds[0] >= 0
  }

  deinit {
    if status == nil {
      kill(processID, SIGKILL)
      var ignored: Int32 = 0
      while waitpid(processID, &ignored, 0) < 0 && errno == EINTR {}
    }
    if !hungUp { close(master) }
    if pipeRead >= 0 { close(pipeRead) }
  }

  /// Closes the master side, as closing a terminal window or losing an ssh connection does, and waits for
  /// the child to end, however it ends (a hangup usually kills it); its raw wait status.
  @discardableResult
  func hangUp(
    timeout: Double = PseudoTerminal.defaultTimeout, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Int32 {
    if !hungUp {
      hungUp = true
      masterOpen = false
      close(master)
    }
    let deadline = PseudoTerminal.now() + timeout
    while true {
      var raw: Int32 = 0
      let result = waitpid(processID, &raw, WNOHANG)
      if result == processID {
        status = (raw & 0x7f) != 0 ? 128 + (raw & 0x7f) : (raw >> 8) & 0xff
        return raw
      }
      if result < 0 && errno != EINTR {
        throw failure("waitpid: \(String(cString: strerror(errno)))", sourceLocation)
      }
      if PseudoTerminal.now() >= deadline {
        throw failure("sekom did not end within \(timeout) s of the hangup", sourceLocation)
      }
      usleep(5000)
    }
  }

  // MARK: Typing

  /// Writes keys to the terminal: text, `\r` for Enter, `\t` for Tab, `\u{03}` for Ctrl-C, `\u{04}` for
  /// Ctrl-D, `\u{7f}` for Backspace, and escape sequences such as `PseudoTerminal.left`.
  func type(_ keys: String) {
    var bytes = Array(keys.utf8)[...]
    while !bytes.isEmpty {
      let count = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return }
      bytes = bytes.dropFirst(count)
    }
  }

  static let up = "\u{1b}[A"
  static let down = "\u{1b}[B"
  static let right = "\u{1b}[C"
  static let left = "\u{1b}[D"
  static let backspace = "\u{7f}"

  // MARK: Waiting

  /// Waits until `expected` appears in the output after the previous match, and returns that output up to
  /// and including `expected`. Escape sequences and carriage returns are left out of both.
  @discardableResult
  func waitFor(
    _ expected: String, timeout: Double = PseudoTerminal.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let needle = Array(expected.utf8)
    let deadline = PseudoTerminal.now() + timeout
    while true {
      if let end = find(needle) {
        let found = String(decoding: text[matched..<end], as: UTF8.self)
        matched = end
        return found
      }
      if !outputMayGrow {
        throw failure("the output ended before \(quoted(expected)) appeared", sourceLocation)
      }
      let left = deadline - PseudoTerminal.now()
      if left <= 0 {
        throw failure("\(quoted(expected)) did not appear within \(timeout) s", sourceLocation)
      }
      pump(milliseconds: min(50, Int32(left * 1000) + 1))
    }
  }

  /// Waits until the line editor has put the terminal in raw mode. libedit shows its prompt before it
  /// switches, and keys typed in between can be lost: wait for the prompt, then for this, then type.
  func waitForRawMode(
    timeout: Double = PseudoTerminal.defaultTimeout, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let deadline = PseudoTerminal.now() + timeout
    while true {
      var settings = termios()
      if tcgetattr(master, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 { return }
      if PseudoTerminal.now() >= deadline {
        throw failure("the terminal did not enter raw mode within \(timeout) s", sourceLocation)
      }
      pump(milliseconds: 5)
    }
  }

  /// Waits until the screen line the cursor is on reads `expected`: for edits, whose output is cursor
  /// moves rather than text.
  func waitForCursorLine(
    _ expected: String, timeout: Double = PseudoTerminal.defaultTimeout,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let deadline = PseudoTerminal.now() + timeout
    while model.cursorLine != expected {
      if PseudoTerminal.now() >= deadline {
        throw failure(
          "the cursor line did not read \(quoted(expected)) within \(timeout) s but \(quoted(cursorLine))",
          sourceLocation)
      }
      pump(milliseconds: 10)
    }
  }

  /// Waits until sekom sits waiting for a key (in `read` on the terminal, or in `poll` on it and its
  /// interrupt pipe), as it is when a person types.
  ///
  /// Ordinary keys typed earlier wait in the terminal until they are read, but a signal is not kept:
  /// wait for this before Ctrl-C to test what Ctrl-C does at a person's pace.
  func waitUntilWaitingForKeys(
    timeout: Double = PseudoTerminal.defaultTimeout, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try waitForSystemCall(
      [(PseudoTerminal.readCall, 0), (PseudoTerminal.pollCall, nil)], "waiting for a key", timeout,
      sourceLocation)
  }

  /// Waits until sekom is stuck writing to the terminal, as when output is stopped (Ctrl-S) or a slow
  /// connection holds it back.
  func waitUntilBlockedWriting(
    timeout: Double = PseudoTerminal.defaultTimeout, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try waitForSystemCall([(PseudoTerminal.writeCall, 1)], "blocked writing", timeout, sourceLocation)
  }

  #if arch(arm64)
    private static let readCall = 63
    private static let writeCall = 64
    private static let pollCall = 73  // ppoll
  #else
    private static let readCall = 0
    private static let writeCall = 1
    private static let pollCall = 7
  #endif

  /// Waits until /proc shows the child asleep in one of the system calls, on its file descriptor when one
  /// is given (a poll's first argument is a pointer, not a descriptor).
  private func waitForSystemCall(
    _ calls: [(number: Int, fd: Int?)], _ what: String, _ timeout: Double, _ sourceLocation: SourceLocation
  ) throws {
    let deadline = PseudoTerminal.now() + timeout
    var seen = ""
    while true {
      seen = (try? String(contentsOfFile: "/proc/\(processID)/syscall", encoding: .utf8)) ?? "unreadable"
      let parts = seen.split(separator: " ").prefix(2).map(String.init)
      let matches = calls.contains { call in
        parts.first == "\(call.number)"
          && (call.fd.map { parts.last == "0x\(String($0, radix: 16))" } ?? true)
      }
      if matches { return }
      if PseudoTerminal.now() >= deadline {
        let call = seen.split(separator: " ").prefix(2).joined(separator: " ")
        throw failure("sekom was not \(what) within \(timeout) s (/proc syscall: \(call))", sourceLocation)
      }
      pump(milliseconds: 2)
    }
  }

  /// Waits for the child to end and returns its exit status; reading its output on the way, so that a
  /// child writing to a full terminal cannot block.
  func exitStatus(
    timeout: Double = PseudoTerminal.defaultTimeout, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Int32 {
    let deadline = PseudoTerminal.now() + timeout
    while status == nil {
      var raw: Int32 = 0
      let result = waitpid(processID, &raw, WNOHANG)
      if result == processID {
        // WIFEXITED and WEXITSTATUS are macros Swift does not import.
        let signal = raw & 0x7f
        guard signal == 0 else {
          status = 128 + signal
          throw failure("sekom was killed by signal \(signal)", sourceLocation)
        }
        status = (raw >> 8) & 0xff
        break
      }
      if result < 0 && errno != EINTR {
        throw failure("waitpid: \(String(cString: strerror(errno)))", sourceLocation)
      }
      if PseudoTerminal.now() >= deadline {
        throw failure("sekom did not exit within \(timeout) s", sourceLocation)
      }
      pump(milliseconds: 10)
    }
    // What it wrote last.
    while masterOpen || pipeOpen { if !pump(milliseconds: 0) { break } }
    return status!
  }

  // MARK: What was seen

  /// Everything written so far, cleaned as for `waitFor`.
  var output: String { String(decoding: text, as: UTF8.self) }

  /// The lines of the screen, as a terminal would show them, trailing spaces left out.
  var screen: [String] { model.lines }

  /// The screen line the cursor is on.
  var cursorLine: String { model.cursorLine }

  /// What the terminal echoed of the typed keys when standard output is a pipe.
  var terminalEcho: String { String(decoding: echo, as: UTF8.self) }

  // MARK: Reading

  /// False once the child's output has ended: the terminal closed, or the pipe.
  private var outputMayGrow: Bool { pipeRead >= 0 ? pipeOpen : masterOpen }

  /// Reads whatever arrives within `milliseconds`; false when nothing did.
  @discardableResult
  private func pump(milliseconds: Int32) -> Bool {
    var fds: [pollfd] = []
    if masterOpen { fds.append(pollfd(fd: master, events: Int16(POLLIN), revents: 0)) }
    if pipeOpen { fds.append(pollfd(fd: pipeRead, events: Int16(POLLIN), revents: 0)) }
    guard !fds.isEmpty else {
      if milliseconds > 0 { usleep(useconds_t(milliseconds) * 1000) }
      return false
    }
    guard poll(&fds, nfds_t(fds.count), milliseconds) > 0 else { return false }
    var gotSome = false
    for descriptor in fds where descriptor.revents != 0 {
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = buffer.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      if count <= 0 {
        // EIO on the master once the child has closed the terminal; end of file on the pipe.
        if descriptor.fd == master { masterOpen = false } else { pipeOpen = false }
        continue
      }
      gotSome = true
      let bytes = buffer[0..<count]
      if descriptor.fd == master && pipeRead >= 0 {
        echo += bytes
      } else {
        rawOutput += bytes
        for event in decoder.feed(bytes) {
          model.apply(event)
          switch event {
          case .character(let scalar): text += Array(String(scalar).utf8)
          case .control(let byte) where byte == 0x0a || byte == 0x09: text.append(byte)
          default: break
          }
        }
      }
    }
    return gotSome
  }

  private func find(_ needle: [UInt8]) -> Int? {
    guard !needle.isEmpty else { return matched }
    guard text.count - matched >= needle.count else { return nil }
    for start in matched...(text.count - needle.count)
    where text[start..<start + needle.count].elementsEqual(needle) {
      return start + needle.count
    }
    return nil
  }

  private func failure(_ message: String, _ location: SourceLocation) -> Failure {
    let seen = String(decoding: text[matched...], as: UTF8.self)
    var settings = termios()
    let mode =
      tcgetattr(master, &settings) != 0
      ? "closed" : settings.c_lflag & tcflag_t(ICANON) == 0 ? "raw mode" : "line mode"
    var description = "\(location.fileName):\(location.line): \(message) (terminal in \(mode), "
    description += status.map { "sekom exited with \($0)" } ?? "sekom running"
    description += "); output since the last match:\n"
    description += seen.isEmpty ? "(nothing)" : seen
    if !echo.isEmpty { description += "\nterminal echo:\n" + terminalEcho }
    return Failure(description: description)
  }

  private func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\n", with: "\\n") + "'"
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

extension PseudoTerminal.Failure {
  static func system(_ call: String) -> Self {
    Self(description: "\(call): \(String(cString: strerror(errno)))")
  }
}

/// What terminal output means: characters to show, control characters, and CSI sequences. Bytes arrive
/// in pieces, so a UTF-8 character or an escape sequence may be split between reads.
private struct OutputDecoder {
  enum Event {
    case character(Unicode.Scalar)
    case control(UInt8)
    /// `ESC [` parameters final, e.g. `ESC [ 49 G` is ("49", "G").
    case sequence(parameters: String, final: Unicode.Scalar)
  }

  private enum State {
    case normal
    case escape
    case controlSequence(String)
    /// ESC ( and the like: one more byte follows.
    case characterSet
    case operatingSystemCommand
    case operatingSystemCommandEscape
  }

  private var state = State.normal
  /// The bytes of a UTF-8 character not complete yet, and how many it has.
  private var partial: [UInt8] = []
  private var length = 0

  mutating func feed(_ bytes: ArraySlice<UInt8>) -> [Event] {
    var events: [Event] = []
    for byte in bytes {
      if !partial.isEmpty && byte & 0xC0 != 0x80 {
        // A character cut short: show what a terminal shows, a replacement character.
        events += take("\u{FFFD}")
        partial = []
      }
      if partial.isEmpty {
        if byte < 0x80 {
          events += take(Unicode.Scalar(byte))
          continue
        }
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      }
      partial.append(byte)
      if partial.count >= length {
        for scalar in String(decoding: partial, as: UTF8.self).unicodeScalars { events += take(scalar) }
        partial = []
      }
    }
    return events
  }

  private mutating func take(_ scalar: Unicode.Scalar) -> [Event] {
    let value = scalar.value
    switch state {
    case .normal:
      if value == 0x1b {
        state = .escape
        return []
      }
      if value < 0x20 || value == 0x7f { return [.control(UInt8(value))] }
      return [.character(scalar)]
    case .escape:
      switch scalar {
      case "[": state = .controlSequence("")
      case "]": state = .operatingSystemCommand
      case "(", ")", "*", "+", "#", "%": state = .characterSet
      default: state = .normal
      }
      return []
    case .controlSequence(let parameters):
      if (0x40...0x7e).contains(value) {
        state = .normal
        return [.sequence(parameters: parameters, final: scalar)]
      }
      state = .controlSequence(parameters + String(scalar))
      return []
    case .characterSet:
      state = .normal
      return []
    case .operatingSystemCommand:
      if value == 0x07 { state = .normal }
      if value == 0x1b { state = .operatingSystemCommandEscape }
      return []
    case .operatingSystemCommandEscape:
      state = scalar == "\\" ? .normal : .operatingSystemCommand
      return []
    }
  }
}

/// Just enough of a terminal to follow a line editor: text, carriage return, line feed, backspace, tab,
/// and the CSI sequences that move the cursor, erase, insert and delete. Lines never wrap; the screen
/// never scrolls away, so every line written stays in `lines`.
private struct ScreenModel {
  private var rows: [[Unicode.Scalar]] = [[]]
  private var row = 0
  private var column = 0

  var lines: [String] { rows.map(ScreenModel.string) }
  var cursorLine: String { ScreenModel.string(rows[row]) }

  mutating func apply(_ event: OutputDecoder.Event) {
    switch event {
    case .character(let scalar):
      pad(to: column)
      if column < rows[row].count { rows[row][column] = scalar } else { rows[row].append(scalar) }
      column += 1
    case .control(let byte):
      switch byte {
      case 0x0d: column = 0
      case 0x0a: moveDown(1)
      case 0x08: column = max(0, column - 1)
      case 0x09: column = (column / 8 + 1) * 8
      default: break
      }
    case .sequence(let parameters, let final):
      guard !parameters.hasPrefix("?") && !parameters.hasPrefix(">") else { return }
      let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
      let first = numbers.first.flatMap { $0 } ?? 0
      let count = max(1, first)
      switch final {
      case "A": row = max(0, row - count)
      case "B": moveDown(count)
      case "C": column += count
      case "D": column = max(0, column - count)
      case "G": column = count - 1
      case "K":
        if first == 0 {
          rows[row] = Array(rows[row].prefix(column))
        } else if first == 1 {
          pad(to: column + 1)
          for index in 0...column { rows[row][index] = " " }
        } else {
          rows[row] = []
        }
      case "J":
        if first == 0 {
          rows[row] = Array(rows[row].prefix(column))
          rows.removeSubrange((row + 1)...)
        }
      case "P":
        if column < rows[row].count {
          rows[row].removeSubrange(column..<min(rows[row].count, column + count))
        }
      case "@":
        if column < rows[row].count {
          rows[row].insert(contentsOf: repeatElement(" ", count: count), at: column)
        }
      case "X":
        for index in column..<min(rows[row].count, column + count) { rows[row][index] = " " }
      default: break
      }
    }
  }

  private mutating func moveDown(_ count: Int) {
    row += count
    while rows.count <= row { rows.append([]) }
  }

  private mutating func pad(to column: Int) {
    while rows[row].count < column { rows[row].append(" ") }
  }

  private static func string(_ row: [Unicode.Scalar]) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: row)
    while text.last == " " { text.removeLast() }
    return text
  }
}
