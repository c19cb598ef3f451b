#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's answer to a closed pipe. SIGPIPE is ignored, so that writing to a FIFO or pipe whose
/// reader has gone fails with EPIPE, an error the writer reports, instead of silently ending the process;
/// standard output then ends the process as SIGPIPE would have, so that `sekom … | head` stays quiet.
public enum ProcessSignals {
  public static func ignoreBrokenPipe() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// Ends the process as an unhandled SIGPIPE does, after a write to standard output failed with EPIPE.
  public static func endForBrokenPipe() -> Never {
    signal(SIGPIPE, SIG_DFL)
    raise(SIGPIPE)
    exit(128 + SIGPIPE)
  }
}
