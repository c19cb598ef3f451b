import Platform
import Testing

/// The one rule for the terminal's width, which the result tables and the REPL's completion listings share.
struct TerminalTests {
  @Test(
    arguments: [
      (120, nil, 120), (120, "90", 120), (nil, "100", 100), (0, "90", 90), (nil, "0", 80), (nil, "-5", 80),
      (nil, "wide", 80), (nil, nil, 80),
    ] as [(Int?, String?, Int)])
  func widthIsMeasuredThenColumnsThenEighty(measured: Int?, columns: String?, width: Int) {
    #expect(Terminal.width(measured: measured, columns: columns) == width)
  }
}
