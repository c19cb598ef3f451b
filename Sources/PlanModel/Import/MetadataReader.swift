extension HandlingsplanImporter {
  /// What the lines before the first table say about the plan; directions and corrections come later.
  struct Heading: Sendable {
    var title: String
    var year: Int
    var adopted: Day?
    var annualMeeting: Day?
  }

  /// Reads the plan's title, year, adoption day and annual meeting from the front matter.
  ///
  /// The front matter is prose, so it is searched for the few sentence shapes plans use ("VERKSAMHETSPLAN
  /// 2021", "Redovisas vid föreningens årsmöte 28 maj 2021", "Version 1, fastställd vid styrelsemöte 22 mars
  /// 2021", "Handlingsplan för 2021") rather than parsed. Each value found is reported with its line.
  enum MetadataReader {
    /// `given` is the plan year the caller was told: it wins over the document's, and is the only one of a
    /// document that names none.
    static func read(
      _ lines: ArraySlice<SourceLine>, source: String, year given: Int? = nil, notes: inout [ImportNote]
    ) throws(ImportError) -> Heading {
      let titleLine = lines.first(where: isTitle)
      let planLine = lines.first { line in
        let words = foldedWords(line.text)
        return words.first == "handlingsplan" && firstYear(in: words.dropFirst()) != nil
      }
      let meeting = dated(lines, where: { $0.hasPrefix("årsmöte") })
      let adoption = dated(lines, where: { word in adoptionWords.contains { word.hasPrefix($0) } })

      let titleYear = titleLine.flatMap { firstYear(in: foldedWords($0.text)[...]) }
      let planYear = planLine.flatMap { firstYear(in: foldedWords($0.text).dropFirst()) }
      let year: Int
      if let given {
        year = given
        if let found = titleYear ?? planYear, let line = titleLine ?? planLine {
          let message =
            found == given ? "plan year \(given)" : "plan year \(given) as given; this line names \(found)"
          notes.append(ImportNote(line: line.number, message: message))
        } else {
          notes.append(
            ImportNote(
              line: lines.first?.number ?? 1, message: "plan year \(given) as given: no title names it"))
        }
      } else if let found = titleYear ?? planYear, let line = titleLine ?? planLine {
        year = found
        notes.append(ImportNote(line: line.number, message: "plan year \(found)"))
        if let titleYear, let planYear, let planLine, titleYear != planYear {
          notes.append(
            ImportNote(
              line: planLine.number,
              message: "this line names \(planYear), the title \(titleYear); the title's year is used"))
        }
      } else if let dated = [meeting, adoption].compactMap({ $0 }).first(where: { $0.date.year != nil }),
        let fallback = dated.date.year
      {
        year = fallback
        notes.append(
          ImportNote(line: dated.line, message: "plan year \(fallback), from this date: no title names it"))
      } else {
        throw ImportError(
          source: source, line: nil,
          message: "the plan year is not given: no line such as \"Verksamhetsplan 2021\" or "
            + "\"Handlingsplan för 2021\" before the first table; give it with --year")
      }

      var heading = Heading(title: "Verksamhetsplan \(year)", year: year)
      if let titleLine {
        heading.title = title(at: titleLine, in: lines, notes: &notes)
      } else {
        notes.append(
          ImportNote(
            line: lines.first?.number ?? 1, message: "no title line: the title is \"\(heading.title)\""))
      }
      if let meeting, let day = meeting.date.day(in: year) {
        heading.annualMeeting = day
        notes.append(ImportNote(line: meeting.line, message: "annual meeting \(day.iso)"))
      }
      if let adoption, let day = adoption.date.day(in: year) {
        heading.adopted = day
        notes.append(ImportNote(line: adoption.line, message: "adopted \(day.iso)"))
      }
      return heading
    }

    /// Words that say the board adopted the plan: "fastställd", "antagen".
    private static let adoptionWords = ["fastställ", "antagen", "antaget"]

    /// "VERKSAMHETSPLAN 2021", "Handlingsplan 2022": a short line of a plan word and a year.
    static func isTitle(_ line: SourceLine) -> Bool {
      let words = foldedWords(line.text)
      guard (2...5).contains(words.count), ["verksamhetsplan", "handlingsplan"].contains(words[0]),
        let last = words.last, let value = Int(last)
      else { return false }
      return PlanYear.isYear(value, digits: last.count)
    }

    /// The title: the organisation line above the title line, a dash, then the title line, each in the
    /// case a reader expects ("SVERIGES EKOKOMMUNER" becomes "Sveriges Ekokommuner", a name, and
    /// "VERKSAMHETSPLAN 2021" becomes "Verksamhetsplan 2021", a title). Lines in mixed case stay as written.
    private static func title(
      at titleLine: SourceLine, in lines: ArraySlice<SourceLine>, notes: inout [ImportNote]
    ) -> String {
      let title = isUpperCase(titleLine.text) ? sentenceCase(titleLine.text) : titleLine.text
      let above = lines.prefix { $0.number < titleLine.number }.last { !$0.isBlank }
      guard let above, above.text.split(separator: " ").count <= 5,
        !above.text.contains(where: { $0.isNumber || $0 == ":" })
      else {
        notes.append(ImportNote(line: titleLine.number, message: "title \"\(title)\""))
        return title
      }
      let organisation = isUpperCase(above.text) ? nameCase(above.text) : above.text
      let whole = organisation + " – " + title
      notes.append(
        ImportNote(
          line: titleLine.number,
          message: "title \"\(whole)\", from lines \(above.number) and \(titleLine.number)"
        ))
      return whole
    }

    /// The first line with a word that `keyword` accepts and a date in it.
    private static func dated(
      _ lines: ArraySlice<SourceLine>, where keyword: (String) -> Bool
    ) -> (line: Int, date: SwedishDate)? {
      for line in lines {
        let words = foldedWords(line.text)
        if words.contains(where: keyword), let date = SwedishDate.find(in: words) {
          return (line.number, date)
        }
      }
      return nil
    }

    /// The first year among `words`.
    private static func firstYear(in words: ArraySlice<String>) -> Int? {
      for word in words {
        if let value = Int(word), PlanYear.isYear(value, digits: word.count) { return value }
      }
      return nil
    }

    /// The line's words, folded, without the punctuation that clings to them.
    static func foldedWords(_ text: String) -> [String] {
      text.split(separator: " ").map { word in
        var word = Substring(SwedishCollation.fold(String(word)))
        while let last = word.last, ",.:;!?)".contains(last) { word.removeLast() }
        while let first = word.first, "(".contains(first) { word.removeFirst() }
        return String(word)
      }.filter { !$0.isEmpty }
    }

    private static func isUpperCase(_ text: String) -> Bool {
      text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }

    /// "VERKSAMHETSPLAN 2021" → "Verksamhetsplan 2021".
    private static func sentenceCase(_ text: String) -> String {
      guard let first = text.first else { return text }
      return first.uppercased() + text.dropFirst().lowercased()
    }

    /// "SVERIGES EKOKOMMUNER" → "Sveriges Ekokommuner".
    private static func nameCase(_ text: String) -> String {
      text.split(separator: " ").map { sentenceCase(String($0)) }.joined(separator: " ")
    }
  }

  /// A date written the Swedish way, "28 maj 2021", with the year optional.
  struct SwedishDate: Sendable, Equatable {
    var day: Int
    var month: Int
    var year: Int?

    /// The day, in `year` when the text gave none; nil for a day that does not exist.
    func day(in planYear: Int) -> Day? { Day(year: year ?? planYear, month: month, day: day) }

    /// The first "D month [YYYY]" among folded words.
    static func find(in words: [String]) -> SwedishDate? {
      for index in words.indices.dropLast() {
        let word = words[index]
        guard (1...2).contains(word.count), let day = Int(word), let month = months[words[index + 1]]
        else { continue }
        var year: Int?
        if index + 2 < words.count, let value = Int(words[index + 2]),
          PlanYear.isYear(value, digits: words[index + 2].count)
        {
          year = value
        }
        return SwedishDate(day: day, month: month, year: year)
      }
      return nil
    }

    /// "28 maj 2021", the form the plans write dates in.
    static func swedish(_ day: Day) -> String {
      let (year, month, date) = day.components
      return "\(date) \(MonthNames.swedish[month - 1]) \(year)"
    }

    /// "28 May 2021", for messages in English.
    static func english(_ day: Day) -> String {
      let (year, month, date) = day.components
      return "\(date) \(MonthNames.english[month - 1]) \(year)"
    }

    /// Month names and the abbreviations plans use, folded.
    private static let months: [String: Int] = {
      var table: [String: Int] = [:]
      for (index, name) in MonthNames.swedish.enumerated() {
        table[name] = index + 1
        table[String(name.prefix(3))] = index + 1
      }
      table["sept"] = 9
      return table
    }()
  }
}
