import Testing
@testable import PlanKit

@Suite("How the board consolidates an indicator")
struct ConsolidationTests {
    @Test("A share is averaged, a count or amount added, days shown as a range")
    func defaults() {
        #expect(Consolidation.defaultFor(measureUnit: "%") == .mean)
        #expect(Consolidation.defaultFor(measureUnit: "procent") == .mean)
        #expect(Consolidation.defaultFor(measureUnit: "st") == .sum)
        #expect(Consolidation.defaultFor(measureUnit: " kr ") == .sum)
        #expect(Consolidation.defaultFor(measureUnit: "dagar") == .range)
        #expect(Consolidation.defaultFor(measureUnit: nil) == .mean)
        #expect(Consolidation.defaultFor(measureUnit: "gram per portion") == .mean)
    }

    @Test("Sum, mean and range of the outcomes; nothing when no unit has one")
    func summaries() {
        #expect(Consolidation.sum.summarise([1, 2, 3.5]) == .single(6.5))
        #expect(Consolidation.mean.summarise([80, 90]) == .single(85))
        #expect(Consolidation.range.summarise([12, 3, 7]) == .range(min: 3, max: 12))
        #expect(Consolidation.mean.summarise([]) == nil)
    }

    @Test("A stored consolidation is read back; without one, the default for the measure unit")
    func storedValue() throws {
        let store = try PlanStore(inMemoryWithLogin: "test")
        _ = try BundledSamples.load(into: store)
        let scope = try store.boardScope(board: "hagersten-alvsjo", department: nil)
        let before = try store.boardPlans(scope, year: 2021).consolidation
        #expect(!before.isEmpty)
        try store.executeForTesting("UPDATE item SET consolidation = 'sum' WHERE kind = 'indicator'")
        #expect(try store.boardPlans(scope, year: 2021).consolidation.values.allSatisfy { $0 == .sum })
        try store.executeForTesting("UPDATE item SET consolidation = NULL WHERE kind = 'indicator'")
        #expect(try store.boardPlans(scope, year: 2021).consolidation == before)
    }
}
