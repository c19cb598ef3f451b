import Testing

@testable import QueryLanguage

/// A sort by one key of numbers or intervals runs on integers, by counting when their values are few:
/// each path must give the order the general comparison gives, missing values last and ties in position
/// order, ascending and descending.
struct SortPathTests {
  /// The order `precedes` gives: the reference.
  static func reference(_ keys: [RowArranger.Key], descending: Bool) -> [Int] {
    keys.indices.sorted { a, b in
      let (x, y) = (keys[a], keys[b])
      if x == y { return a < b }
      if case .missing = x { return false }
      if case .missing = y { return true }
      return descending ? y < x : x < y
    }
  }

  static func keys(_ count: Int, spread: Int, seed: UInt64) -> [RowArranger.Key] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let n = Int(state >> 33) % spread - spread / 3
      return n % 7 == 0 ? .missing : .number(n)
    }
  }

  @Test(arguments: [(50, 5), (2_000, 40), (2_000, 100_000), (300, 1 << 40)])
  func numbersSortAsTheComparisonDoes(count: Int, spread: Int) throws {
    for descending in [false, true] {
      let keys = Self.keys(count, spread: spread, seed: UInt64(count * spread))
      let items = try #require(RowArranger.sortItems(keys, descending: descending))
      let general = items.sorted { ($0.missing, $0.value, $0.index) < ($1.missing, $1.value, $1.index) }
      #expect(general.map { Int($0.index) } == Self.reference(keys, descending: descending))
      if let counted = RowArranger.countingSort(items) {
        #expect(counted.map(Int.init) == Self.reference(keys, descending: descending))
      } else {
        #expect(spread > count, "values spanning no more than their number are counted")
      }
    }
  }

  @Test func intervalsSortByStartThenEnd() throws {
    let keys: [RowArranger.Key] = [
      .interval(10, 20), .missing, .interval(-5, 3), .interval(10, 12), .interval(10, 20),
    ]
    for descending in [false, true] {
      let items = try #require(RowArranger.sortItems(keys, descending: descending))
      let sorted = items.sorted { ($0.missing, $0.value, $0.index) < ($1.missing, $1.value, $1.index) }
      #expect(sorted.map { Int($0.index) } == Self.reference(keys, descending: descending))
    }
    #expect(RowArranger.sortItems([.text([1, 2])], descending: false) == nil)
  }

  @Test func textsRankByTheirBytes() {
    let composed = "Pågår"
    let same = String(decoding: Array(composed.utf8), as: UTF8.self)
    #expect(RowArranger.Bytes(composed) == RowArranger.Bytes(same))
    #expect(RowArranger.Bytes(composed).hashValue == RowArranger.Bytes(same).hashValue)
    #expect(RowArranger.Bytes("Pågår") != RowArranger.Bytes("Pågå"))
  }
}
