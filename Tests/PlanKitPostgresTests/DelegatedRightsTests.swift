import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// A nämnd's admin hands out and takes back rights inside its nämnd, and nowhere else, without
/// being the database owner. Serialized: roles are the cluster's, shared by the tests' databases.
@Suite(.throwawayPostgres, .serialized) struct DelegatedRightsTests {
    /// Two nämnder: "nb" with a department of units "a" and "b", "sb" with unit "c", each unit
    /// with a plan for 2025 and an analysis; `admin` administers "nb". `migrated`: the database
    /// was made by a vp-tui of schema version 1 and brought up to date by its owner.
    static func district(admin: String, migrated: Bool = false) throws -> (ThrowawayCluster, String, PostgresLink) {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database)
        if migrated {
            _ = try PostgresDatabase.open(address, install: true, known: 1, migrations: [])
        }
        let owner = try PostgresDatabase.open(address, install: true)
        try cluster.psql(database: database, """
            INSERT INTO organisation (id, kind, name, parent_id) VALUES
                ('nb', 'board', 'Norra nämnden', NULL), ('avd', 'department', 'Avdelningen', 'nb'),
                ('a', 'unit', 'Enhet A', 'avd'), ('b', 'unit', 'Enhet B', 'avd'),
                ('sb', 'board', 'Södra nämnden', NULL), ('c', 'unit', 'Enhet C', 'sb');
            INSERT INTO cascade VALUES ('nb', 2025), ('sb', 2025);
            INSERT INTO item (id, kind, author, board_id, year, title) VALUES
                ('m1', 'goal', 'board', 'nb', 2025, 'Norra målet'), ('m2', 'goal', 'board', 'sb', 2025, 'Södra målet');
            INSERT INTO plan VALUES ('a', 2025, 'nb', 'vp'), ('b', 2025, 'nb', 'vp'), ('c', 2025, 'sb', 'vp');
            INSERT INTO follow_up (unit_id, year, item_id, period, analysis) VALUES
                ('a', 2025, 'm1', 'vp', 'A'), ('b', 2025, 'm1', 'vp', 'B'), ('c', 2025, 'm2', 'vp', 'C');
            """)
        _ = try PostgresRights.grant(AccessGrant(login: admin, scope: .board, target: "nb", kind: .admin), on: owner)
        return (cluster, database, owner)
    }

    static func login(_ login: String, _ cluster: ThrowawayCluster, _ database: String) throws -> PostgresLink {
        try PostgresDatabase.open(try cluster.address(database: database, login: login))
    }

    static func allGrants(_ cluster: ThrowawayCluster, _ database: String) throws -> String {
        try cluster.psql(database: database, """
            SELECT string_agg(login || ':' || scope || ':' || target_id || ':' || kind, ',' ORDER BY login, target_id, kind) FROM access_grant
            """)
    }

    /// On a new database and on one migrated from version 1 alike.
    @Test(arguments: [false, true])
    func adminGrantsAUnitInItsNamndAndThatLoginSavesThere(migrated: Bool) throws {
        let suffix = migrated ? "m" : "n"
        let (cluster, database, _) = try Self.district(admin: "cecilia" + suffix, migrated: migrated)
        let cecilia = try Self.login("cecilia" + suffix, cluster, database)
        let anna = "anna" + suffix
        #expect(try PostgresDatabase.ownsTables(cecilia) == false)
        #expect(try PostgresRights.grant(AccessGrant(login: anna, scope: .unit, target: "a", kind: .write), on: cecilia)
            == [.roleCreated(anna)])
        #expect(try PostgresRights.grant(AccessGrant(login: anna, scope: .unit, target: "a", kind: .write), on: cecilia)
            == [.alreadyGranted])
        // Admin on its own nämnd, too.
        #expect(try PostgresRights.grant(AccessGrant(login: anna, scope: .board, target: "nb", kind: .read), on: cecilia) == [])

        let annasLink = try Self.login(anna, cluster, database)
        #expect(try annasLink.run("UPDATE follow_up SET analysis = 'Annas analys' WHERE unit_id = 'a'").changed == 1)
        #expect(try annasLink.run("UPDATE follow_up SET analysis = 'Kapad' WHERE unit_id = 'c'").changed == 0)
        #expect(try cluster.psql(database: database, "SELECT string_agg(unit_id || analysis, ',' ORDER BY unit_id) FROM follow_up")
            == "aAnnas analys,bB,cC")
        #expect(try cluster.psql(database: database, "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version")
            == (migrated ? (1...PostgresSchema.version).map(String.init).joined(separator: ",") : "\(PostgresSchema.version)"))
    }

    @Test func adminIsRefusedOutsideItsNamnd() throws {
        let (cluster, database, _) = try Self.district(admin: "dora")
        let before = try Self.allGrants(cluster, database)
        let dora = try Self.login("dora", cluster, database)
        for grant in [
            AccessGrant(login: "erik", scope: .unit, target: "c", kind: .write),
            AccessGrant(login: "erik", scope: .board, target: "sb", kind: .admin),
            AccessGrant(login: "dora", scope: .board, target: "sb", kind: .read),
        ] {
            let error = try #require(throws: PostgresRightsError.self) { try PostgresRights.grant(grant, on: dora) }
            #expect(error == .notAllowed(grant.scope, grant.target))
        }
        #expect(Strings.describe(PostgresRightsError.notAllowed(.unit, "c")) == "Du har inte behörighet att dela ut rättigheter i "
            + "enheten ”c”: det får bara databasens ägare och den som förvaltar nämnden som enheten hör till. Inget har ändrats.")
        #expect(try Self.allGrants(cluster, database) == before)
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM pg_roles WHERE rolname = 'erik'") == "0")
        // Nor through psql, calling the function itself.
        #expect(try cluster.psql(database: database, login: "dora", "SELECT vp_grant('erik', 'unit', 'c', 'write')") == "refused")
        #expect(try Self.allGrants(cluster, database) == before)
    }

    @Test func unitWriterAndLoginWithoutRightsAreRefused() throws {
        let (cluster, database, owner) = try Self.district(admin: "frida")
        _ = try PostgresRights.grant(AccessGrant(login: "gunnar", scope: .unit, target: "a", kind: .write), on: owner)
        // A login of vp-tui's whose rights were all taken back.
        try cluster.psql(database: database, "CREATE ROLE helga LOGIN; GRANT vp_tui_logins TO helga")
        let before = try Self.allGrants(cluster, database)
        for login in ["gunnar", "helga"] {
            let link = try Self.login(login, cluster, database)
            let error = try #require(throws: PostgresRightsError.self) {
                try PostgresRights.grant(AccessGrant(login: "ivar", scope: .unit, target: "a", kind: .write), on: link)
            }
            #expect(error == .notAllowed(.unit, "a"))
            #expect(throws: PostgresRightsError.notAllowed(.unit, "a")) {
                try PostgresRights.revoke(AccessGrant(login: "gunnar", scope: .unit, target: "a", kind: .write), on: link)
            }
        }
        #expect(try Self.allGrants(cluster, database) == before)
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM pg_roles WHERE rolname = 'ivar'") == "0")
    }

    @Test func adminRevokesInItsNamndOnly() throws {
        let (cluster, database, owner) = try Self.district(admin: "jonas")
        let inside = AccessGrant(login: "karin", scope: .unit, target: "b", kind: .write)
        let outside = AccessGrant(login: "karin", scope: .unit, target: "c", kind: .write)
        _ = try PostgresRights.grant(inside, on: owner)
        _ = try PostgresRights.grant(outside, on: owner)
        let jonas = try Self.login("jonas", cluster, database)
        #expect(try PostgresRights.revoke(inside, on: jonas) == [])
        #expect(try PostgresRights.revoke(inside, on: jonas) == [.nothingToRevoke])
        #expect(throws: PostgresRightsError.notAllowed(.unit, "c")) { try PostgresRights.revoke(outside, on: jonas) }
        #expect(try cluster.psql(database: database, login: "karin", "SELECT string_agg(unit_id, ',') FROM follow_up") == "c")
    }
}
