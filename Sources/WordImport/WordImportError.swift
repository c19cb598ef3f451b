/// Why a file could not be read as a Word document: a sentence for the user, after the file's name.
public struct WordImportError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
