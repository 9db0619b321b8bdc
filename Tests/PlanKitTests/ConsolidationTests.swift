import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

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

    @Test("The interchange file carries each indicator's consolidation, and a chosen one survives export and import")
    func interchangeRoundTrip() throws {
        var file = Fixture.tinyFile()
        let boardIndicator = "tb-2030-nm-01-i01", ownIndicator = "tu-2030-em-01-i01"
        file.cascades![0].goals[0].children![0].children![0].indicators![0].consolidation = .range
        file.plans![0].goals![0].indicators![0].consolidation = .sum
        let store = try PlanStore(inMemoryWithLogin: "test")
        try store.importRecords(file, name: "tiny.json")

        let exported = try JSONDecoder().decode(InterchangeFile.self, from: try store.exportJSON(Fixture.tinyPlan))
        let indicators = Self.indicators(exported)
        #expect(indicators[boardIndicator] == .range)
        #expect(indicators[ownIndicator] == .sum)
        // The other board indicator (a share) was given none: the export writes out its default.
        #expect(indicators["tb-2030-nm-01-i02"] == .mean)
        let scope = try store.boardScope(board: "tb", department: nil)
        #expect(try store.boardPlans(scope, year: 2030).consolidation[boardIndicator] == .range)

        let fresh = try PlanStore(inMemoryWithLogin: "test")
        try fresh.importData(try store.exportJSON(Fixture.tinyPlan), name: "export.json")
        #expect(try fresh.exportJSON(Fixture.tinyPlan) == (try store.exportJSON(Fixture.tinyPlan)))
        #expect(try fresh.boardPlans(try fresh.boardScope(board: "tb", department: nil), year: 2030).consolidation[boardIndicator] == .range)
    }

    @Test("A file without consolidation imports with the default of each indicator's measure unit")
    func oldFileGetsDefault() throws {
        var file = Fixture.tinyFile()
        file.cascades![0].goals[0].children![0].children![0].indicators![0].measureUnit = "st"
        let data = try Fixture.encode(file)
        #expect(!String(decoding: data, as: UTF8.self).contains("consolidation"))
        let store = try PlanStore(inMemoryWithLogin: "test")
        try store.importData(data, name: "old.json")
        let consolidation = try store.boardPlans(try store.boardScope(board: "tb", department: nil), year: 2030).consolidation
        #expect(consolidation["tb-2030-nm-01-i01"] == .sum)
        #expect(consolidation["tb-2030-nm-01-i02"] == .mean)
    }

    @Test("An unknown consolidation is refused with the allowed values and where it stands")
    func unknownValueRefused() throws {
        let data = try Fixture.encode(Fixture.tinyFile())
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\"direction\" : \"higherIsBetter\"",
                                  with: "\"consolidation\" : \"median\", \"direction\" : \"higherIsBetter\"")
        #expect(text.contains("median"))
        let store = try PlanStore(inMemoryWithLogin: "test")
        let error = try #require(throws: ImportError.self) { try store.importData(Data(text.utf8), name: "bad.json") }
        let message = error.errorDescription ?? ""
        #expect(message.contains("median"))
        #expect(message.contains("sum, mean, range"))
        #expect(message.contains("consolidation"))
    }

    private static func indicators(_ file: InterchangeFile) -> [String: Consolidation] {
        var result: [String: Consolidation] = [:]
        func visit(_ goal: GoalRecord) {
            for indicator in goal.indicators ?? [] { result[indicator.id] = indicator.consolidation }
            goal.children?.forEach(visit)
        }
        file.cascades?.forEach { $0.goals.forEach(visit) }
        file.plans?.forEach { $0.goals?.forEach(visit) }
        return result
    }
}
