// An input for a fuzz target's checks, as the fuzz regression tests list them: the fuzzer gives bytes.

/// Bytes to give a fuzz target's checks, with a name that says what is nasty about them; the name is what
/// a test shows for the input (`description`).
public struct FuzzInput: Sendable, CustomStringConvertible {
  public var name: String
  public var bytes: [UInt8]

  public init(_ name: String, _ text: String) {
    self.init(name, bytes: Array(text.utf8))
  }

  public init(_ name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  public var description: String { name }
}
