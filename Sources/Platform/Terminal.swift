#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal sekom's standard streams may be attached to.
public enum Terminal {
  public enum Stream: Int32, Sendable {
    case standardInput = 0
    case standardOutput = 1
    case standardError = 2
  }

  public static func isTerminal(_ stream: Stream) -> Bool { isatty(stream.rawValue) == 1 }

  /// The width of the terminal a stream (standard output unless told) goes to, in columns, or else $COLUMNS, or else 80: the one rule
  /// for the tables of results and the REPL's completion listings.
  public static func width(of stream: Stream = .standardOutput) -> Int {
    width(measured: measuredWidth(of: stream), columns: ProcessIO.environment("COLUMNS"))
  }

  /// The rule of `width()` on given inputs: a width the terminal reports, then a positive $COLUMNS, then 80.
  public static func width(measured: Int?, columns: String?) -> Int {
    if let measured, measured > 0 { return measured }
    if let columns = columns.flatMap({ Int($0) }), columns > 0 { return columns }
    return 80
  }

  /// The width a stream's terminal reports, nil when it is not a terminal or reports none.
  public static func measuredWidth(of stream: Stream = .standardOutput) -> Int? {
    var size = winsize()
    return ioctl(stream.rawValue, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
      ? Int(size.ws_col) : nil
  }
}
