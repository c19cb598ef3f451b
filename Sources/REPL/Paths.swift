/// Where the REPL keeps its files, after the XDG base directory rules.
public struct ReplPaths: Sendable {
  /// `$XDG_STATE_HOME/sekom/history`, by default `~/.local/state/sekom/history`.
  public var history: String?
  /// `$XDG_CONFIG_HOME/sekom/init.sq`, by default `~/.config/sekom/init.sq`.
  public var initFile: String?

  public init(history: String?, initFile: String?) {
    self.history = history
    self.initFile = initFile
  }

  /// The paths from an environment; nil where neither the XDG variable nor HOME is set. A relative path in
  /// either is ignored, as the XDG rules say: it would name a different file in every folder.
  public init(environment: [String: String]) {
    func base(_ variable: String, _ fallback: String) -> String? {
      if let value = environment[variable], value.hasPrefix("/") { return value }
      guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
      return home + "/" + fallback
    }
    history = base("XDG_STATE_HOME", ".local/state").map { $0 + "/sekom/history" }
    initFile = base("XDG_CONFIG_HOME", ".config").map { $0 + "/sekom/init.sq" }
  }
}
