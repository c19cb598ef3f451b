import Foundation
import Testing

/// `sekom --completions bash` loaded in a real bash: the completion function, called as bash calls it
/// (COMP_WORDS, COMP_CWORD), offers the commands, options, format words and files of the command table.
struct ShellCompletionTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var words: [String]
    var offered: [String]
    var testDescription: String { words.joined(separator: " ") + "␣" }
  }

  /// The folder the completions run in.
  static let files = [
    "plan.csv", "plan.json", "mål.sq", "uppföljning.sq", "handlingsplan.txt", "handlingsplan.docx",
    "notes.md",
  ]

  /// A fresh folder holding `files`, the folder `underlag` and `sekom --completions SHELL` as `name`
  /// (`sekom.SHELL` unless given): where the completions run. Returns the folder, which the caller
  /// removes, and the script.
  static func folder(withScriptFor shell: String, named name: String? = nil) throws -> (URL, String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sekom-completion-\(UUID())")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("underlag"), withIntermediateDirectories: true)
    for file in files { try Data().write(to: directory.appendingPathComponent(file)) }
    let script = try SekomProcess.run(["--completions", shell])
    #expect(script.status == 0)
    try Data(script.output.utf8).write(to: directory.appendingPathComponent(name ?? "sekom.\(shell)"))
    return (directory, script.output)
  }

  static let cases: [Case] = [
    Case(
      words: ["sekom", ""],
      offered: ["check", "diff", "export", "import", "mål.sq", "underlag", "uppföljning.sq"]),
    Case(words: ["sekom", "i"], offered: ["import"]),
    Case(words: ["sekom", "--form"], offered: ["--format"]),
    Case(words: ["sekom", "--no"], offered: ["--no-header", "--no-init"]),
    Case(words: ["sekom", "--comp"], offered: ["--completions"]),
    Case(
      words: ["sekom", "--format", ""],
      offered: ["csv", "html", "json", "markdown", "table", "timeline", "tsv"]),
    Case(words: ["sekom", "--format", "=", "t"], offered: ["table", "timeline", "tsv"]),
    Case(words: ["sekom", "--plan", ""], offered: ["plan.csv", "plan.json", "underlag"]),
    Case(words: ["sekom", "--plan", "plan.j"], offered: ["plan.json"]),
    Case(words: ["sekom", "--completions", ""], offered: ["bash", "fish", "zsh"]),
    Case(words: ["sekom", "-c", ""], offered: []),
    Case(words: ["sekom", "mål.sq", "u"], offered: ["underlag", "uppföljning.sq"]),
    Case(words: ["sekom", "check", "--format", ""], offered: ["csv", "json", "markdown", "table", "tsv"]),
    Case(words: ["sekom", "check", "--s"], offered: ["--strict"]),
    Case(words: ["sekom", "export", "--format", ""], offered: ["csv", "json"]),
    Case(words: ["sekom", "export", "-o", ""], offered: ["plan.csv", "plan.json", "underlag"]),
    Case(words: ["sekom", "import", ""], offered: ["handlingsplan.docx", "handlingsplan.txt", "underlag"]),
    Case(words: ["sekom", "import", "--f"], offered: ["--force"]),
    Case(words: ["sekom", "diff", ""], offered: ["embedded", "plan.csv", "plan.json", "underlag"]),
    Case(words: ["sekom", "diff", "embedded", "p"], offered: ["plan.csv", "plan.json"]),
  ]

  @Test(arguments: cases)
  func bashOffers(_ test: Case) throws {
    let (directory, _) = try Self.folder(withScriptFor: "bash")
    defer { try? FileManager.default.removeItem(at: directory) }
    let words = test.words.map { "'" + $0 + "'" }.joined(separator: " ")
    let result = try SekomProcess.runShell(
      """
      exec bash --norc --noprofile -c '
        source ./sekom.bash || exit 9
        complete -p sekom >/dev/null || exit 8
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _sekom
        for word in "${COMPREPLY[@]}"; do printf "%s\\n" "$word"; done | LC_ALL=C sort' sekom \(words)
      """, directory: directory)
    #expect(result.status == 0)
    #expect(result.error == "")
    let offered = result.output.split(separator: "\n").map(String.init)
    #expect(offered == test.offered.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  static let fishCases: [Case] = [
    Case(
      words: ["sekom", ""],
      offered: ["check", "diff", "export", "import", "mål.sq", "underlag/", "uppföljning.sq"]),
    Case(
      words: ["sekom", "--format", ""],
      offered: ["csv", "html", "json", "markdown", "table", "timeline", "tsv"]),
    Case(words: ["sekom", "--plan", ""], offered: ["plan.csv", "plan.json", "underlag/"]),
    Case(words: ["sekom", "check", "--s"], offered: ["--strict"]),
    Case(words: ["sekom", "export", "--format", ""], offered: ["csv", "json"]),
    Case(words: ["sekom", "import", ""], offered: ["handlingsplan.docx", "handlingsplan.txt", "underlag/"]),
    Case(words: ["sekom", "diff", ""], offered: ["embedded", "plan.csv", "plan.json", "underlag/"]),
  ]

  /// fish's own `complete -C` with the script loaded, where fish is installed; else the script must at
  /// least hold the line that offers the last option's words or files.
  @Test(arguments: fishCases)
  func fishOffers(_ test: Case) throws {
    let (directory, script) = try Self.folder(withScriptFor: "fish")
    defer { try? FileManager.default.removeItem(at: directory) }
    let line = test.words.joined(separator: " ")
    let result = try SekomProcess.runShell(
      """
      if ! command -v fish >/dev/null; then echo no-fish; exit 0; fi
      fish --no-config -c 'source sekom.fish; complete -C "\(line)"' | cut -f1 | LC_ALL=C sort
      """, directory: directory)
    #expect(result.status == 0)
    #expect(result.error == "")
    if result.output == "no-fish\n" {
      #expect(script.contains("complete -c sekom"))
    } else {
      let offered = result.output.split(separator: "\n").map(String.init)
      #expect(offered == test.offered.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
  }

  static let zshCases: [Case] = [
    Case(
      words: ["sekom", "--format", ""],
      offered: ["csv", "html", "json", "markdown", "table", "timeline", "tsv"]),
    Case(words: ["sekom", "--comp"], offered: ["--completions"]),
    Case(words: ["sekom", "--completions", ""], offered: ["bash", "fish", "zsh"]),
    Case(words: ["sekom", "check", "--s"], offered: ["--strict"]),
    Case(words: ["sekom", "export", "--format", ""], offered: ["csv", "json"]),
    Case(words: ["sekom", "diff", "e"], offered: ["embedded"]),
  ]

  /// Runs an interactive zsh in a pseudo-terminal (zpty), types the line and Tab, and prints what the
  /// completion system is given, with compadd wrapped to show its matches. Files are left out: with
  /// compadd wrapped no match is ever added, so _files falls back to every file.
  static let zshCapture = #"""
    zmodload zsh/zpty
    zpty z zsh -f -i
    zpty -w z 'PROMPT=; fpath=($PWD $fpath); autoload -U compinit; compinit -u -D'
    zpty -w z 'compadd () { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi; typeset -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -l -- "HIT:"${^__hits}; }'
    zpty -w z 'null-line () { echo -E - $'"'"'\0'"'"' }; compprefuncs=( null-line ); comppostfuncs=( null-line exit )'
    zpty -w z "$1"$'\t'
    while zpty -r z; do :; done | tr -d "\\r" | grep -a "^HIT:" | cut -c5- | LC_ALL=C sort -u
    """#

  /// zsh's completion system with the script on fpath, where zsh is installed; else the script must at
  /// least hold an _arguments call.
  @Test(arguments: zshCases)
  func zshOffers(_ test: Case) throws {
    let (directory, script) = try Self.folder(withScriptFor: "zsh", named: "_sekom")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.zshCapture.utf8).write(to: directory.appendingPathComponent("capture.zsh"))
    let line = test.words.joined(separator: " ")
    let result = try SekomProcess.runShell(
      """
      if ! command -v zsh >/dev/null; then echo no-zsh; exit 0; fi
      timeout 60 zsh -f capture.zsh '\(line)'
      """, directory: directory)
    #expect(result.status == 0)
    if result.output == "no-zsh\n" {
      #expect(script.contains("_arguments"))
    } else {
      let offered = result.output.split(separator: "\n").map(String.init)
      #expect(offered == test.offered.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
  }

  /// zsh and fish read their scripts without a syntax error, where they are installed.
  @Test(arguments: ["zsh -n", "fish --no-execute"])
  func otherShellsReadTheirScripts(_ check: String) throws {
    let shell = String(check.split(separator: " ")[0])
    let script = try SekomProcess.run(["--completions", shell])
    #expect(script.status == 0)
    #expect(script.output.contains("sekom"))
    let result = try SekomProcess.runShell(
      "if command -v \(shell) >/dev/null; then \(check) /dev/stdin; else cat >/dev/null; fi",
      directory: FileManager.default.temporaryDirectory, input: Data(script.output.utf8))
    #expect(result.status == 0)
    #expect(result.error == "")
  }
}
