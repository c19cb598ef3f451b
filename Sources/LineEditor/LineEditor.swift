import CLibedit
import Platform

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a terminal with editing, history and completion, through libedit. Nothing of C shows
/// through this API.
///
/// Use it only when standard input and output are both terminals; elsewhere read lines plainly.
public final class LineEditor: LineReading {
  /// Called on Tab with the line up to the cursor.
  public var complete: ((String) -> Completion)?

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private var promptBuffer: UnsafeMutablePointer<wchar_t>

  /// Nil when libedit cannot be loaded: read lines plainly then. `library` is the path of the libedit
  /// to load; by default the system's.
  public init?(programName: String, historySize: Int = 1000, library: String? = nil) {
    guard sekom_libedit_load(library) == 1 else { return nil }
    LineEditor.ensureUTF8Locale()
    LineEditor.installInterruptHandler()
    editLine = sekom_el_init(programName)
    history = sekom_history_winit()
    promptBuffer = LineEditor.wide("")
    _ = sekom_history_set_size(history, Int32(historySize))
    _ = sekom_history_set_unique(history, 1)
    _ = sekom_el_set_history(editLine, history)
    _ = sekom_el_set_editor(editLine, LineEditor.wideLiteral("emacs"))
    _ = sekom_el_set_signal(editLine, 1)
    _ = sekom_el_set_read_function(editLine, LineEditor.readCharacter)
    _ = sekom_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    _ = sekom_el_set_prompt(editLine) { editLine in
      LineEditor.instance(editLine)?.promptBuffer
    }
    _ = sekom_el_add_function(
      editLine, LineEditor.wideLiteral("sekom-complete"), LineEditor.wideLiteral("complete the word"),
      { editLine, _ in LineEditor.instance(editLine)?.completeAtCursor() ?? UInt8(CC_ERROR) })
    _ = sekom_el_bind(editLine, LineEditor.wideLiteral("^I"), LineEditor.wideLiteral("sekom-complete"))
    // Home and End as tmux and some terminals send them, which libedit does not bind by itself.
    for (keys, function) in [
      ("\u{1b}[1~", "ed-move-to-beg"), ("\u{1b}[4~", "ed-move-to-end"), ("\u{1b}[H", "ed-move-to-beg"),
      ("\u{1b}[F", "ed-move-to-end"), ("\u{1b}[3~", "ed-delete-next-char"),
    ] {
      _ = sekom_el_bind(editLine, LineEditor.wideLiteral(keys), LineEditor.wideLiteral(function))
    }
    _ = sekom_el_bind(editLine, LineEditor.wideLiteral("^R"), LineEditor.wideLiteral("em-inc-search-prev"))
  }

  deinit {
    sekom_el_end(editLine)
    sekom_history_wend(history)
    promptBuffer.deallocate()
  }

  /// Shows the prompt and reads one line, without its line end.
  public func readLine(prompt: String) -> LineInput {
    promptBuffer.deallocate()
    promptBuffer = LineEditor.wide(prompt)
    var count: Int32 = 0
    errno = 0
    guard let line = sekom_el_wgets(editLine, &count) else {
      return (count == -1 && errno == EINTR) || LineEditor.interrupted ? .interrupted : .end
    }
    var text = LineEditor.string(line, count: Int(count))
    if text.hasSuffix("\n") { text.removeLast() }
    return .line(text)
  }

  // MARK: History

  /// Adds an entry; an entry equal to the one before it is not added again.
  public func addHistory(_ entry: String) {
    let wide = LineEditor.wide(entry)
    defer { wide.deallocate() }
    _ = sekom_history_enter(history, wide)
  }

  /// Entries, oldest first.
  public var historyEntries: [String] {
    var entries: [String] = []
    var entry = sekom_history_step(history, H_LAST)
    while let current = entry {
      entries.append(LineEditor.string(current, count: wcslen(current)))
      entry = sekom_history_step(history, H_PREV)
    }
    return entries
  }

  // MARK: Completion

