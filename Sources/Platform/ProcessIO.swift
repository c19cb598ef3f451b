#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's standard streams, environment and exit.
public enum ProcessIO {
  /// Writes all of `text` to a standard stream, unbuffered, so that errors appear in order with results.
  /// A reader that left (EPIPE) ends the process as SIGPIPE would have; any other error ends the write.
  public static func write(_ text: String, to stream: Terminal.Stream) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let count = systemWrite(stream.rawValue, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        // SIGPIPE is ignored for the files sekom writes; a reader of ours that left still ends the run.
        if count < 0 && errno == EPIPE { ProcessSignals.endForBrokenPipe() }
        if count <= 0 { return }
        offset += count
      }
    }
  }

  /// An environment variable's value, nil when it is not set.
  public static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The name the user logged in with, from the session or else the password database; nil when neither
  /// knows one.
  public static func loginName() -> String? {
    if let name = getlogin(), name.pointee != 0 { return String(cString: name) }
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }

  public static func exit(_ status: Int32) -> Never {
    systemExit(status)
  }
}

/// write(2), named apart from `ProcessIO.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

/// exit(3), named apart from `ProcessIO.exit`.
private func systemExit(_ status: Int32) -> Never {
  exit(status)
}
