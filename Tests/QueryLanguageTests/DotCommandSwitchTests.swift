import PlanModel
import Testing

@testable import QueryLanguage

/// The dot-commands that switch something on or off take the same words, and the commands of a few set
/// words read them alike: one rule each (`DotCommands.onOrOff`, `DotCommands.word`).
struct DotCommandSwitchTests {
  static func session() -> (Session, () -> String) {
    nonisolated(unsafe) var errors = ""
    let session = Session(plan: .embedded2021, standardOutput: { _ in }, standardError: { errors += $0 })
    return (session, { errors })
  }

  @Test(arguments: [
    ("on", true), ("ON", true), ("yes", true), ("ja", true), ("off", false), ("no", false), ("Nej", false),
  ])
  func headerAndDryRunTakeTheSameWords(_ word: String, _ on: Bool) {
    let (session, errors) = Self.session()
    session.header = !on
    session.dryRun = !on
    #expect(session.run(SourceText(name: "s.sq", text: ".header \(word)\n.dryrun \(word)")) == .success)
    #expect(errors() == "")
    #expect(session.header == on)
    #expect(session.dryRun == on)
  }

  @Test(arguments: [
    (".header kanske", "s.sq:1:9: error: expected on or off"),
    (".dryrun kanske", "s.sq:1:9: error: expected on or off"),
    (".expanded kanske", "s.sq:1:11: error: expected on, off or auto"),
    (".lang de", "s.sq:1:7: error: expected sv or en"),
  ])
  func aWordOutsideTheSetIsAnError(_ script: String, _ message: String) {
    let (session, errors) = Self.session()
    #expect(session.run(SourceText(name: "s.sq", text: script)) != .success)
    #expect(errors().hasPrefix(message + "\n"), "\(errors())")
  }

  @Test(arguments: [
    (".expanded AUTO", ExpandedMode.auto, ReportLanguage.en), (".expanded on\n.lang SV", .on, .sv),
  ])
  func setWordsAreReadInAnyCase(_ script: String, _ expanded: ExpandedMode, _ language: ReportLanguage) {
    let (session, errors) = Self.session()
    session.expanded = .off
    #expect(session.run(SourceText(name: "s.sq", text: script)) == .success)
    #expect(errors() == "")
    #expect(session.expanded == expanded)
    #expect(session.language == language)
  }
}