  private func completeAtCursor() -> UInt8 {
    guard let complete, let info = sekom_el_wline(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let beforeCursor = LineEditor.string(info.buffer, count: info.cursor - info.buffer)
    let characters = Array(beforeCursor)
    let completion = complete(beforeCursor)
    let typed = String(characters[min(completion.wordStart, characters.count)...])
    let candidates = completion.candidates
    guard !candidates.isEmpty else { return UInt8(CC_ERROR) }
    let common = LineEditor.commonPrefix(candidates)
    // The typed word is replaced, not extended: a candidate may differ in case or add a quote.
    if candidates.count == 1 || common.count > typed.count {
      sekom_el_deletestr(editLine, Int32(typed.count))
      let single = candidates.count == 1 && !common.hasSuffix("/")
      insert(single ? candidates[0] + " " : common)
      return UInt8(CC_REFRESH)
    }
    // Several candidates and nothing more to add: list them under the line, as shells do.
    let listing = "\n" + LineEditor.columns(candidates, width: Terminal.width()) + "\n"
    fputs(listing, sekom_stdout())
    fflush(sekom_stdout())
    return UInt8(CC_REDISPLAY)
  }

  private func insert(_ text: String) {
    let wide = LineEditor.wide(text)
    defer { wide.deallocate() }
    _ = sekom_el_winsertstr(editLine, wide)
  }

  /// The common start of `words` that Tab writes in: letter by letter, ignoring case. Public so that a
  /// completer can know what will be written before it offers candidates.
  public static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let characters = Array(word)
      var length = 0
      while length < min(prefix.count, characters.count)
        && String(prefix[length]).lowercased() == String(characters[length]).lowercased()
      {
        length += 1
      }
      prefix = Array(prefix[..<length])
    }
    return String(prefix)
  }

  static func columns(_ words: [String], width: Int) -> String {
    let cell = (words.map(\.count).max() ?? 0) + 2
    let perLine = max(1, width / cell)
    var lines: [String] = []
    for start in stride(from: 0, to: words.count, by: perLine) {
      let row = words[start..<min(start + perLine, words.count)]
      // Each word is padded to the cell but the last, so that no line ends in spaces.
      lines.append(
        row.dropLast().map { $0 + String(repeating: " ", count: cell - $0.count) }.joined() + row.last!)
    }
    return lines.joined(separator: "\n")
  }

  // MARK: C plumbing

  private static func instance(_ editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = sekom_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  /// A NUL-terminated wide string the caller deallocates.
  static func wide(_ text: String) -> UnsafeMutablePointer<wchar_t> {
    let scalars = Array(text.unicodeScalars)
    let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
    for (i, scalar) in scalars.enumerated() { buffer[i] = wchar_t(bitPattern: scalar.value) }
    buffer[scalars.count] = 0
    return buffer
  }

  /// Wide strings for names libedit keeps for the life of the process.
  private static func wideLiteral(_ text: String) -> UnsafeMutablePointer<wchar_t> { wide(text) }

  static func string(_ pointer: UnsafePointer<wchar_t>, count: Int) -> String {
    var text = ""
    for i in 0..<count {
      if let scalar = Unicode.Scalar(UInt32(bitPattern: pointer[i])) { text.unicodeScalars.append(scalar) }
    }
    return text
  }

  /// libedit drops å, ä and ö unless the locale's character set is UTF-8.
  private static func ensureUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
  }

  /// Ctrl-C must interrupt `el_wgets` wherever it is, not only while it waits in `read`: the handler
  /// writes to a pipe that the read function below watches beside the terminal, so a Ctrl-C that lands
  /// while libedit is echoing or redrawing is not lost.
  private static func installInterruptHandler() {
    if interruptPipe.read < 0 {
      var fds: [Int32] = [-1, -1]
      if pipe(&fds) == 0 {
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        interruptPipe = (fds[0], fds[1])
      }
    }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      var byte: UInt8 = 3
      _ = write(LineEditor.interruptPipe.write, &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Whether Ctrl-C was pressed since the last look, outside reading a line: while a statement runs. The
  /// press is taken, so that the next prompt does not see it again.
  public static func takeInterrupt() -> Bool {
    guard interruptPipe.read >= 0 else { return false }
    return drainInterrupts()
  }

  /// The pipe a Ctrl-C writes to; set once, read from the signal handler.
  nonisolated(unsafe) private static var interruptPipe: (read: Int32, write: Int32) = (-1, -1)

  /// libedit's read function: one character from the terminal, or -1 with EINTR after a Ctrl-C.
  private static let readCharacter: el_rfunc_t = { _, character in
    guard let character else { return -1 }
    guard let first = LineEditor.readByte() else { return LineEditor.interrupted ? -1 : 0 }
    var scalar = UInt32(first)
    let continuation: Int
    switch first {
    case 0xC0...0xDF: (scalar, continuation) = (UInt32(first & 0x1F), 1)
    case 0xE0...0xEF: (scalar, continuation) = (UInt32(first & 0x0F), 2)
    case 0xF0...0xF7: (scalar, continuation) = (UInt32(first & 0x07), 3)
    default: continuation = 0
    }
    for _ in 0..<continuation {
      guard let next = LineEditor.readByte() else { return LineEditor.interrupted ? -1 : 0 }
      scalar = scalar << 6 | UInt32(next & 0x3F)
    }
    character.pointee = wchar_t(bitPattern: scalar)
    return 1
  }

  /// Set when the last `readByte` stopped for a Ctrl-C rather than the end of input.
  nonisolated(unsafe) private static var interrupted = false

  /// A byte from standard input, waiting on the interrupt pipe too; nil at the end of input or on Ctrl-C.
  private static func readByte() -> UInt8? {
    interrupted = false
    while true {
      var fds = [
        pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
        pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, interruptPipe.read >= 0 ? 2 : 1, -1)
      if ready < 0 && errno != EINTR { return nil }
      if fds[1].revents & Int16(POLLIN) != 0 || (ready < 0 && errno == EINTR && drainInterrupts()) {
        _ = drainInterrupts()
        interrupted = true
        errno = EINTR
        return nil
      }
      if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        var byte: UInt8 = 0
        let count = read(0, &byte, 1)
        if count == 1 { return byte }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        return nil
      }
    }
  }

  /// Empties the interrupt pipe; whether it held anything.
  private static func drainInterrupts() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 64)
    var any = false
    while read(interruptPipe.read, &buffer, buffer.count) > 0 { any = true }
    return any
  }
}
