import PlanModel
import QueryLanguage

/// Statements typed at a terminal, read line by line without editing. A statement that is not complete
/// yet (an open parenthesis or quote, a trailing keyword) is continued on the next line.
struct PlainPrompt {
  let session: Session

  func run() -> ExitStatus {
    let plan = session.plan
    Console.output(
      "sekom – \(plan.metadata.title), \(plan.activities.count) activities. '.help' for help, '.quit' to leave.\n"
    )
    var pending = ""
    while !session.quitRequested {
      Console.output(pending.isEmpty ? "sekom> " : "  ...> ")
      guard let line = readLine(strippingNewline: true) else { break }
      pending += pending.isEmpty ? line : "\n" + line
      let source = SourceText(name: "<input>", text: pending)
      if Parser.parse(source).contains(where: {
        if case .failure(let e) = $0 { e.kind == .incomplete } else { false }
      })
        && !line.isEmpty
      {
        continue
      }
      pending = ""
      session.keepGoing = true
      session.run(source)
    }
    Console.output("\n")
    return .success
  }
}
