import PlanModel
import Testing

@testable import QueryLanguage

/// Tables at a terminal's width (golden texts at 60, 80 and 100 columns; a table that fits is written
/// whole): headers inside their columns, no line wider than the terminal, widths that follow the content,
/// breaks at spaces and hyphens, and records (`field: value`) when the columns cannot fit legibly.
struct TableLayoutTests {
  static let kansliPrio1 =
    "activities where vem contains Kansli and prio = 1 order by när select id, vad, när"
  static let withoutSelect = "activities where vem contains Kansli and prio = 1 and id < 20"

  /// The README's examples, and the statement without `select` it starts with.
  static let examples = [
    kansliPrio1,
    "activities where vem contains Kansli and prio = 1",
    "aktiviteter där kategori = vilande visa id, vad, status",
    "activities where när before 'hösten 2021' and prio = 1 and vem = Kansli order by när desc select id, när, slut",
    "activities count by kategori",
    "activities where status not in (Pågår, Vilande) and prio = 1 select id, status",
    "activities where prio = 1 count by inriktning",
    "activities where vem = Kansliet and prio = 1 and när overlaps 'hösten 2021' select id, vad, när",
    "activities where prio = 3 group by kategori select id, vad",
    "activities where id < 3 group by hur select id",
  ]

  static func render(_ query: String, width: Int?, expanded: ExpandedMode = .auto) throws -> String {
    try OutputTests.render(query, .table, OutputOptions(width: width, expanded: expanded))
  }

