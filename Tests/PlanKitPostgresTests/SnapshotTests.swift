import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// Plans read from PostgreSQL into a read-only store in memory: what the login was granted,
/// nothing it was not, and no change taken. Serialized: roles are the cluster's.
@Suite(.throwawayPostgres, .serialized) struct SnapshotTests {
    @Test func unitWriterReadsItsPlanReadOnlyAndIsRefusedAnother() throws {
        let (cluster, database, owner) = try RowSecurityTests.districtDatabase()
        try PostgresRights.grant(AccessGrant(login: "sara", scope: .unit, target: "a", kind: .write), on: owner)
        let sara = try cluster.address(database: database, login: "sara")

        let (store, ref) = try PostgresSnapshot.plan(sara, unit: "Enhet A", year: 2025)
        #expect(ref == PlanRef(unitID: "a", year: 2025))
        #expect(store.isReadOnly)
        let plan = try store.loadPlan(ref)
        #expect(plan.followUp("m1", .vp).analysis == "A:s analys")
        // Only the plan asked for was read, and nothing of the other unit.
        #expect(try store.plans().map(\.unit.id) == ["a"])
        #expect(throws: StoreError.readOnly(path: ":memory:")) {
            try store.set(.analysis(item: "m1", period: .vp), to: .text("Ändrad"), in: ref)
        }
        // The server's rows are as they were.
        #expect(try cluster.psql(database: database, "SELECT analysis FROM follow_up WHERE unit_id = 'a'") == "A:s analys")

        let b = Organisation(id: "b", kind: .unit, name: "Enhet B", parentID: "avd")
        #expect(throws: SnapshotError.notPermitted(b)) { try PostgresSnapshot.plan(sara, unit: "b", year: 2025) }
        let board = Organisation(id: "nb", kind: .board, name: "Norra nämnden", parentID: nil)
        #expect(throws: SnapshotError.notPermitted(board)) {
            try PostgresSnapshot.board(sara, board: "nb", department: nil, year: 2025)
        }
        #expect(try PostgresSnapshot.everything(sara).readable == ["a"])
    }

    @Test func departmentReaderReadsEveryPlanBelowIt() throws {
        let (cluster, database, owner) = try RowSecurityTests.districtDatabase()
        try PostgresRights.grant(AccessGrant(login: "dan", scope: .department, target: "avd", kind: .read), on: owner)
        let dan = try cluster.address(database: database, login: "dan")
        let store = try PostgresSnapshot.board(dan, board: nil, department: "avd", year: 2025)
        #expect(try store.plans().map(\.unit.id) == ["a", "b"])
        #expect(try PostgresSnapshot.everything(dan).readable == ["avd", "a", "b"])
        // The owner is not bound by the policies: it reads everything.
        #expect(try PostgresSnapshot.everything(try cluster.address(database: database)).readable == nil)
    }
}
