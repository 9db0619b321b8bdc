import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// A new version of the board's plan that no longer has some of the stored items: they are listed,
/// kept without --replace, removed with it in the same transaction as the import.
@Suite("import-text of a new version of the board's plan: items it no longer has")
struct TextImportVanishedTests {
    private func flatten(_ goals: [GoalRecord]) -> [GoalRecord] { goals.flatMap { [$0] + flatten($0.children ?? []) } }

    private func storedIDs(_ store: PlanStore) throws -> Set<String> {
        let cascade = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        return Set(flatten(cascade.goals).flatMap { goal in
            [goal.id] + (goal.indicators ?? []).map(\.id) + (goal.activities ?? []).map(\.id)
        })
    }

    /// The board's seed as read, without the goal `goalID` and without the last activity of `activityOf`.
    private func newVersion(without goalID: String, lastActivityOf activityOf: String? = nil) throws -> TextImportResult {
        var result = try TextSeeds.board.get()
        func edit(_ goals: [GoalRecord]) -> [GoalRecord] {
            goals.filter { $0.id != goalID }.map { goal in
                var goal = goal
                if goal.id == activityOf { goal.activities?.removeLast() }
                goal.children = goal.children.map(edit)
                return goal
            }
        }
        let goals = edit(result.file.cascades?[0].goals ?? [])
        result.file.cascades?[0].goals = goals
        return result
    }

    @Test("Vanished items are listed, kept without --replace, and removed with it")
    func listedKeptRemoved() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        let board = try TextSeeds.board.get()
        try store.importText(board, name: "vp.txt")
        #expect(try store.vanishedItems(board) == [])
        let before = try storedIDs(store)
        // ha-2021-nm-01 has 8 activities (counted in the seed); ha-2021-nm-17 is the last nämndmål.
        let result = try newVersion(without: "ha-2021-nm-17", lastActivityOf: "ha-2021-nm-01")
        let vanished = try store.vanishedItems(result)
        #expect(vanished.map(\.id) == ["ha-2021-nm-01-a08", "ha-2021-nm-17"])
        #expect(vanished.map(\.kind) == [.activity, .goal])
        #expect(vanished.allSatisfy { $0.units.isEmpty })
        #expect(vanished[1].description.hasPrefix("ha-2021-nm-17: målet ”"))

        try store.importText(result, name: "vp-ny.txt")
        #expect(try storedIDs(store) == before)

        try store.importText(result, name: "vp-ny.txt", replace: true)
        let after = try storedIDs(store)
        let gone = before.subtracting(after)
        #expect(after.isSubset(of: before))
        #expect(gone.contains("ha-2021-nm-01-a08") && gone.contains("ha-2021-nm-17"))
        #expect(gone.allSatisfy { $0 == "ha-2021-nm-01-a08" || $0.hasPrefix("ha-2021-nm-17") })
        let cascade = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        #expect(CascadeComparison.differences(cascade.goals, result.file.cascades?.first?.goals ?? []) == [])
    }

    /// In the samples Resursenheten's enhetsmål re-2021-em-01 stands under ha-2021-nm-03, and the
    /// unit follows up two of nm-03's activities (a04, a05).
    @Test("A vanished item a unit follows up names the unit; --replace removes the unit's items under it too")
    func unitsNamed() throws {
        let store = try SampleStore.make()
        let result = try newVersion(without: "ha-2021-nm-03")
        let vanished = try store.vanishedItems(result)
        #expect(vanished.map(\.id) == ["ha-2021-nm-03"])
        #expect(vanished.first?.units == ["Resursenheten"])
        #expect(vanished.first?.description.contains("enheterna Resursenheten") == true)

        try store.importText(result, name: "vp-ny.txt")
        let kept = try #require(try store.exportInterchange(SampleStore.plan).plans?.first)
        #expect(kept.goals?.contains { $0.id == "re-2021-em-01" } == true)

        try store.importText(result, name: "vp-ny.txt", replace: true)
        let plan = try #require(try store.exportInterchange(SampleStore.plan).plans?.first)
        #expect(plan.goals?.contains { $0.id == "re-2021-em-01" } == false)
        #expect(plan.goals?.map(\.id) == ["re-2021-em-02", "re-2021-em-03", "re-2021-em-04", "re-2021-em-05"])
        #expect(plan.inherits?.contains { $0.hasPrefix("ha-2021-nm-03") } == false)
        #expect(plan.followUps?.contains { $0.item.hasPrefix("ha-2021-nm-03") || $0.item.hasPrefix("re-2021-em-01") } == false)
        #expect(plan.followUps?.contains { $0.item == "re-2021-em-02" } == true)
    }

    @Test("The removal and the import are one transaction: when the import fails, nothing is removed")
    func oneTransaction() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importText(try TextSeeds.board.get(), name: "vp.txt")
        let before = try storedIDs(store)
        var broken = try newVersion(without: "ha-2021-nm-17").file
        // A unit under a board the database does not have: the importer refuses the file.
        broken.organisations = [OrganisationRecord(id: "okand-enhet", kind: .unit, name: "Okänd", parent: "finns-inte")]
        #expect(throws: (any Error).self) {
            try store.importRecords(broken, name: "trasig.json", removing: ["ha-2021-nm-17"])
        }
        #expect(try storedIDs(store) == before)
    }
}