  static let goldens: [(query: String, width: Int, text: String)] = [
    (
      kansliPrio1, 60,
      """
       id │ vad                             │ när
      ────┼─────────────────────────────────┼─────────────────────
        1 │ Delta i SIS tekniska kommitté   │ Start 2018, beräknas
          │ ”Hållbara städer och samhällen” │ klar våren 2021
       42 │ Årskonferens                    │ Till årsmötet
       33 │ Kontakt mellan medlemmar för    │ Våren 2021
          │ ökat erfarenhetsutbyte          │
       23 │ Lobbying                        │ Löpande
       24 │ Extern kommunikation            │ Löpande
       27 │ Använda webbrummet Ecomuna      │ Vår/Höst
       30 │ Kontinuerlig medlemsvård        │ Löpande
       35 │ Kontakt mellan medlemmar för    │ 2021
          │ ökat erfarenhetsutbyte          │
       19 │ Hållbar kommun                  │ 11 maj 2021
       41 │ Årskonferens                    │ 28 maj 2021
       25 │ Extern kommunikation            │ Hösten 2021
       29 │ Kontinuerlig medlemsvård        │ Hösten 2021
       43 │ Höstkonferens, 25-årsjubileum   │ 19-20 oktober
       15 │ Samverka med Klimatkommunerna   │
       31 │ Informationspaket för medlemmar │ Delvis genomfört
      (15 activities)

      """
    ),
    (
      kansliPrio1, 80,
      """
       id │ vad                                                 │ när
      ────┼─────────────────────────────────────────────────────┼─────────────────────
        1 │ Delta i SIS tekniska kommitté ”Hållbara städer och  │ Start 2018, beräknas
          │ samhällen”                                          │ klar våren 2021
       42 │ Årskonferens                                        │ Till årsmötet
       33 │ Kontakt mellan medlemmar för ökat erfarenhetsutbyte │ Våren 2021
       23 │ Lobbying                                            │ Löpande
       24 │ Extern kommunikation                                │ Löpande
       27 │ Använda webbrummet Ecomuna                          │ Vår/Höst
       30 │ Kontinuerlig medlemsvård                            │ Löpande
       35 │ Kontakt mellan medlemmar för ökat erfarenhetsutbyte │ 2021
       19 │ Hållbar kommun                                      │ 11 maj 2021
       41 │ Årskonferens                                        │ 28 maj 2021
       25 │ Extern kommunikation                                │ Hösten 2021
       29 │ Kontinuerlig medlemsvård                            │ Hösten 2021
       43 │ Höstkonferens, 25-årsjubileum                       │ 19-20 oktober
       15 │ Samverka med Klimatkommunerna                       │
       31 │ Informationspaket för medlemmar                     │ Delvis genomfört
      (15 activities)

      """
    ),
    (
      kansliPrio1, 100,
      """
       id │ vad                                                           │ när
      ────┼───────────────────────────────────────────────────────────────┼───────────────────────────────
        1 │ Delta i SIS tekniska kommitté ”Hållbara städer och samhällen” │ Start 2018, beräknas klar
          │                                                               │ våren 2021
       42 │ Årskonferens                                                  │ Till årsmötet
       33 │ Kontakt mellan medlemmar för ökat erfarenhetsutbyte           │ Våren 2021
       23 │ Lobbying                                                      │ Löpande
       24 │ Extern kommunikation                                          │ Löpande
       27 │ Använda webbrummet Ecomuna                                    │ Vår/Höst
       30 │ Kontinuerlig medlemsvård                                      │ Löpande
       35 │ Kontakt mellan medlemmar för ökat erfarenhetsutbyte           │ 2021
       19 │ Hållbar kommun                                                │ 11 maj 2021
       41 │ Årskonferens                                                  │ 28 maj 2021
       25 │ Extern kommunikation                                          │ Hösten 2021
       29 │ Kontinuerlig medlemsvård                                      │ Hösten 2021
       43 │ Höstkonferens, 25-årsjubileum                                 │ 19-20 oktober
       15 │ Samverka med Klimatkommunerna                                 │
       31 │ Informationspaket för medlemmar                               │ Delvis genomfört
      (15 activities)

      """
    ),
    (
      withoutSelect, 60,
      """
      id:         1
      inriktning: Förebild och föregångare
      vad:        Delta i SIS tekniska kommitté ”Hållbara städer
                  och samhällen”
      hur:        Ordförandeskap och deltagande i Arbetsgrupp 3
                  för revidering av Svensk Standard 854000
                  ”Styrning och ledning för hållbar utveckling i
                  kommuner och regioner – Vägledning för
                  genomförande av Agenda 2030”
      vem:        Ordförande, Kansli
      när:        Start 2018, beräknas klar våren 2021
      status:     Pågår
      prio:       1

      id:         15
      inriktning: Pådrivare och opinionsbildare
      vad:        Samverka med Klimatkommunerna
      hur:        Ta kontakt med representanter på politisk och
                  tjänstepersonnivå i syfte att se hur samverkan
                  kan ske
      vem:        Kansli, Styrelse
      när:
      status:
      prio:       1

      id:         19
      inriktning: Pådrivare och opinionsbildare
      vad:        Hållbar kommun
      hur:        Presentera föreningens arbete kring
                  arbetsmetodik för att genomföra koldioxidbudget
                  samt den kommande standarden för Agenda 2030
      vem:        Ordförande, Kansli, Samarbetspartners, Medlemmar
      när:        11 maj 2021
      status:     Planeras
      prio:       1
      (3 activities)

      """
    ),
    (
      withoutSelect, 80,
      """
      id:         1
      inriktning: Förebild och föregångare
      vad:        Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”
      hur:        Ordförandeskap och deltagande i Arbetsgrupp 3 för revidering av
                  Svensk Standard 854000 ”Styrning och ledning för hållbar utveckling
                  i kommuner och regioner – Vägledning för genomförande av Agenda
                  2030”
      vem:        Ordförande, Kansli
      när:        Start 2018, beräknas klar våren 2021
      status:     Pågår
      prio:       1

      id:         15
      inriktning: Pådrivare och opinionsbildare
      vad:        Samverka med Klimatkommunerna
      hur:        Ta kontakt med representanter på politisk och tjänstepersonnivå i
                  syfte att se hur samverkan kan ske
      vem:        Kansli, Styrelse
      när:
      status:
      prio:       1

      id:         19
      inriktning: Pådrivare och opinionsbildare
      vad:        Hållbar kommun
      hur:        Presentera föreningens arbete kring arbetsmetodik för att genomföra
                  koldioxidbudget samt den kommande standarden för Agenda 2030
      vem:        Ordförande, Kansli, Samarbetspartners, Medlemmar
      när:        11 maj 2021
      status:     Planeras
      prio:       1
      (3 activities)

      """
    ),
    (
      withoutSelect, 100,
      """
      id:         1
      inriktning: Förebild och föregångare
      vad:        Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”
      hur:        Ordförandeskap och deltagande i Arbetsgrupp 3 för revidering av Svensk Standard 854000
                  ”Styrning och ledning för hållbar utveckling i kommuner och regioner – Vägledning för
                  genomförande av Agenda 2030”
      vem:        Ordförande, Kansli
      när:        Start 2018, beräknas klar våren 2021
      status:     Pågår
      prio:       1

      id:         15
      inriktning: Pådrivare och opinionsbildare
      vad:        Samverka med Klimatkommunerna
      hur:        Ta kontakt med representanter på politisk och tjänstepersonnivå i syfte att se hur
                  samverkan kan ske
      vem:        Kansli, Styrelse
      när:
      status:
      prio:       1

      id:         19
      inriktning: Pådrivare och opinionsbildare
      vad:        Hållbar kommun
      hur:        Presentera föreningens arbete kring arbetsmetodik för att genomföra koldioxidbudget samt
                  den kommande standarden för Agenda 2030
      vem:        Ordförande, Kansli, Samarbetspartners, Medlemmar
      när:        11 maj 2021
      status:     Planeras
      prio:       1
      (3 activities)

      """
    ),
    (
      withoutSelect, 200,
      """
       id │ inriktning      │ vad                   │ hur                                                                                     │ vem                          │ när           │ status   │ prio
      ────┼─────────────────┼───────────────────────┼─────────────────────────────────────────────────────────────────────────────────────────┼──────────────────────────────┼───────────────┼──────────┼─────
        1 │ Förebild och    │ Delta i SIS tekniska  │ Ordförandeskap och deltagande i Arbetsgrupp 3 för revidering av Svensk Standard 854000  │ Ordförande, Kansli           │ Start 2018,   │ Pågår    │    1
          │ föregångare     │ kommitté ”Hållbara    │ ”Styrning och ledning för hållbar utveckling i kommuner och regioner – Vägledning för   │                              │ beräknas klar │          │
          │                 │ städer och samhällen” │ genomförande av Agenda 2030”                                                            │                              │ våren 2021    │          │
       15 │ Pådrivare och   │ Samverka med          │ Ta kontakt med representanter på politisk och tjänstepersonnivå i syfte att se hur      │ Kansli, Styrelse             │               │          │    1
          │ opinionsbildare │ Klimatkommunerna      │ samverkan kan ske                                                                       │                              │               │          │
       19 │ Pådrivare och   │ Hållbar kommun        │ Presentera föreningens arbete kring arbetsmetodik för att genomföra koldioxidbudget     │ Ordförande, Kansli,          │ 11 maj 2021   │ Planeras │    1
          │ opinionsbildare │                       │ samt den kommande standarden för Agenda 2030                                            │ Samarbetspartners, Medlemmar │               │          │
      (3 activities)

      """
    ),
    (
      "aktiviteter där kategori = vilande visa id, vad, status", 40,
      """
       id │ vad                │ status
      ────┼────────────────────┼──────────────
        6 │ Chilenska          │ Vilande
          │ ekokommunnätverket │
        7 │ Planerat projekt   │ Vilande
          │ med städer i       │
          │ Sydamerika.        │
       10 │ Etiopiska          │ Vilande
          │ ekokommunnätverket │
       14 │ Samverka med WWF   │ Vilande
       26 │ Extern             │ Vilande pga
          │ kommunikation      │ Coronapandemi
       44 │ Regionala          │ Vilande
          │ ekokommunnätverk   │
      (6 activities)

      """
    ),
  ]

