extension HandlingsplanImporter {
  /// Splits a Vem cell into actors.
  ///
  /// The export drops the line breaks between the names in a Vem cell, so "Styrelsen", "Expertgruppen" and
  /// "Kansliet" arrive as "Styrelsen Expertgruppen Kansliet". Names are found again by greedy longest match
  /// against the known actors and their aliases, so that "Internationella arbetsgruppen" stays one actor
  /// rather than becoming an unknown "Internationella" and a stray word. Commas, semicolons, slashes and
  /// the words "och", "samt", "&" still separate where the writer used them.
  enum ActorSplitter {
    /// One actor as the cell writes it and what it was taken for.
    struct Piece: Sendable, Equatable {
      enum Kind: Sendable, Equatable {
        /// A known actor or alias, in any case.
        case known
        /// A misspelling of the known actor or alias `listed`.
        case corrected
        /// No known actor: kept as written.
        case unknown
      }

      /// The words as written.
      var written: String
      var kind: Kind
      /// The known name or alias as `Actors` spells it; the written words for an unknown actor.
      var listed: String

      /// The canonical name the activity stores.
      var actor: String { Actors.canonical(listed) }
    }

    /// The actors of a cell, in order, and whether any names were run together without a separator.
    static func split(_ cell: String) -> (pieces: [Piece], runTogether: Bool) {
      var pieces: [Piece] = []
      var runTogether = false
      for part in parts(of: cell) {
        let found = split(words: part)
        runTogether = runTogether || found.count > 1
        pieces += found
      }
      return (pieces, runTogether)
    }

    /// Why a misspelled actor was corrected, for the `Correction`: a name cut short lost its last letters,
    /// anything else is a misspelling of the actor it was taken for.
    static func reason(original: String, corrected: String) -> String {
      let written = SwedishCollation.fold(original)
      let known = SwedishCollation.fold(corrected)
      if known.hasPrefix(written) {
        return known.count - written.count == 1
          ? "last letter lost in the document" : "last letters lost in the document"
      }
      let description = descriptions[Actors.canonical(corrected)] ?? "the actor \(corrected)"
      return "misspelling: \(description)"
    }

    /// What each known actor is, in English, for the reasons of corrections.
    private static let descriptions: [String: String] = [
      "Kansli": "the secretariat",
      "Styrelse": "the board",
      "Ordförande": "the chair of the board",
      "Expertgrupp": "the expert group",
      "Internationella arbetsgruppen": "the international working group",
      "Medlemmar": "the member municipalities and regions",
      "Alla medlemmar": "all the members",
      "Intresserade medlemmar": "the members who take an interest",
      "Kontaktjänstepersoner": "the members' contact officials",
      "Samarbetspartners": "the association's partners",
      "Miljöbarometern": "the key-figure service Miljöbarometern",
      "Värdkommunen": "the host municipality of the annual meeting",
    ]

    /// A name the splitter matches: the words folded, and the name as `Actors` lists it.
    private struct Name {
      var listed: String
      var key: String
      var wordCount: Int
      /// The length of the name folded, as `Spelling` compares names.
      var foldedLength: Int
    }

    private static let names: [Name] = (Actors.known + Actors.aliases.map(\.alias)).map { listed in
      let words = listed.split(separator: " ").map { key(of: $0) }
      return Name(
        listed: listed, key: words.joined(separator: " "), wordCount: words.count,
        foldedLength: SwedishCollation.fold(listed).count)
    }

    /// The names by their number of words, for near misses.
    private static let namesByWordCount = Dictionary(grouping: names, by: \.wordCount)

    /// The most edits `Spelling.nearest` allows for any name.
    private static let mostEdits = 2

    private static let nameByKey: [String: String] = Dictionary(
      names.map { ($0.key, $0.listed) }, uniquingKeysWith: { first, _ in first })

    private static let longestName = names.map(\.wordCount).max() ?? 1

    /// Words that separate names as a comma does.
    private static let separatorWords: Set<String> = ["och", "samt", "&", "+"]

    /// The cell cut at its separators, each part as its words.
    private static func parts(of cell: String) -> [[Substring]] {
      var parts: [[Substring]] = []
      for chunk in cell.split(whereSeparator: { ",;/".contains($0) }) {
        var words: [Substring] = []
        for word in chunk.split(separator: " ") {
          if separatorWords.contains(key(of: word)) {
            if !words.isEmpty { parts.append(words) }
            words = []
          } else {
            words.append(word)
          }
        }
        if !words.isEmpty { parts.append(words) }
      }
      return parts
    }

    /// Greedy longest match over a part's words: at each word the longest known name that starts there,
    /// else the longest near miss of a name with as many words, else an unknown word.
    ///
    /// Near misses are only compared with names of the same word count, so that "Kansli X" is never taken
    /// for "Kansliet". An unknown word in lower case continues the unknown actor before it, since Swedish
    /// capitalises only the first word of a name ("Intresserade medlemmar"); otherwise each unknown word is
    /// an actor of its own.
    private static func split(words: [Substring]) -> [Piece] {
      var pieces: [Piece] = []
      let keys = words.map { key(of: $0) }
      var index = 0
      while index < words.count {
        let longest = min(longestName, words.count - index)
        if let (count, listed) = exactMatch(keys, at: index, longest: longest) {
          pieces.append(Piece(written: written(words, index, count), kind: .known, listed: listed))
          index += count
          continue
        }
        if let (count, listed) = nearMatch(words, at: index, longest: longest) {
          pieces.append(Piece(written: written(words, index, count), kind: .corrected, listed: listed))
          index += count
          continue
        }
        let word = String(words[index])
        if let last = pieces.last, last.kind == .unknown, word.first?.isLowercase == true {
          pieces[pieces.count - 1].written += " " + word
          pieces[pieces.count - 1].listed += " " + word
        } else {
          pieces.append(Piece(written: word, kind: .unknown, listed: word))
        }
        index += 1
      }
      return pieces
    }

    private static func exactMatch(_ keys: [String], at index: Int, longest: Int) -> (Int, String)? {
      for count in stride(from: longest, through: 1, by: -1) {
        if let listed = nameByKey[keys[index..<index + count].joined(separator: " ")] {
          return (count, listed)
        }
      }
      return nil
    }

    private static func nearMatch(_ words: [Substring], at index: Int, longest: Int) -> (Int, String)? {
      for count in stride(from: longest, through: 1, by: -1) {
        let text = written(words, index, count)
        // A name longer or shorter by more edits than any near miss allows cannot be the nearest; leaving
        // those out spares folding every name for every unknown word, which a cell of many words pays.
        let length = SwedishCollation.fold(text).count
        let candidates = (namesByWordCount[count] ?? []).filter { abs($0.foldedLength - length) <= mostEdits }
        guard !candidates.isEmpty else { continue }
        if let listed = Spelling.nearest(text, in: candidates.map(\.listed)) {
          return (count, listed)
        }
      }
      return nil
    }

    private static func written(_ words: [Substring], _ index: Int, _ count: Int) -> String {
      words[index..<index + count].joined(separator: " ")
    }

    /// A word as names are matched: folded, without a full stop or colon after it.
    private static func key(of word: Substring) -> String {
      var key = Substring(SwedishCollation.fold(String(word)))
      while let last = key.last, ".:".contains(last) { key.removeLast() }
      return String(key)
    }
  }
}
