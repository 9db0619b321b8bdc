import Testing
import Foundation
@testable import PlanKit
import PlanKitTestSupport

/// KF's activities and indicators are mostly other boards' tasks: next year's plan follows up
/// those the unit followed up last year, as it does the board's, and no others.
@Suite("Next year's plan and KF's activities and indicators")
struct YearStartCouncilItemsTests {
    @Test("Only KF's items followed up last year are followed up in next year's plan; the rest wait to be taken up with f")
    func councilItemsAsLastYear() throws {
        let store = try Fixture.store()
        let old = try store.loadPlan(Fixture.plan)
        try store.importRecords(try NextYearCascade.make(from: store), name: "nämnden 2022")
        try store.startYear(unit: "resursenheten", year: 2022)
        let plan = try store.loadPlan(PlanRef(unitID: "resursenheten", year: 2022))
        func followed(_ document: PlanDocument) -> [String] {
            document.items.values.filter { $0.author == .council && $0.kind != .goal && !document.notFollowedUp.contains($0.id) }
                .map { "\($0.kind.rawValue):\($0.title)" }.sorted()
        }
        #expect(!followed(old).isEmpty)
        #expect(followed(plan) == followed(old))
        // The others are in the plan, to be taken up.
        let waiting = try #require(plan.items.values.first { $0.author == .council && $0.kind == .activity && plan.notFollowedUp.contains($0.id) })
        let ref = PlanRef(unitID: "resursenheten", year: 2022)
        try store.setFollowedUp(true, item: waiting.id, in: ref)
        #expect(!(try store.loadPlan(ref).notFollowedUp.contains(waiting.id)))
    }
}
