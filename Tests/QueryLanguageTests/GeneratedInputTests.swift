import FuzzChecks
import PlanModel
import Testing

@testable import QueryLanguage

/// Generated inputs, from a fixed seed so that a failure can be run again: every input ends in a result
/// or in an error whose place lies inside the input. (fuzz/ holds the coverage-guided fuzzers.)
struct GeneratedInputTests {
  static let vocabulary = [
    "activities", "aktiviteter", "where", "där", "and", "och", "or", "not", "inte", "(", ")", "order", "by",
    "sortera", "efter", "select", "visa", "group", "count", "antal", "limit", "högst", "timeline", "asc",
    "desc",
    "vem", "vad", "hur", "när", "status", "kategori", "prio", "start", "slut", "id", "inriktning", "=", "!=",
    "<", ">=", "contains", "starts", "with", "matches", "in", "is", "empty", "before", "after", "overlaps",
    "Kansli", "'hösten 2021'", "\"Löpande\"", "2021-05-11", "2021-05", "2021", "1", "3", "$vem", "$x", ",",
    ";", "'", "\"", "”", "--", "#", "\n", "\n\n", ".format csv\n", ".param x 1\n", "today", "'(a+'", "é",
    "\u{0}",
    "999999999999999999999999", "paused", "'vecka 37'", "2021-13-45", "’", "‘Lobbying’", "”a ”” b”",
  ]

  @Test func generatedStatementsEndInAResultOrAPlacedError() {
    var random = SeededGenerator(seed: 2021)
    let plan = Plan.embedded2021
    for _ in 0..<3000 {
      let count = Int.random(in: 1...14, using: &random)
      let text = (0..<count).map { _ in Self.vocabulary.randomElement(using: &random)! }.joined(
        separator: " ")
      let source = SourceText(name: "g", text: text)
      for item in Parser.parse(source) {
        switch item {
        case .failure(let error):
          #expect(error.range.start >= 0 && error.range.start <= source.bytes.count, "\(text)")
          _ = DiagnosticRenderer.render(error, in: source)
        case .success(.statement(let statement)):
          do throws(QueryError) {
            let checked = try Checker(plan: plan, parameters: ["vem": "Kansli"]).check(statement)
            guard let result = try? Evaluator(plan: plan).run(checked) else {
              Issue.record("a plan in memory could not be read: \(text)")
              continue
            }
            for format in OutputFormat.allCases { _ = ResultWriter.render(result, as: format) }
          } catch {
            #expect(error.range.end <= source.bytes.count, "\(text)")
          }
        case .success(.dotCommand):
          break
        }
      }
    }
  }

  @Test func mutatedPlanFilesAreReadOrRefusedWithALine() {
    var random = SeededGenerator(seed: 37)
    let valid = Array(PlanFile.csv(.embedded2021).utf8)
    let inserts: [[UInt8]] = [
      [0x22], [0x2C], [0x0A], [0x0D, 0x0A], [0xFF], [0x00], [0xEF, 0xBB, 0xBF], [0x3B],
    ]
    for _ in 0..<300 {
      var bytes = valid
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        if Bool.random(using: &random) {
          bytes.insert(contentsOf: inserts.randomElement(using: &random)!, at: at)
        } else {
          bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...20, using: &random)))
        }
      }
      do throws(PlanFileError) {
        let plan = try PlanFile.parse(bytes: bytes, format: .csv, path: "m.csv")
        #expect(plan.activities.count <= 60)
      } catch {
        #expect(error.line != nil || error.message.contains("empty"), "\(error.description)")
      }
    }
  }
}
