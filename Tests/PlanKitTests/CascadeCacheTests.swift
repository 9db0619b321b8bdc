import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PlanGenerator

@Suite("A board's cascade kept between plans, and dropped when anyone changes the database", .temporaryFolders)
struct CascadeCacheTests {
    /// A small generated district in a file, and the plans of its first year.
    private func district() throws -> (PlanStore, String, [PlanRef]) {
        let path = Fixture.temporaryDirectory().appendingPathComponent("district.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try store.generateDistrict(try DistrictGenerator(options: .init(units: 4, years: 1, seed: 3)), editsPerUnit: 2)
        let refs = try store.plans().map { PlanRef(unitID: $0.unit.id, year: $0.year) }
        return (store, path, refs)
    }

    @Test("Plans and exports read through the kept cascade are those a fresh store reads")
    func keptCascadeReadsTheSame() throws {
        let (store, path, refs) = try district()
        #expect(refs.count == 4)
        // Twice round: the first reads fill the cascade, the second use it.
        for _ in 0..<2 {
            for ref in refs {
                let fresh = try PlanStore(path: path, login: "anna", readOnly: true)
                #expect(try store.exportJSON(ref) == fresh.exportJSON(ref))
                #expect(try store.loadPlan(ref).items == fresh.loadPlan(ref).items)
            }
        }
    }

    @Test("Another session's change of the cascade, and this store's own, are read at once")
    func changesAreSeen() throws {
        let (store, path, refs) = try district()
        let goal = try #require(try store.loadPlan(refs[0]).items.values.first { $0.level == .boardGoal })
        for ref in refs { _ = try store.loadPlan(ref); _ = try store.exportJSON(ref) }

        // Another connection changes the board's text of a goal the first plan shows.
        try PlanStore.executeForTesting(path: path, sql: "UPDATE item SET title = 'Ny lydelse från nämnden' WHERE id = '\(goal.id)'")
        #expect(try store.loadPlan(refs[0]).items[goal.id]?.title == "Ny lydelse från nämnden")
        for ref in refs {
            #expect(try store.loadPlan(ref).items[goal.id].map { $0.title == "Ny lydelse från nämnden" } ?? true)
            #expect(String(decoding: try store.exportJSON(ref), as: UTF8.self).contains("Ny lydelse från nämnden"))
        }

        // This store imports a revision of the same goal for the VB.
        var file = try store.exportInterchange(refs[0])
        file.plans = nil
        file.organisations = nil
        func revise(_ goals: inout [GoalRecord]) {
            for index in goals.indices {
                if goals[index].id == goal.id { goals[index].revisions = [TextRevisionRecord(period: .vb, title: "Reviderad lydelse")] }
                if var children = goals[index].children {
                    revise(&children)
                    goals[index].children = children
                }
            }
        }
        revise(&file.cascades![0].goals)
        try store.importData(try Fixture.encode(file), name: "revision.json")
        #expect(try store.loadPlan(refs[0]).items[goal.id]?.title(in: .vb) == "Reviderad lydelse")
        for ref in refs {
            #expect(try store.loadPlan(ref).items[goal.id].map { $0.title(in: .vb) == "Reviderad lydelse" } ?? true)
        }
    }
}
