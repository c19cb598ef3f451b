/// The work the patterns of one statement may spend building their automatons' states, shared by them
/// all: many costly patterns in one statement get no more time than one.
///
/// The states are cheap when few, but a pattern and texts that make a new one at almost every scalar cost
/// up to the program's size per scalar: 5,000 steps × 64 KiB is seconds. A statement stops once its
/// patterns have followed `maximumWork` program steps, a fraction of a second, and more than `workPerByte`
/// per byte of the texts matched, so that big plans may take the time that ordinary patterns need.
final class PatternBudget {
  static let maximumWork = 20_000_000
  static let workPerByte = 4

  /// The program steps followed to build states so far.
  var work = 0
  /// The bytes of the texts matched so far.
  var scanned = 0
  /// Set once the work has passed the bounds: every pattern answers false from then on, and the
  /// statement is refused.
  var exhausted = false

  init() {}

  /// The work still allowed, with the bytes of a text about to be matched counted in.
  func remaining(afterScanning bytes: Int) -> Int {
    scanned += bytes
    return max(PatternBudget.maximumWork, PatternBudget.workPerByte * scanned) - work
  }
}
