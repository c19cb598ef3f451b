import PlanModel
import Testing

@testable import QueryLanguage

/// Field names and plan column names are looked up by one rule: any case, `nar` for `när`.
struct FieldLookupTests {
  @Test(
    arguments: [
      ("när", "när"), ("NÄR", "när"), ("nar", "när"), ("Nar", "när"), ("VEM", "vem"), ("Prio", "prio"),
      ("inriktning", "inriktning"), ("kategori", "kategori"), ("Slut", "slut"), ("naer", nil), ("", nil),
    ] as [(String, String?)])
  func aNameFindsItsField(written: String, field: String?) {
    #expect(Field(named: written)?.name == field)
    #expect(PlanColumn.lookupKey(written) == (field ?? PlanColumn.lookupKey(written)))
  }

  @Test(arguments: PlanColumn.allCases)
  func everyColumnIsTheFieldOfItsName(column: PlanColumn) {
    for written in [column.name, column.name.uppercased()] {
      #expect(Field(named: written)?.name == column.name)
      #expect(PlanColumn.lookupKey(written) == column.name)
    }
  }
}
