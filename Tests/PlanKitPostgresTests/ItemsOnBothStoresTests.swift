import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Adding and deleting the unit's own activities, with their log entries, undo and redo and
/// refusals, on the SQLite file and on PostgreSQL alike.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct ItemsOnBothStoresTests {
    func open(_ district: TwoUnitDistrict, _ login: String) throws -> any FieldSaving {
        try district.open(login)
    }

    @Test(arguments: Backend.allCases)
    func anAddedActivityIsLoggedUndoneAndRedone(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let id = try anna.addActivity(title: "Föräldramöte i maj", under: district.ownGoal, in: district.a)
        #expect(id.hasPrefix(district.ownGoal + "-a"))
        let record = FieldRef.itemRecord(item: id)
        guard case .record(let snapshot)? = try anna.value(of: record, in: district.a).value else {
            Issue.record("no activity \(id) after adding it")
            return
        }
        #expect(snapshot.rows.map(\.parent) == [district.ownGoal])
        #expect(snapshot.rows.first?.texts[TextField.title.rawValue] == "Föräldramöte i maj")
        #expect(snapshot.rows.first?.start == "\(district.a.year)-01-01")
        let entry = try #require(try district.log(anna).last)
        #expect(entry.field == record)
        #expect(entry.oldValue == nil)
        #expect(entry.newValue == .record(snapshot))

        #expect(try anna.undo(in: district.a) == record)
        #expect(try anna.value(of: record, in: district.a).value == nil)
        #expect(try anna.redo(in: district.a) == record)
        #expect(try anna.value(of: record, in: district.a).value == .record(snapshot))
    }

    @Test(arguments: Backend.allCases)
    func anAddedUnitGoalIsLoggedAndUndone(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let boardGoal = try #require(try PlanStore(path: district.sqlitePath, login: "generator").loadPlan(district.a).walk()
            .first { $0.level == .boardGoal }?.id)
        let id = try anna.addUnitGoal(title: "Alla barn rör sig varje dag", under: boardGoal, in: district.a)
        let record = FieldRef.itemRecord(item: id)
        guard case .record(let snapshot)? = try anna.value(of: record, in: district.a).value else {
            Issue.record("no goal \(id) after adding it")
            return
        }
        #expect(snapshot.rows.first?.parent == boardGoal)
        #expect(snapshot.rows.first?.level == .unitGoal)
        #expect(snapshot.rows.first?.texts[TextField.title.rawValue] == "Alla barn rör sig varje dag")
        #expect(try district.log(anna).last?.newValue == .record(snapshot))
        try anna.undo(in: district.a)
        #expect(try anna.value(of: record, in: district.a).value == nil)
        #expect(throws: PlanError.unknownItem(district.ownGoal)) {
            try anna.addUnitGoal(title: "x", under: district.ownGoal, in: district.a)
        }
    }

    @Test(arguments: Backend.allCases)
    func aDeletedActivityTakesItsFollowUpsAndUndoPutsThemBack(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let record = FieldRef.itemRecord(item: district.ownActivity)
        let status = FieldRef.status(item: district.ownActivity, period: district.openPeriod)
        try anna.set(status, to: .status(.deviation), in: district.a, expectedRevision: nil)
        let before = try anna.value(of: record, in: district.a).value
        #expect(before != nil)

        try anna.deleteItem(district.ownActivity, in: district.a)
        #expect(try anna.value(of: record, in: district.a).value == nil)
        #expect(try anna.value(of: status, in: district.a).value == nil)
        let entry = try #require(try district.log(anna).last)
        #expect(entry.field == record)
        #expect(entry.oldValue == before)
        #expect(entry.newValue == nil)

        try anna.undo(in: district.a)
        #expect(try anna.value(of: record, in: district.a).value == before)
        #expect(try anna.value(of: status, in: district.a).value == .status(.deviation))
    }

    @Test(arguments: Backend.allCases)
    func whatTheRulesRefuseChangesNothing(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        #expect(throws: PlanError.inherited(itemID: district.inheritedGoal, author: district.inheritedGoalAuthor)) {
            try anna.addActivity(title: "x", under: district.inheritedGoal, in: district.a)
        }
        #expect(throws: PlanError.unknownItem("finns-inte")) { try anna.addActivity(title: "x", under: "finns-inte", in: district.a) }
        #expect(throws: PlanError.self) { try anna.deleteItem(district.inheritedGoal, in: district.a) }
        #expect(throws: PlanError.unknownItem("finns-inte")) { try anna.deleteItem("finns-inte", in: district.a) }
        #expect(try district.log(anna).isEmpty)
    }

    /// On the server, a login may not add to a unit it was not granted, and is told so.
    @Test func anotherUnitsPlanIsRefusedOnTheServer() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try open(district, "anna")
        let goalOfB = try district.ownGoal(of: district.b)
        #expect(throws: PostgresCommandError.self) { try anna.addActivity(title: "x", under: goalOfB, in: district.b) }
        #expect(throws: PostgresCommandError.self) { try anna.deleteItem(goalOfB, in: district.b) }
        let owner = try district.open("planowner_view", granted: [district.b.unitID])
        #expect(try owner.value(of: .itemRecord(item: goalOfB), in: district.b).value != nil)
    }
}
