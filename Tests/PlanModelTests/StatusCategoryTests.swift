import Testing

@testable import PlanModel

struct StatusCategoryTests {
  @Test(arguments: [
    ("Pågår", StatusCategory.ongoing), ("Pågår, delvis klart", .ongoing),
    ("Pågår – webbinarium genomfört januari 2021", .ongoing), ("På gång", .ongoing),
    ("2 genomförda", .ongoing),
    ("Håller kontakten deltar i webinarier.", .ongoing), ("Planering pågår", .planned),
    ("Planeras", .planned),
    ("Planeras vår 2021", .planned),
    ("Planeras i samarbete med Amerikanska nätverket och Argentina", .planned),
    ("Diskuteras", .planned), ("Vilande", .paused), ("Vilande pga Coronapandemi", .paused),
    ("Ej påbörjat", .notStarted), ("Bevakar", .monitoring), ("Efter behov", .asNeeded), ("", .none),
    ("  ", .none), ("Klart", .done), ("Genomfört", .done), ("Oklart läge", .other),
  ])
  func categoryOfEachStatusText(text: String, category: StatusCategory) {
    #expect(StatusText(text: text).category == category)
  }

  /// Whole words only, and nothing beyond them that turns the category around: a negation, "att" after
  /// "klar", a question, an alternative. Wording that may as well mean the future ("Genomförs…") is other.
  @Test(arguments: [
    ("Genomförs ej", StatusCategory.other), ("Genomförs under hösten", .other), ("Genomförs löpande", .other),
    ("Genomförande pågår", .other), ("Klar att starta", .other), ("Klart att påbörja", .other),
    ("Klart för beslut", .other), ("Klartecken från styrelsen", .other), ("Genomfört delvis", .ongoing),
    ("Delvis klart", .ongoing), ("Delvis genomfört", .ongoing), ("Pågår ej", .other),
    ("Pågår inte", .other), ("Pågår inte längre", .other), ("Planeras ej längre", .other),
    ("Vid behov ej", .other), ("Bevakar inte", .other), ("Klart, ej rapporterat", .other),
    ("Ej påbörjat, inte prioriterat", .other), ("Pågår?", .other), ("Klart (?)", .other),
    ("Pågår/klart", .other), ("Vilande eller avslutat", .other), ("Pågick", .other),
    ("Planerades", .other), ("Avslutas i maj", .other), ("Pausas", .other), ("Bevakningsuppdrag", .other),
    ("Vilandeförklarad", .other), ("2021 genomförda", .other), ("Genomförs", .other),
    ("Ej", .other), ("-", .other), ("PÅGÅR", .ongoing), ("Pa\u{030A}går", .ongoing),
    ("Pågående", .ongoing), ("Pågår, men långsamt", .ongoing), ("3 genomförda, 2 kvar", .ongoing),
    ("Fortsätter 2022", .ongoing), ("Under planering", .planned), ("Planerat till hösten", .planned),
    ("Vilar", .paused), ("Pausad tills vidare", .paused), ("Inte påbörjat", .notStarted),
    ("Ej startad", .notStarted), ("Ännu inte påbörjat", .notStarted), ("Inte ännu startat", .notStarted),
    ("Ej påbörjat, planeras till hösten", .notStarted), ("Bevakas", .monitoring), ("Vid behov", .asNeeded),
    ("Avslutat", .done), ("Slutfört 2021", .done), ("Klart, rapport skickad", .done), ("Klart.", .done),
  ])
  func wordsThatDoNotNameTheCategory(text: String, category: StatusCategory) {
    #expect(StatusCategory(reading: text) == category)
  }

  @Test func everyStatusOfThe2021PlanIsUnderstood() {
    #expect(!Plan.embedded2021.activities.contains { $0.status.category == .other })
  }

  @Test(arguments: [
    ("paused", StatusCategory.paused), ("Vilande", .paused), ("NOT STARTED", .notStarted),
    ("ej påbörjad", .notStarted),
  ])
  func namesInEitherLanguage(name: String, category: StatusCategory) {
    #expect(StatusCategory(name: name) == category)
  }
}
