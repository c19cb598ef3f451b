import PlanModel

/// The text of `.help` and `.fields`, made from the tables of commands, keywords and fields so that it
/// stays true.
public enum HelpText {
  public static func help(commands: [DotCommand]) -> String {
    let width = commands.map(\.usage.count).max() ?? 0
    let lines = commands.map { command in
      "  " + command.usage + String(repeating: " ", count: width - command.usage.count + 2) + command.summary
    }
    return """
      Commands:
      \(lines.joined(separator: "\n"))

      Statements:
      \(statementSynopsis)
        Clauses come in any order, each at most once.

      Conditions:
        FIELD = VALUE, !=, <, <=, >, >=      prio = 1, vem = Kansliet, start >= 2021-06-01
        FIELD contains VALUE                 vad contains webbinar
        FIELD starts with VALUE              vad starts with Delta
        FIELD matches REGEX                  hur matches 'webb?inari'
        FIELD in (VALUE, …)                  kategori in (paused, planned)
        FIELD is empty, is not empty         status is empty
        när before|after|overlaps TIME       när overlaps "hösten 2021"
        not, and, or, ( )                    not (prio = 3 or vem = Styrelse)
        `not` before an operator negates it: status not in (Pågår, Vilande), när not before 2021-06

      Values: 'text', "text", ’text’ or ”text”, words (Kansli), numbers, dates (2021-05-11),
        months (2021-05), years (2021), today (idag), årsmötet (the plan's annual meeting),
        Swedish periods ("våren 2021", "vecka 37"), and $NAME parameters.

      Examples:
        activities where vem contains Kansli and prio = 1 order by när select id, vad, när
        activities where kategori = paused select id, vad, status
        activities count by vem
        aktiviteter där vem = Styrelsen och när överlappar "hösten 2021" visa id, vad

      Swedish forms: \(swedishForms)
      Comments start with -- or #. '.fields' lists the fields.

      """
  }

  /// `activities|changes [as of DAY] [where CONDITION] …`, one part for each clause of the keyword table,
  /// wrapped at 80 columns under the first clause; then the change statements.
  private static var statementSynopsis: String {
    let sources = Keyword.sources.filter { $0 != .add }
    let source = "  " + sources.map(\.name).joined(separator: "|") + " "
    let indent = String(repeating: " ", count: source.count)
    var lines: [String] = []
    var line = source
    // `as of` first: it says which plan the other clauses read.
    let clauses = [Keyword.as] + Keyword.clauses.filter { $0 != .as }
    for clause in clauses {
      let part = "[" + usage(of: clause) + "]"
      if line.count > indent.count && line.count + part.count > 80 {
        lines.append(String(line.dropLast()))
        line = indent
      }
      line += part + " "
    }
    lines.append(String(line.dropLast()))
    let changed = "  \(Keyword.activities.name) \(Keyword.where.name) CONDITION "
    for change in Keyword.changeWords { lines.append(changed + usage(of: change)) }
    lines.append("  " + usage(of: .add))
    return lines.joined(separator: "\n")
  }

  /// A keyword as written with the words that follow it and what it takes: `order by FIELD [asc|desc], …`.
  private static func usage(of keyword: Keyword) -> String {
    ([keyword.phrase(swedish: false)] + (keyword.entry.usage.map { [$0] } ?? [])).joined(separator: " ")
  }

  private static var swedishForms: String {
    Keyword.allCases.filter { $0.spellings.count > 1 && $0.spellings[1] != $0.name && !$0.onlyFollows }
      .map { "\($0.phrase(swedish: true)) (\($0.phrase(swedish: false)))" }
      .joined(separator: ", ")
  }

  /// Each field with its type, what it holds, and a few of the plan's own values.
  /// Fitted to `width`, a terminal's, wrapping long texts in their columns, or as records when the columns
  /// cannot fit; the values then one a line, each cut to fit where records put it. Without a width the
  /// lines are whole, the values joined with " | ".
  public static func fields(of plan: Plan, width: Int? = nil) -> String {
    fields(of: .activities, in: plan, width: width) + "\nFields of changes:\n"
      + fields(of: .changes, in: ChangeRows.plan(of: plan), width: width)
  }

  /// Text whose spaces and hyphens a line break cannot split: no-break space and non-breaking hyphen.
  static func unbreakable(_ text: String) -> String {
    String(text.map { $0 == " " ? "\u{00A0}" : $0 == "-" ? "\u{2011}" : $0 })
  }

  private static func fields(of source: RowSource, in plan: Plan, width: Int?) -> String {
    // Beside the longest label of a record, "for example: ".
    let longest = width.map { min(28, max(8, $0 - 13)) } ?? 28
    let rows = source.fields.map { field -> [String] in
      var seen = Set<String>()
      var examples: [String] = []
      let values = RowArranger(plan: plan).groupValues(for: field)
      for activity in plan.activities {
        for value in values(activity) where !value.isEmpty && seen.insert(value).inserted {
          let cut = value.count > longest ? String(value.prefix(longest - 1)) + "…" : value
          // On a terminal a value already cut to fit is one line: its spaces and hyphens do not break, so
          // the table never both cuts and wraps it.
          examples.append(width == nil ? cut : HelpText.unbreakable(cut))
        }
        if examples.count >= 3 { break }
      }
      return [
        field.name, field.type.rawValue, field.summary,
        examples.prefix(3).joined(separator: width == nil ? " | " : "\n"),
      ]
    }
    return TableWriter(options: OutputOptions(width: width)).grid(
      headers: ["field", "type", "holds", "for example"], rows: rows,
      rightAligned: [false, false, false, false])
  }
}
