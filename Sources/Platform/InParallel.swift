#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs two pieces of work at once, the second on a thread of its own, and returns when both are done;
/// if no thread can be started, the second runs after the first. A POSIX thread, not Dispatch, so that
/// sekom links no library for it and starts up no slower.
///
/// The two must not touch the same mutable state.
public func inParallel(_ first: () -> Void, _ second: () -> Void) {
  withoutActuallyEscaping(second) { second in
    let box = Unmanaged.passRetained(Work(second))
    var thread = pthread_t()
    let started = pthread_create(
      &thread, nil,
      { context in
        Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
        return nil
      }, box.toOpaque())
    guard started == 0 else {
      box.release()
      first()
      second()
      return
    }
    first()
    pthread_join(thread, nil)
  }
}

/// The second piece of work, handed to the thread through a pointer.
private final class Work: @unchecked Sendable {
  let run: () -> Void
  init(_ run: @escaping () -> Void) { self.run = run }
}
