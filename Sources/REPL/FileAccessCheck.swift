#if canImport(Glibc)
  import Glibc
#endif

/// What the REPL asks of the file system: whether a file exists, and the names in a folder for completion.
enum FileAccessCheck {
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Entries of a folder, folders marked with a trailing slash; hidden ones only when asked for.
  static func entries(of folder: String, includeHidden: Bool) -> [String] {
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." || (name.hasPrefix(".") && !includeHidden) { continue }
      let path = (folder.isEmpty ? "" : folder + (folder.hasSuffix("/") ? "" : "/")) + name
      var info = stat()
      let isFolder = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      names.append(isFolder ? name + "/" : name)
    }
    return names.sorted()
  }
}
