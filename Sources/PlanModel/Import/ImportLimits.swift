extension HandlingsplanImporter {
  /// How much a text may make, so that any text of the size `sekom import` reads (64 MiB) imports, with
  /// its plan file made in memory, within 2 GiB; a real plan makes a few hundred of each. Memory follows
  /// what a text makes, not its bytes: three bytes make an activity and its note, and a Vad or heading is
  /// carried to every row below it.
  struct Limits: Sendable {
    /// Activities: each takes some 140 bytes, and its JSON some 180 more.
    var activities = 1_000_000
    /// Notes of the report, about 100 bytes each.
    var notes = 1_000_000
    /// Lines before the first table, kept until the table is found, where metadata is read.
    var frontLines = 100_000
    /// The text of all activities' fields together, in UTF-8 bytes; and apart from it, the text that the
    /// corrections of rows split by page breaks keep.
    var planText = 32 << 20

    static let standard = Limits()

    /// Throws when `notes` holds more notes than the limit, naming the line of the first one past it.
    func check(_ notes: [ImportNote], source: String) throws(ImportError) {
      guard notes.count > self.notes else { return }
      throw ImportError(
        source: source, line: notes[self.notes].line,
        message: "the report would have more than \(self.notes) notes; a handlingsplan needs a few hundred")
    }
  }
}
