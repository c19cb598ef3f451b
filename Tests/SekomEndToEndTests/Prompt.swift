/// The prompts as the REPL shows them.
enum Prompt {
  static let main = "sekom> "
  static let continuation = "  ...> "
}
