/// A source of statements parsed before it runs: its statements can say which columns of a large plan
/// file to read before the file is loaded (`ColumnsRead.toLoad`), and then run as parsed, so that no text
/// is parsed twice.
public struct ParsedSource: Sendable {
  public let source: SourceText
  public let items: [Result<ScriptItem, QueryError>]

  public init(_ source: SourceText) {
    self.source = source
    self.items = Parser.parse(source)
  }
}
