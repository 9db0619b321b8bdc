import Foundation
import Testing
@testable import PlanKit

@Suite("Samples survive a JSON round trip with nothing lost")
struct RoundTripTests {
    @Test("Export, import into an empty database, export again: the same")
    func exportImportExport() throws {
        let store = try Fixture.store()
        let exported = try store.exportJSON(Fixture.plan)
        let fresh = try PlanStore(inMemoryWithLogin: "anna")
        try fresh.importData(exported, name: "export.json")
        #expect(try fresh.exportJSON(Fixture.plan) == exported)
    }

    @Test("Everything in the sample files comes back out")
    func nothingLost() throws {
        let exported = try JSONDecoder().decode(InterchangeFile.self, from: try Fixture.store().exportJSON(Fixture.plan))
        // The samples leave out each indicator's consolidation, which means the default the export writes out.
        let cascadeFile = try JSONDecoder().decode(InterchangeFile.self, from: try Fixture.sampleData("hagersten-alvsjo-2021.json"))
            .withDefaultConsolidation()
        let planFile = try JSONDecoder().decode(InterchangeFile.self, from: try Fixture.sampleData("resursenheten-2021.json"))
            .withDefaultConsolidation()

        // Compared as booleans: a failing comparison of these large values would print megabytes.
        let sameCascade = exported.cascades == cascadeFile.cascades
        #expect(sameCascade)
        let exportedPlan = try #require(exported.plans?.first)
        let samplePlan = try #require(planFile.plans?.first)
        #expect(Set(exportedPlan.inherits ?? []) == Set(samplePlan.inherits ?? []).union(samplePlan.goals?.compactMap(\.parent) ?? []))
        #expect(exportedPlan.notFollowedUp == samplePlan.notFollowedUp)
        let sameGoals = exportedPlan.goals == samplePlan.goals
        #expect(sameGoals)
        #expect(Set(exportedPlan.followUps?.map(FollowUpKey.init) ?? []) == Set(samplePlan.followUps?.map(FollowUpKey.init) ?? []))
        // An empty text and no text are the same.
        let normalized = { (sections: [SectionRecord]?) in
            (sections ?? []).map { section -> SectionRecord in
                var section = section
                if section.text == "" { section.text = nil }
                return section
            }
        }
        let sameSections = normalized(exportedPlan.sections) == normalized(samplePlan.sections)
        #expect(sameSections)
        let names = Set((cascadeFile.organisations ?? []) + (planFile.organisations ?? []))
        #expect(Set(exported.organisations ?? []) == names)
    }

    @Test("The samples hold the whole cascade of the board's plan")
    func sampleCounts() throws {
        let summary = try BundledSamples.load(into: try PlanStore(inMemoryWithLogin: "anna"))
        // Counted in the board's plan: 3 KF:s inriktningsmål, 12 KF:s mål för verksamhetsområdet,
        // 17 nämndmål; the unit adds 5 enhetsmål.
        #expect(summary.goals == 3 + 12 + 17 + 5)
        #expect(summary.indicators == 75)
        #expect(summary.activities == 55 + 101 + 2)
        #expect(summary.followUps == 12)
    }
}

/// A follow-up compared field by field, with "none" and a missing rating the same.
private struct FollowUpKey: Hashable {
    var item: String
    var period: ReportPeriod
    var rating: Rating?
    var status: ActivityStatus?
    var outcome: Decimal?
    var analysis: String

    init(_ record: FollowUpRecord) {
        item = record.item
        period = record.period
        rating = record.rating?.rating
        status = record.status
        outcome = record.outcome
        analysis = record.analysis ?? ""
    }
}


extension InterchangeFile {
    /// The file with every indicator's missing consolidation set to its measure unit's default.
    func withDefaultConsolidation() -> InterchangeFile {
        func fill(_ goal: GoalRecord) -> GoalRecord {
            var goal = goal
            goal.indicators = goal.indicators?.map { indicator in
                var indicator = indicator
                indicator.consolidation = indicator.consolidation ?? Consolidation.defaultFor(measureUnit: indicator.measureUnit)
                return indicator
            }
            goal.children = goal.children?.map(fill)
            return goal
        }
        var file = self
        file.cascades = cascades?.map { cascade in
            var cascade = cascade
            cascade.goals = cascade.goals.map(fill)
            return cascade
        }
        file.plans = plans?.map { plan in
            var plan = plan
            plan.goals = plan.goals?.map(fill)
            return plan
        }
        return file
    }
}
