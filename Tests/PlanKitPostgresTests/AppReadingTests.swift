import Foundation
import GRDB
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// What the app reads of PostgreSQL, and when: the list of plans at start, a plan when it is
/// opened, a board when its table is, the chooser's period states from the server's rows
/// without keeping them, and the plans others change reported for the chooser.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct AppReadingTests {
    /// The owner's copy as the app opens it, its server, and everything read the old way beside.
    static func opened(_ district: TwoUnitDistrict, login: String = ThrowawayCluster.owner)
        throws -> (server: PostgresPlanServer, copy: PlanStore, everything: PlanStore) {
        let address = try #require(district.cluster).address(database: try #require(district.database), login: login)
        let copy = try PostgresSnapshot.chooser(address).store
        return (try PostgresPlanServer(address: address, store: copy), copy, try PostgresSnapshot.everything(address).store)
    }

    static func rows(_ table: String, of plan: PlanRef, in store: PlanStore) throws -> Int {
        try store.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE unit_id = ? AND year = ?", arguments: [plan.unitID, plan.year]) ?? 0
        }
    }

    static func report(_ plan: PlanRef, _ store: PlanStore) throws -> [String] {
        let document = try store.loadPlan(plan)
        return document.periods.sorted().map { MarkdownRenderer.render(ReportBuilder(plan: document, period: $0).build()) }
    }

    @Test func aPlanIsReadWhenItIsOpened() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy, everything) = try Self.opened(district)
        #expect(try copy.plans() == everything.plans())
        #expect(try copy.cascadeYears() == everything.cascadeYears())
        #expect(try Self.rows("follow_up", of: district.a, in: copy) == 0)
        #expect(try Self.rows("follow_up", of: district.a, in: everything) > 0)

        try server.bringIn(district.a)
        #expect(try Self.report(district.a, copy) == Self.report(district.a, everything))
        #expect(try copy.history(district.a).count == everything.history(district.a).count)
        #expect(try Self.rows("follow_up", of: district.b, in: copy) == 0)
    }

    /// Once a plan the login may change is open, the connection prepares the commonest saves
    /// in the background, and the first save then prepares nothing.
    @Test func openingAWritablePlanPreparesTheCommonSaves() throws {
        let district = try TwoUnitDistrict(.postgresql)
        _ = try district.open("anna")
        let (server, _, _) = try Self.opened(district, login: "anna")
        let prepared = { try server.change(district.a) { saving in
            try (saving as! PostgresPlanCommands).link.run("SELECT count(*) FROM pg_prepared_statements").single
        } }
        #expect(try prepared() == .integer(0))
        try server.bringIn(district.a)
        let all = PostgresValue.integer(Int64(PostgresPlanCommands.commonSaves.count * 2))
        try PlanServerTests.waitUntil { try prepared() == all }
        let field = FieldRef.rating(item: district.ownGoal, period: district.openPeriod)
        try server.change(district.a) { try $0.set(field, to: .rating(.fully), in: district.a, expectedRevision: nil) }
        #expect(try prepared() == all)
    }

    @Test func periodStatesComeFromTheServerAndLeaveTheCopyAsItWas() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy, everything) = try Self.opened(district)
        try server.bringIn(district.a)
        let plans = try everything.plans().map { PlanRef(unitID: $0.unit.id, year: $0.year) }
        let states = try server.periodStates(plans)
        #expect(states.count == plans.count)
        #expect(states == (try everything.periodStates(plans)))
        #expect(states[district.a]?[district.handedInPeriod] == .submitted)
        // B's rows stood in the copy only while its states were worked out; A's are as they were.
        #expect(try Self.rows("follow_up", of: district.b, in: copy) == 0)
        #expect(try Self.rows("follow_up", of: district.a, in: copy) == Self.rows("follow_up", of: district.a, in: everything))
        #expect(try Self.report(district.a, copy) == Self.report(district.a, everything))
    }

    @Test func aBoardIsReadWhenItsTableIsOpened() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy, everything) = try Self.opened(district)
        let board = try everything.loadPlan(district.b).board.id
        let scope = try everything.boardScope(board: board, department: nil)
        try server.bringIn(board: board, year: district.b.year)
        #expect(try copy.boardStatus(scope, year: district.b.year, period: district.openPeriod)
                == everything.boardStatus(scope, year: district.b.year, period: district.openPeriod))
        // Read again, it is the same, not twice.
        try server.bringIn(board: board, year: district.b.year)
        #expect(try Self.rows("follow_up", of: district.b, in: copy) == Self.rows("follow_up", of: district.b, in: everything))
    }

    /// Another session's change of a plan reaches the chooser's list only while the chooser is
    /// shown (or once it is shown again); the plan opened before is read again when next opened.
    @Test func othersChangesAreReportedForTheChooser() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy, _) = try Self.opened(district)
        try server.bringIn(district.a)
        let cecilia = try district.open("cecilia")
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)

        try cecilia.set(field, to: .text("Ändrad medan valet var borta"), in: district.a, expectedRevision: nil)
        // Not shown: nothing is read for the list, however long it waits.
        try PlanServerTests.waitUntil { server.reading.with { $0.heard.contains(district.a) } }
        #expect(server.takeChangedPlans() == nil)
        server.showChooser(true)
        var changed: ChangedPlans?
        try PlanServerTests.waitUntil {
            changed = server.takeChangedPlans()
            return changed != nil
        }
        #expect(changed == ChangedPlans(plans: [district.a], listChanged: false))

        // A held, not on the screen: read again when opened next.
        #expect(try copy.value(of: field, in: district.a).value != .text("Ändrad medan valet var borta"))
        try server.bringIn(district.a)
        #expect(try copy.value(of: field, in: district.a).value == .text("Ändrad medan valet var borta"))

        // While shown, a change comes by itself.
        try cecilia.set(field, to: .text("Ändrad medan valet visas"), in: district.a, expectedRevision: nil)
        try PlanServerTests.waitUntil {
            changed = server.takeChangedPlans()
            return changed != nil
        }
        #expect(changed?.plans == [district.a])
    }
}
