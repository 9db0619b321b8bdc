import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// Rights enforced by PostgreSQL itself: a login reaches only the rows it was granted, whether
/// through vp-tui's connection or through psql. Serialized: roles are the cluster's, shared by
/// the tests' databases, and made as the tests go.
@Suite(.throwawayPostgres, .serialized) struct RowSecurityTests {
    /// A board with one department of two units, "a" and "b", each with a plan for 2025 and an
    /// analysis of the board's goal; returns the database and the owner's connection.
    static func districtDatabase() throws -> (ThrowawayCluster, String, PostgresLink) {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let owner = try PostgresDatabase.open(try cluster.address(database: database), install: true)
        try cluster.psql(database: database, """
            INSERT INTO organisation (id, kind, name, parent_id) VALUES
                ('nb', 'board', 'Norra nämnden', NULL), ('avd', 'department', 'Avdelningen', 'nb'),
                ('a', 'unit', 'Enhet A', 'avd'), ('b', 'unit', 'Enhet B', 'avd');
            INSERT INTO cascade VALUES ('nb', 2025);
            INSERT INTO item (id, kind, author, board_id, year, title) VALUES ('m1', 'goal', 'board', 'nb', 2025, 'Nämndmålet');
            INSERT INTO plan VALUES ('a', 2025, 'nb', 'vp'), ('b', 2025, 'nb', 'vp');
            INSERT INTO follow_up (unit_id, year, item_id, period, analysis) VALUES
                ('a', 2025, 'm1', 'vp', 'A:s analys'), ('b', 2025, 'm1', 'vp', 'B:s analys');
            """)
        return (cluster, database, owner)
    }

    @Test func unitWriterChangesItsUnitAndNothingOfAnother() throws {
        let (cluster, database, owner) = try Self.districtDatabase()
        let notices = try PostgresRights.grant(AccessGrant(login: "anna", scope: .unit, target: "a", kind: .write), on: owner)
        #expect(notices == [.roleCreated("anna")])

        let anna = try PostgresDatabase.open(try cluster.address(database: database, login: "anna"))
        #expect(try anna.run("UPDATE follow_up SET analysis = 'Ny analys' WHERE unit_id = 'a'").changed == 1)
        #expect(try anna.run("SELECT unit_id FROM follow_up").values == [[.text("a")]])
        // The board's goal, which her plan inherits, she reads but may not change.
        #expect(try anna.run("SELECT id FROM item").values == [[.text("m1")]])
        #expect(try anna.run("UPDATE item SET title = 'x'").changed == 0)

        // psql as anna: B's rows are not there to read, and her UPDATE and DELETE reach none of them.
        #expect(try cluster.psql(database: database, login: "anna", "SELECT count(*) FROM follow_up WHERE unit_id = 'b'") == "0")
        #expect(try cluster.psql(database: database, login: "anna", "SELECT count(*) FROM plan WHERE unit_id = 'b'") == "0")
        #expect(try cluster.psql(database: database, login: "anna", """
            WITH changed AS (UPDATE follow_up SET analysis = 'Kapad' WHERE unit_id = 'b' RETURNING 1) SELECT count(*) FROM changed
            """) == "0")
        #expect(try cluster.psql(database: database, login: "anna", """
            WITH gone AS (DELETE FROM follow_up WHERE unit_id = 'b' RETURNING 1) SELECT count(*) FROM gone
            """) == "0")
        #expect(throws: ClusterError.self) {
            try cluster.psql(database: database, login: "anna", """
                INSERT INTO section (unit_id, year, period, id, title, placement, position) VALUES ('b', 2025, 'vp', 's', 'x', 'end', 0)
                """)
        }
        // Nor can she give herself B.
        #expect(throws: ClusterError.self) {
            try cluster.psql(database: database, login: "anna", "INSERT INTO access_grant VALUES ('anna', 'unit', 'b', 'write')")
        }

        // As the owner: B's rows are as they were, A's carries her change.
        #expect(try cluster.psql(database: database, "SELECT unit_id || '=' || analysis FROM follow_up ORDER BY unit_id")
            == "a=Ny analys\nb=B:s analys")
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM section") == "0")
    }

    @Test func departmentReaderReadsEveryUnitAndChangesNone() throws {
        let (cluster, database, owner) = try Self.districtDatabase()
        _ = try PostgresRights.grant(AccessGrant(login: "berit", scope: .department, target: "avd", kind: .read), on: owner)
        let berit = try PostgresDatabase.open(try cluster.address(database: database, login: "berit"))
        #expect(try berit.run("SELECT unit_id FROM follow_up ORDER BY unit_id").values == [[.text("a")], [.text("b")]])
        #expect(try berit.run("UPDATE follow_up SET analysis = 'x'").changed == 0)
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM follow_up WHERE analysis = 'x'") == "0")
    }

    @Test func boardAdministratorChangesEveryUnit() throws {
        let (cluster, database, owner) = try Self.districtDatabase()
        _ = try PostgresRights.grant(AccessGrant(login: "cecilia", scope: .board, target: "nb", kind: .admin), on: owner)
        let cecilia = try PostgresDatabase.open(try cluster.address(database: database, login: "cecilia"))
        #expect(try cecilia.run("UPDATE follow_up SET analysis = 'Granskad'").changed == 2)
        #expect(try cecilia.run("UPDATE item SET title = 'Nytt nämndmål'").changed == 1)
    }

    @Test func revokingTakesTheRowsAway() throws {
        let (cluster, database, owner) = try Self.districtDatabase()
        let grant = AccessGrant(login: "david", scope: .unit, target: "b", kind: .write)
        _ = try PostgresRights.grant(grant, on: owner)
        #expect(try cluster.psql(database: database, login: "david", "SELECT count(*) FROM follow_up") == "1")
        #expect(try PostgresRights.revoke(grant, on: owner) == [])
        #expect(try cluster.psql(database: database, login: "david", "SELECT count(*) FROM follow_up") == "0")
        #expect(try PostgresRights.revoke(grant, on: owner) == [.nothingToRevoke])
    }

    @Test func everyTableIsUnderRowSecurity() throws {
        let (cluster, database, _) = try Self.districtDatabase()
        let unguarded = try cluster.psql(database: database, """
            SELECT string_agg(relname, ',') FROM pg_class WHERE relkind = 'r'
            AND relnamespace = 'public'::regnamespace AND NOT relrowsecurity
            """)
        #expect(unguarded == "")
        #expect(try cluster.psql(database: database, """
            SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
            """) == "16")
    }

    @Test func grantNamesAMissingUnitAndWarnsOfARoleThatMayNotLogIn() throws {
        let (cluster, database, owner) = try Self.districtDatabase()
        let missing = try #require(throws: PostgresRightsError.self) {
            try PostgresRights.grant(AccessGrant(login: "fredrik", scope: .unit, target: "avd", kind: .write), on: owner)
        }
        #expect(Strings.describe(missing) == "Enheten ”avd” finns inte i databasen (”avd” är en avdelning). Inget har ändrats; se vp-tui units för id:n.")
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM pg_roles WHERE rolname = 'fredrik'") == "0")

        try cluster.psql(database: database, "CREATE ROLE eva NOLOGIN")
        let grant = AccessGrant(login: "eva", scope: .unit, target: "a", kind: .write)
        #expect(try PostgresRights.grant(grant, on: owner) == [.roleCannotLogIn("eva")])
        #expect(try PostgresRights.grant(grant, on: owner) == [.roleCannotLogIn("eva"), .alreadyGranted])
        #expect(try PostgresRights.grants(of: "eva", on: owner) == [grant])
    }
}
