// libFuzzer target `time`: any bytes, read as a `när` text, go through `SwedishTime.interval(of:in:)` in
// several plan years (--year takes 1900–2200) with and without an annual meeting. It must not crash or
// hang, and an interval must be well formed: start ≤ end, both real days, the same answer every time.
import FuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let contexts = TimeChecks.contexts
  // The usual context always, one other chosen by the input's length.
  for context in [contexts[0], contexts[1 + size % (contexts.count - 1)]] {
    if let problem = TimeChecks.problems(text, in: context).first { fatalError(problem) }
  }
  return 0
}
