import Testing

@testable import PlanModel

/// JSON strings: a text with nothing to escape is copied whole, and one with something to escape is
/// escaped as before (the fast path must not change a byte of a written plan).
struct JSONQuotingTests {
  @Test(arguments: [
    ("Hållbar kommun", "\"Hållbar kommun\""),
    ("", "\"\""),
    ("kommitté ”Hållbara”", "\"kommitté ”Hållbara”\""),
    ("säg \"hej\"", "\"säg \\\"hej\\\"\""),
    ("a\\b", "\"a\\\\b\""),
    ("rad 1\nrad 2\tflik\r", "\"rad 1\\nrad 2\\tflik\\r\""),
    ("\u{01}\u{1f}\u{7f}é", "\"\\u0001\\u001f\u{7f}é\""),
  ])
  func quoted(text: String, json: String) {
    #expect(JSONText.quoted(text) == json)
  }
}
