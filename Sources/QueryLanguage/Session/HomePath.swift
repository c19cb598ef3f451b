#if canImport(Glibc)
  import Glibc
#endif

/// `~` at the start of a path given to `.read`, `.plan` and `.output`, read as the shell reads it: the
/// user's home folder. Only `~` alone and `~/…`; `~name` is left as written.
public enum HomePath {
  /// The home folder from `HOME`, nil when it is unset or empty.
  public static var home: String? {
    guard let value = getenv("HOME"), value.pointee != 0 else { return nil }
    return String(cString: value)
  }

  /// The path with a leading `~` replaced by `home`; unchanged without a home or a `~`.
  public static func expanding(_ path: String, home: String? = HomePath.home) -> String {
    guard let home, path == "~" || path.hasPrefix("~/") else { return path }
    let base = home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
    return base == "/" && path.hasPrefix("~/") ? String(path.dropFirst()) : base + path.dropFirst()
  }
}