  @Test(arguments: goldens.indices)
  func goldenLayouts(index: Int) throws {
    let golden = Self.goldens[index]
    #expect(try Self.render(golden.query, width: golden.width) == golden.text, "at \(golden.width) columns")
  }

  /// A table whose values all fit the terminal is written as it is off a terminal, whole, its columns as
  /// wide as their content and no wider: the width only ever narrows a table.
  @Test(arguments: examples)
  func aTableThatFitsIsWrittenWhole(query: String) throws {
    let whole = try Self.render(query, width: nil)
    let widest = whole.split(separator: "\n").map(TextWidth.of).max() ?? 0
    for width in [widest, widest + 1, 200] where width >= widest {
      #expect(try Self.render(query, width: width) == whole, "at \(width) columns")
    }
  }

  /// Every example at every width: no line wider than the terminal, and every word that fits its column
  /// whole on one line (words split only when longer than the column).
  @Test(arguments: [40, 60, 80, 100, 200])
  func noLineWiderThanTheTerminalAndNoWordSplitThatFits(width: Int) throws {
    for query in Self.examples {
      let text = try Self.render(query, width: width)
      for line in text.split(separator: "\n") {
        #expect(TextWidth.of(line) <= width, "\(query) at \(width): \(line)")
      }
      // Record labels end in a colon.
      let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).map(String.init)
      let shown = Set(tokens + tokens.filter { $0.hasSuffix(":") }.map { String($0.dropLast()) })
      let whole = try Self.render(query, width: nil)
      for word in whole.split(whereSeparator: {
        $0 == " " || $0 == "\n" || $0 == "│" || $0 == "─" || $0 == "┼"
      })
      where word.count <= 20 && !word.dropFirst().dropLast().contains("-") {
        #expect(shown.contains(String(word)), "\(query) at \(width): '\(word)' split")
      }
    }
  }

  /// `id` and `prio` stay narrow while long texts get the room, and headers are never broken inside.
  @Test func narrowColumnsStayNarrow() throws {
    let text = try Self.render(Self.withoutSelect, width: 200)
    let header = try #require(text.split(separator: "\n").first)
    #expect(header.hasPrefix(" id │ inriktning "))
    #expect(header.hasSuffix(" │ prio"))
    let rule = try #require(text.split(separator: "\n").dropFirst().first)
    let widths = rule.split(separator: "┼").map(\.count)
    #expect(widths.first == 4 && widths.last == 5, "\(rule)")
    #expect(widths[3] == widths.max(), "hur, the longest texts, is the widest: \(rule)")
  }

  /// Breaks go at spaces and after a hyphen between letters; a word longer than its column breaks inside.
  @Test(arguments: [
    (
      "Delta i projektet ”Hållbar kommun- och regionsutveckling”", 14,
      ["Delta i", "projektet", "”Hållbar", "kommun- och", "regionsutveckl", "ing”"]
    ),
    ("Höstkonferens, 25-årsjubileum", 20, ["Höstkonferens,", "25-årsjubileum"]),
    ("Kunskapsförmedlare-arena", 20, ["Kunskapsförmedlare-", "arena"]),
    ("19-20 oktober", 6, ["19-20", "oktobe", "r"]),
  ])
  func wrapping(text: String, width: Int, lines: [String]) {
    #expect(TextWidth.wrap(text, width: width) == lines)
  }

  /// `.expanded on` writes records wherever the result goes; `off` keeps the table at any width.
  @Test func expandedOnAndOff() throws {
    #expect(
      try Self.render("activities where id in (19, 41) select id, vad, när", width: nil, expanded: .on) == """
        id:  19
        vad: Hållbar kommun
        när: 11 maj 2021

        id:  41
        vad: Årskonferens
        när: 28 maj 2021
        (2 activities)

        """)
    let off = try Self.render(Self.withoutSelect, width: 80, expanded: .off)
    #expect(off.hasPrefix(" id │ "))
    #expect(off.split(separator: "\n").allSatisfy { TextWidth.of($0) <= 80 }, "\(off)")
    // Without a terminal, auto is a table of whole values.
    #expect(try Self.render(Self.withoutSelect, width: nil).hasPrefix(" id │ inriktning "))
  }

  /// A group's records go in under its heading, so that the heading does not read as one of their lines.
  @Test func groupedRecordsGoInUnderTheirHeading() throws {
    let text = try Self.render(
      "activities where id in (1, 6, 7) group by kategori select id, vad", width: 40, expanded: .on)
    #expect(
      text == """
        kategori: ongoing
          id:  1
          vad: Delta i SIS tekniska kommitté
               ”Hållbara städer och samhällen”

        kategori: paused
          id:  6
          vad: Chilenska ekokommunnätverket

          id:  7
          vad: Planerat projekt med städer i
               Sydamerika.
        (3 activities)

        """, "\(text)")
  }

  /// The dot-command sets the mode for the statements that follow; a wrong word is an error.
  @Test func expandedDotCommand() {
    let on = DotCommandTests.run(".expanded on\nactivities where id = 41 select id, vad\n")
    #expect(on.output == "id:  41\nvad: Årskonferens\n(1 activity)\n")
    let back = DotCommandTests.run(
      ".expanded on\n.expanded off\nactivities where id = 41 select id, vad\n")
    #expect(back.output.hasPrefix(" id │ vad"))
    let wrong = DotCommandTests.run(".expanded maybe\n")
    #expect(wrong.errors.contains("expected on, off or auto"))
  }
}
