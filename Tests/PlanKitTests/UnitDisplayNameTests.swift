import Testing
@testable import PlanKit
import PlanKitTestSupport

/// A unit is named to a person in one way everywhere: by its name, or by its id where it has none.
@Suite("A unit's name as people read it")
struct UnitDisplayNameTests {
    private let scopeBoard = "hagersten-alvsjo"

    /// The board's table made all three ways: names only, from the period's rows, and walking each plan.
    private func boardTables(_ store: PlanStore) throws -> [BoardStatus] {
        let scope = try store.boardScope(board: scopeBoard, department: nil)
        return [try store.boardNames(scope, year: 2021, period: .vb),
                try store.boardStatus(scope, year: 2021, period: .vb),
                BoardStatus(try store.boardPlans(scope, year: 2021, period: .vb), period: .vb)]
    }

    @Test("The name, or the id where the name is empty")
    func displayName() {
        #expect(Organisation(id: "resursenheten", kind: .unit, name: "Resursenheten").displayName == "Resursenheten")
        #expect(Organisation(id: "resursenheten", kind: .unit, name: "").displayName == "resursenheten")
    }

    @Test("A unit without a name stands in the board's table, and in errors, by its id")
    func namelessUnit() throws {
        let store = try Fixture.store()
        try store.executeForTesting("UPDATE organisation SET name = '' WHERE id = 'resursenheten'")
        for table in try boardTables(store) {
            #expect(table.lines.first { $0.unitID == "resursenheten" }?.unit == "resursenheten")
        }
        #expect(store.namingUnits(in: PlanError.noPlan(unit: "resursenheten", year: 2031)) as? PlanError
            == .noPlan(unit: "resursenheten", year: 2031))
    }

    @Test("A plan under a board the database does not hold is an error naming the unit by its name, in every way of making the table")
    func unknownBoardNamesTheUnit() throws {
        let store = try Fixture.store()
        try store.executeForTesting("""
            PRAGMA foreign_keys = OFF;
            UPDATE plan SET board_id = 'finns-inte' WHERE unit_id = 'resursenheten' AND year = 2021;
            PRAGMA foreign_keys = ON;
            """)
        for table in try boardTables(store).dropFirst() {
            #expect(table.lines.first { $0.unitID == "resursenheten" }?.error == "Enheten Resursenheten har ingen plan för 2021.")
        }
    }
}
