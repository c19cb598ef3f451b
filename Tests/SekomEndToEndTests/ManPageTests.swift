import Foundation
import Testing

/// The manual page: `docs/sekom.1` is what `sekom --man` prints, every option `--help` lists is in it
/// (under its own command), and roff's checkers find nothing to warn of.
struct ManPageTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func page() throws -> String {
    let result = try SekomProcess.run(["--man"])
    #expect(result.status == 0)
    #expect(result.error == "")
    return result.output
  }

  @Test func committedPageIsTheGeneratedOne() throws {
    let committed = try String(
      contentsOf: Self.repository.appendingPathComponent("docs/sekom.1"), encoding: .utf8)
    #expect(committed == (try Self.page()), "run: sekom --man > docs/sekom.1")
  }

  /// The options of a `--help` text: the first words of its option rows ("  -o, --output FILE  …").
  static func options(inHelp help: String) -> [String] {
    help.split(separator: "\n").filter { $0.hasPrefix("  -") }.flatMap { row in
      row.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        .prefix { $0.hasPrefix("-") || $0.isEmpty }
    }.filter { !$0.isEmpty }
  }

  @Test(arguments: ["", "check", "diff", "import", "export"])
  func everyHelpOptionIsInThePage(command: String) throws {
    let help = try SekomProcess.run(command.isEmpty ? ["--help"] : [command, "--help"])
    #expect(help.status == 0)
    let options = Self.options(inHelp: help.output)
    #expect(options.contains("--help"))
    #expect(options.contains("--year"))
    // The part of the page for this command: OPTIONS for sekom itself, else its own subsection.
    let page = try Self.page()
    let start = command.isEmpty ? ".SH OPTIONS\n" : ".SS sekom \(command)\n"
    let section = try #require(page.range(of: start)).upperBound
    let end = page[section...].range(of: "\n.S")?.lowerBound ?? page.endIndex
    let text = String(page[section..<end]).replacingOccurrences(of: "\\-", with: "-")
    for option in options {
      #expect(text.contains("\\fB\(option)\\fR"), "\(option) of 'sekom \(command) --help'")
    }
  }

  @Test func pageCoversFilesEnvironmentExitStatusAndExamples() throws {
    let page = try Self.page()
    for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "FILES", "ENVIRONMENT"] {
      #expect(page.contains(".SH \(heading)\n"), "\(heading)")
    }
    for heading in ["EXIT STATUS", "EXAMPLES"] { #expect(page.contains(".SH \(heading)\n"), "\(heading)") }
    for variable in ["SEKOM_USER", "SEKOM_LIBEDIT", "NO_COLOR", "XDG_STATE_HOME", "XDG_CONFIG_HOME"] {
      #expect(page.contains(".B \(variable)\n"), "\(variable)")
    }
    #expect(page.contains("sekom/history"))
    #expect(page.contains("sekom/init.sq"))
    #expect(page.contains("130 interrupted"))
  }

  /// mandoc's lint, or groff's warnings where mandoc is not installed (scripts/setup installs it).
  @Test func roffCheckersFindNothing() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sekom-man-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("sekom.1")
    try Data(try Self.page().utf8).write(to: file)
    let lint = try SekomProcess.runShell(
      "if command -v mandoc >/dev/null; then mandoc -T lint -W warning sekom.1; "
        + "else groff -man -ww -z sekom.1; fi 2>&1",
      directory: directory)
    #expect(lint.status == 0)
    #expect(lint.output == "")
  }

  @Test func manShowsThePage() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sekom-man-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(try Self.page().utf8).write(to: directory.appendingPathComponent("sekom.1"))
    let shown = try SekomProcess.runShell(
      "MANPAGER=cat MANWIDTH=80 man -l sekom.1 2>&1", directory: directory)
    #expect(shown.status == 0)
    #expect(shown.output.contains("SEKOM(1)"))
    #expect(shown.output.contains("--completions"))
    #expect(shown.output.contains("sekom check"))
    #expect(shown.output.contains("när"))
  }

  @Test func completionsRefuseAnUnknownShell() throws {
    let result = try SekomProcess.run(["--completions", "tcsh"])
    #expect(result.status == 2)
    #expect(result.output == "")
    #expect(
      result.error == "sekom: error: --completions takes bash, zsh or fish; got 'tcsh'\nSee 'sekom --help'.\n"
    )
  }
}
