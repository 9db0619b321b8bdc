import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// An outcome is stored as its number; it is shown in the unit of its indicator, which is the
/// indicator's own unit or, where it has none, the unit its årsmål is written in.
@Suite("Outcomes in their indicator's unit", .temporaryFolders)
struct OutcomeUnitTests {
    @Test("The unit is the indicator's own, else its target's; a bare number or a text target has none")
    func unitOfTheIndicator() {
        let byTarget = IndicatorSpec(target: "95 %", periodicity: .year, direction: .higherIsBetter)
        #expect(byTarget.outcomeUnit == "%")
        #expect(byTarget.outcomeText(95) == "95 %")
        #expect(byTarget.outcomeText(Decimal(string: "85.5")!) == "85,5 %")
        let own = IndicatorSpec(measureUnit: "GWh", target: "1 945", periodicity: .year, direction: .lowerIsBetter)
        #expect(own.outcomeText(1812) == SwedishNumber.format(1812) + " GWh")
        let blank = IndicatorSpec(measureUnit: "  ", target: "16 st", periodicity: .year, direction: .lowerIsBetter)
        #expect(blank.outcomeUnit == "st")
        #expect(IndicatorSpec(target: "3,6", periodicity: .year, direction: .higherIsBetter).outcomeText(Decimal(string: "3.7")!) == "3,7")
        #expect(IndicatorSpec(target: "öka", periodicity: .year, direction: .higherIsBetter).outcomeUnit == nil)
        #expect(IndicatorSpec(target: "Tas fram av nämnd", periodicity: .year, direction: .higherIsBetter).outcomeUnit == nil)
    }

}

/// On the SQLite file and on PostgreSQL alike.
@Suite("Outcomes in their indicator's unit, stored", .throwawayPostgres, .temporaryFolders)
struct OutcomeUnitStoreTests {
    @Test("\"95\" and \"95 %\" typed for a target of 95 % store the same number, which the report shows as 95 %",
          arguments: Backend.allCases)
    func storedAsNumberShownWithUnit(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let id = try store.addIndicator(name: "Andel nöjda besökare", under: "re-2021-em-01", target: "95 %", targetKind: .number,
                                        measureUnit: nil, periodicity: .year, direction: .higherIsBetter, in: Fixture.plan)
        var plan = try store.loadPlan(Fixture.plan)
        #expect(plan.items[id]?.indicator?.measureUnit == nil)
        #expect(try OutcomeInput.parse("95", for: plan.items[id]?.indicator) == OutcomeInput.parse("95 %", for: plan.items[id]?.indicator))

        try store.setOutcome(typed: "92", indicator: id, period: .vb, in: Fixture.plan)
        plan = try store.loadPlan(Fixture.plan)
        #expect(plan.followUp(id, .vb).outcome == 92)
        let markdown = MarkdownRenderer.render(ReportBuilder(plan: plan, period: .vb).build())
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("Andel nöjda besökare") && $0.hasPrefix("|") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells.count >= 3 && cells[1] == "92 %" && cells[2] == "95 %", "\(row)")
        let text = TextRenderer.render(ReportBuilder(plan: plan, period: .vb).build())
        #expect(text.contains("92 %"))

        // Typed with the unit, the same number is stored.
        try store.setOutcome(typed: "93 %", indicator: id, period: .vb, in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(id, .vb).outcome == 93)
    }
}
