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
    // Word moves as xterm sends Ctrl- and Alt-arrows; Ctrl-U deletes back to the start, as in bash.
    for (keys, function) in [
      ("\u{1b}[1;5D", "ed-prev-word"), ("\u{1b}[1;5C", "em-next-word"), ("\u{1b}[1;3D", "ed-prev-word"),
      ("\u{1b}[1;3C", "em-next-word"), ("\u{1b}[5D", "ed-prev-word"), ("\u{1b}[5C", "em-next-word"),
      ("\u{1b}b", "ed-prev-word"), ("\u{1b}f", "em-next-word"), ("^U", "vi-kill-line-prev"),
    ] {
      _ = sekom_el_bind(editLine, LineEditor.wideLiteral(keys), LineEditor.wideLiteral(function))
    }
    _ = sekom_el_add_function(
      editLine, LineEditor.wideLiteral("sekom-paste"), LineEditor.wideLiteral("insert pasted text as is"),
      { editLine, _ in LineEditor.instance(editLine)?.paste() ?? UInt8(CC_ERROR) })
    _ = sekom_el_bind(editLine, LineEditor.wideLiteral("\u{1b}[200~"), LineEditor.wideLiteral("sekom-paste"))
    _ = sekom_el_add_function(
      editLine, LineEditor.wideLiteral("sekom-search"), LineEditor.wideLiteral("search the history"),
      { editLine, _ in LineEditor.instance(editLine)?.searchHistory() ?? UInt8(CC_ERROR) })
    _ = sekom_el_bind(editLine, LineEditor.wideLiteral("^R"), LineEditor.wideLiteral("sekom-search"))
    // After Ctrl-Z and fg the read function gives this key, which no terminal sends while signals are on
    // (it is Ctrl-\, SIGQUIT): the prompt and the line are drawn again.
    _ = sekom_el_add_function(
      editLine, LineEditor.wideLiteral("sekom-redraw"), LineEditor.wideLiteral("draw the line again"),
      { _, _ in UInt8(CC_REDISPLAY) })
    _ = sekom_el_bind(
      editLine, LineEditor.wideLiteral(String(LineEditor.continuedKey)),
      LineEditor.wideLiteral("sekom-redraw"))
  }

  /// What the read function gives after the process was continued (SIGCONT).
  static let continuedKey = Character("\u{1c}")

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
    pastedLines = nil
    // Bracketed paste: the terminal marks pasted text, which is then inserted as is, not read as keys.
    // A dumb terminal (Emacs's shell) would show the request as text.
    if LineEditor.bracketedPaste { LineEditor.writeOut("\u{1b}[?2004h") }
    defer { if LineEditor.bracketedPaste { LineEditor.writeOut("\u{1b}[?2004l") } }
    guard let line = sekom_el_wgets(editLine, &count) else {
      return (count == -1 && errno == EINTR) || LineEditor.interrupted ? .interrupted : .end
    }
    var text = LineEditor.string(line, count: Int(count))
    if text.hasSuffix("\n") { text.removeLast() }
    if let rest = pastedLines {
      // The pasted lines after the first, shown as they were pasted under the line the editor showed.
      LineEditor.writeOut(rest.joined(separator: "\n") + (rest.last?.isEmpty == false ? "\n" : ""))
      return .block(([text] + rest).joined(separator: "\n"))
    }
    return .line(text)
  }

  /// Whether to ask the terminal to mark pasted text: not on a dumb terminal or one that names no type.
  private static let bracketedPaste: Bool = {
    guard let name = getenv("TERM").map({ String(cString: $0) }) else { return false }
    return !name.isEmpty && name != "dumb"
  }()

  /// The lines of a paste after its first, when it had several; set by `paste`, taken by `readLine`.
  private var pastedLines: [String]?

  static func writeOut(_ text: String) {
    fputs(text, sekom_stdout())
    fflush(sekom_stdout())
  }

  // MARK: Paste and search

  /// Called on ESC [200~: reads up to ESC [201~ and inserts the text as is (tabs too). A paste of several
  /// lines ends the line, and `readLine` gives them all as one block.
  private func paste() -> UInt8 {
    var scalars: [Unicode.Scalar] = []
    let end: [Unicode.Scalar] = ["\u{1b}", "[", "2", "0", "1", "~"]
    while true {
      guard let scalar = LineEditor.readScalar() else {
        if LineEditor.interrupted { LineEditor.reraiseInterrupt() }
        return UInt8(CC_REFRESH)
      }
      scalars.append(scalar)
      if scalars.count >= end.count && Array(scalars.suffix(end.count)) == end { break }
    }
    scalars.removeLast(end.count)
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    text = text.replacingCRLF()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    insert(lines[0])
    guard lines.count > 1 else { return UInt8(CC_REFRESH) }
    pastedLines = Array(lines.dropFirst())
    return UInt8(CC_NEWLINE)
  }

  /// Called on Ctrl-R: an incremental search back through the history with a prompt a person can read,
  /// `(reverse-i-search)'höst': the entry found`. Ctrl-R again finds an older one, Ctrl-G or Ctrl-C gives
  /// the line back, and any other key (Enter runs it) takes the entry and then acts on it.
  private func searchHistory() -> UInt8 {
    guard let info = sekom_el_wline(editLine)?.pointee else { return UInt8(CC_ERROR) }
    let original = LineEditor.string(info.buffer, count: info.lastchar - info.buffer)
    let entries = historyEntries
    var query = ""
    var found: Int?
    var failed = false
    func search(from start: Int) -> Int? {
      guard !query.isEmpty, start >= 0 else { return nil }
      return stride(from: min(start, entries.count - 1), through: 0, by: -1).first {
        entries[$0].contains(query)
      }
    }
    func show() {
      let label = failed ? "(failed reverse-i-search)" : "(reverse-i-search)"
      LineEditor.writeOut("\r\u{1b}[K\(label)'\(query)': \(found.map { entries[$0] } ?? original)")
    }
    func finish(with text: String) {
      LineEditor.writeOut("\r\u{1b}[K")
      replaceLine(with: text)
    }
    show()
    while true {
      guard let scalar = LineEditor.readScalar() else {
        finish(with: original)
        if LineEditor.interrupted { LineEditor.reraiseInterrupt() }
        return UInt8(CC_REDISPLAY)
      }
      switch scalar.value {
      case 0x12:
        if let next = search(from: (found ?? entries.count) - 1) { found = next } else { failed = true }
      case 0x7F, 0x08:
        if !query.isEmpty { query.removeLast() }
        found = search(from: entries.count - 1)
        failed = !query.isEmpty && found == nil
      case 0x07:
        finish(with: original)
        return UInt8(CC_REDISPLAY)
      case 0x00..<0x20:
        // Another key (Enter among them): the entry found is the line, shown again, and the key acts on it.
        finish(with: found.map { entries[$0] } ?? original)
        let key = LineEditor.wide(String(Character(scalar)))
        defer { key.deallocate() }
        sekom_el_wpush(editLine, key)
        return UInt8(CC_REDISPLAY)
      default:
        query.unicodeScalars.append(scalar)
        if let next = search(from: found ?? entries.count - 1) {
          found = next
          failed = false
        } else {
          failed = true
        }
      }
      show()
    }
  }

  /// Puts `text` in place of the whole line, the cursor at its end.
  private func replaceLine(with text: String) {
    guard let info = sekom_el_wline(editLine)?.pointee else { return }
    _ = sekom_el_cursor(editLine, Int32(info.lastchar - info.cursor))
    sekom_el_deletestr(editLine, Int32(info.lastchar - info.buffer))
    insert(text)
  }

  /// A Ctrl-C taken while reading keys inside an editor function is put back, so that `el_wgets` sees it
  /// at its next read and the line is dropped as Ctrl-C always drops it.
  private static func reraiseInterrupt() {
    var byte: UInt8 = 3
    _ = write(interruptPipe.write, &byte, 1)
  }

  /// One character from the terminal; nil at the end of input or on Ctrl-C (`interrupted` tells which).
  static func readScalar() -> Unicode.Scalar? {
    guard let first = readByte() else { return nil }
    var scalar = UInt32(first)
    let continuation: Int
    switch first {
    case 0xC0...0xDF: (scalar, continuation) = (UInt32(first & 0x1F), 1)
    case 0xE0...0xEF: (scalar, continuation) = (UInt32(first & 0x0F), 2)
    case 0xF0...0xF7: (scalar, continuation) = (UInt32(first & 0x07), 3)
    default: continuation = 0
    }
    for _ in 0..<continuation {
      guard let next = readByte() else { return nil }
      scalar = scalar << 6 | UInt32(next & 0x3F)
    }
    return Unicode.Scalar(scalar) ?? "\u{FFFD}"
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
  static func installInterruptHandler() {
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
    var continued = sigaction()
    continued.__sigaction_handler.sa_handler = { _ in
      var byte: UInt8 = 0x1C
      _ = write(LineEditor.interruptPipe.write, &byte, 1)
    }
    sigemptyset(&continued.sa_mask)
    continued.sa_flags = SA_RESTART
    sigaction(SIGCONT, &continued, nil)
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
    guard let scalar = LineEditor.readScalar() else { return LineEditor.interrupted ? -1 : 0 }
    character.pointee = wchar_t(bitPattern: scalar.value)
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
      if fds[1].revents & Int16(POLLIN) != 0 || ready < 0 {
        switch takeSignals() {
        case .interrupt:
          interrupted = true
          errno = EINTR
          return nil
        case .continued:
          return 0x1C
        case nil:
          continue
        }
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

  /// What one read of standard input gave.
  enum Chunk {
    case bytes(Int)
    case end
    case interrupted
  }

  /// One read of standard input into `buffer`, waiting on the interrupt pipe too.
  static func readChunk(into buffer: inout [UInt8]) -> Chunk {
    while true {
      var fds = [
        pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
        pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, interruptPipe.read >= 0 ? 2 : 1, -1)
      if ready < 0 && errno != EINTR { return .end }
      if fds[1].revents & Int16(POLLIN) != 0 || ready < 0 {
        switch takeSignals() {
        case .interrupt: return .interrupted
        case .continued, nil: continue
        }
      }
      if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if count > 0 { return .bytes(count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        return .end
      }
    }
  }

  /// Empties the interrupt pipe; whether it held a Ctrl-C.
  private static func drainInterrupts() -> Bool {
    takeSignals() == .interrupt
  }

  /// What the signal handlers wrote to the pipe.
  enum Signal {
    case interrupt
    case continued
  }

  /// Empties the pipe the signal handlers write to: a Ctrl-C if there was one (it counts more than a
  /// continue), else a continue, else nil.
  private static func takeSignals() -> Signal? {
    var buffer = [UInt8](repeating: 0, count: 64)
    var found: Signal?
    while true {
      let count = read(interruptPipe.read, &buffer, buffer.count)
      guard count > 0 else { break }
      for byte in buffer[0..<count] {
        if byte == 3 { found = .interrupt } else if found == nil { found = .continued }
      }
    }
    return found
  }
}

extension String {
  /// Line ends as terminals paste them (`\r`, `\r\n`) made `\n`.
  fileprivate func replacingCRLF() -> String {
    var text = ""
    var previousWasReturn = false
    for scalar in unicodeScalars {
      if scalar == "\n" && previousWasReturn {
        previousWasReturn = false
        continue
      }
      previousWasReturn = scalar == "\r"
      text.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
    }
    return text
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
