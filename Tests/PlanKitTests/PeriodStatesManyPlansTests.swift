import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PlanGenerator

@Suite("Period states of many plans read at once", .temporaryFolders)
struct PeriodStatesManyPlansTests {
    /// A chooser lists each unit's years together, so the plans asked for take turns between
    /// the board's cascades of two years: each plan still gets its own year's.
    @Test("Plans of two years in turn: the same states as each plan read alone")
    func yearsInTurn() throws {
        let path = Fixture.temporaryDirectory().appendingPathComponent("district.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try store.generateDistrict(try DistrictGenerator(options: .init(units: 6, years: 2, seed: 3)), editsPerUnit: 2)
        let plans = try store.plans().map { PlanRef(unitID: $0.unit.id, year: $0.year) }
        #expect(Set(plans.map(\.year)).count == 2)
        let inTurn = plans.sorted { ($0.unitID, $0.year) < ($1.unitID, $1.year) }
        let together = try store.periodStates(inTurn)
        #expect(together.count == plans.count)
        for plan in inTurn {
            #expect(together[plan] == (try store.periodStates([plan]))[plan], "\(plan)")
        }
    }
}
