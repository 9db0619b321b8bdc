import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// `vp-tui grant` and `revoke` against a real server: the right they record is the one
/// PostgreSQL enforces, seen through psql as the login.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct GrantCommandTests {
    static func database() throws -> (ThrowawayCluster, String) {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        return (cluster, database)
    }

    /// Two units of one department, each with one analysis; `grant` installs the tables first.
    static func fillDistrict(_ cluster: ThrowawayCluster, _ database: String) throws {
        try cluster.psql(database: database, """
            INSERT INTO organisation (id, kind, name, parent_id) VALUES
                ('nb', 'board', 'Nämnden', NULL), ('avd', 'department', 'Avdelningen', 'nb'),
                ('a', 'unit', 'Enhet A', 'avd'), ('b', 'unit', 'Enhet B', 'avd');
            INSERT INTO cascade VALUES ('nb', 2025);
            INSERT INTO item (id, kind, author, board_id, year) VALUES ('m1', 'goal', 'board', 'nb', 2025);
            INSERT INTO plan VALUES ('a', 2025, 'nb', 'vp'), ('b', 2025, 'nb', 'vp');
            INSERT INTO follow_up (unit_id, year, item_id, period, analysis) VALUES
                ('a', 2025, 'm1', 'vp', 'A'), ('b', 2025, 'm1', 'vp', 'B');
            """)
    }

    @Test func grantGivesTheUnitAndPostgresKeepsTheOtherAway() throws {
        let (cluster, database) = try Self.database()
        let url = cluster.url(database: database)
        // The first command on an empty database lays the tables; the unit is not there yet.
        let early = try Binary.run(["grant", "gustav", "--unit", "a", "--db", url])
        #expect(early.status == 2)
        #expect(early.stderr == "vp-tui: fel: Enheten ”a” finns inte i databasen. Inget har ändrats; se vp-tui units för id:n.\n")
        try Self.fillDistrict(cluster, database)

        let result = try Binary.run(["grant", "gustav", "--unit", "a"], environment: ["VP_TUI_DB": url])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "”gustav” har nu skrivrätt till enheten ”Enhet A” (a).\n")
        #expect(result.stderr == "Rollen ”gustav” fanns inte och har skapats (LOGIN, utan lösenord).\n")

        #expect(try cluster.psql(database: database, login: "gustav", """
            WITH changed AS (UPDATE follow_up SET analysis = 'ny' RETURNING unit_id) SELECT string_agg(unit_id, ',') FROM changed
            """) == "a")
        #expect(try cluster.psql(database: database, "SELECT string_agg(unit_id || analysis, ',' ORDER BY unit_id) FROM follow_up") == "any,bB")

        let revoked = try Binary.run(["revoke", "gustav", "--unit", "a", "--db", url])
        #expect(revoked.stdout == "”gustav” har inte längre skrivrätt till enheten ”Enhet A” (a).\n")
        #expect(try cluster.psql(database: database, login: "gustav", "SELECT count(*) FROM follow_up") == "0")
    }

    /// A nämnd's admin, who does not own the tables, grants and revokes in its nämnd, and is
    /// told in Swedish that it may not outside it.
    @Test func namndAdminGrantsInItsNamndOnly() throws {
        let (cluster, database) = try Self.database()
        _ = try Binary.run(["revoke", "x", "--unit", "a", "--db", cluster.url(database: database)])
        try Self.fillDistrict(cluster, database)
        try cluster.psql(database: database, "INSERT INTO organisation (id, kind, name, parent_id) VALUES ('sb', 'board', 'Södra', NULL)")
        let granted = try Binary.run(["grant", "ingrid", "--namnd", "nb", "--admin", "--db", cluster.url(database: database)])
        #expect(granted.status == 0, "\(granted.stderr)")
        let url = cluster.url(database: database, login: "ingrid")

        let result = try Binary.run(["grant", "johan", "--unit", "b", "--db", url])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "”johan” har nu skrivrätt till enheten ”Enhet B” (b).\n")
        #expect(result.stderr == "Rollen ”johan” fanns inte och har skapats (LOGIN, utan lösenord).\n")
        #expect(try cluster.psql(database: database, login: "johan", "SELECT string_agg(unit_id, ',') FROM follow_up") == "b")

        let outside = try Binary.run(["grant", "johan", "--namnd", "sb", "--admin", "--db", url])
        #expect(outside.status == 2)
        #expect(outside.stderr == "vp-tui: fel: Du har inte behörighet att dela ut rättigheter i nämnden ”sb”: det får bara "
            + "databasens ägare och den som förvaltar nämnden. Inget har ändrats.\n")

        let revoked = try Binary.run(["revoke", "johan", "--unit", "b", "--db", url])
        #expect(revoked.stdout == "”johan” har inte längre skrivrätt till enheten ”Enhet B” (b).\n")
        #expect(try cluster.psql(database: database, login: "johan", "SELECT count(*) FROM follow_up") == "0")
    }

    @Test func roleThatMayNotLogInIsToldInSwedish() throws {
        let (cluster, database) = try Self.database()
        let url = cluster.url(database: database)
        _ = try Binary.run(["revoke", "x", "--unit", "a", "--db", url])
        try Self.fillDistrict(cluster, database)
        try cluster.psql(database: database, "CREATE ROLE hanna NOLOGIN")
        let result = try Binary.run(["grant", "hanna", "--namnd", "nb", "--read", "--db", url])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("Obs: rollen ”hanna” får inte logga in (NOLOGIN). Rätten är sparad"), "\(result.stderr)")
        #expect(result.stdout == "”hanna” har nu läsrätt till nämnden ”Nämnden” (nb).\n")
    }

    /// The unit, department or nämnd may be named as the app takes a unit: by its name in any
    /// case; a name several share is refused with their ids.
    @Test func theTargetMayBeNamedByItsName() throws {
        let (cluster, database) = try Self.database()
        let url = cluster.url(database: database)
        _ = try Binary.run(["revoke", "x", "--unit", "a", "--db", url])
        try Self.fillDistrict(cluster, database)
        let byName = try Binary.run(["grant", "gustav", "--unit", "enhet a", "--db", url])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == "”gustav” har nu skrivrätt till enheten ”Enhet A” (a).\n")
        #expect(try cluster.psql(database: database, "SELECT target_id FROM access_grant WHERE login = 'gustav'") == "a")
        let department = try Binary.run(["grant", "gustav", "--avdelning", "AVDELNINGEN", "--read", "--db", url])
        #expect(department.stdout == "”gustav” har nu läsrätt till avdelningen ”Avdelningen” (avd).\n", "\(department.stderr)")
        let revoked = try Binary.run(["revoke", "gustav", "--unit", "Enhet A", "--db", url])
        #expect(revoked.stdout == "”gustav” har inte längre skrivrätt till enheten ”Enhet A” (a).\n")

        try cluster.psql(database: database, "UPDATE organisation SET name = 'Enhet A' WHERE id = 'b'")
        let ambiguous = try Binary.run(["grant", "gustav", "--unit", "Enhet A", "--db", url])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr == "vp-tui: fel: Flera i databasen heter ”Enhet A” (enheten a, b). Ange id:t; se vp-tui units. Inget har ändrats.\n")
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM access_grant WHERE login = 'gustav'") == "1")
    }

    @Test(arguments: [
        (["grant", "x", "--unit", "a", "--read"], "--unit ger skrivrätt till enheten"),
        (["grant", "x", "--avdelning", "avd"], "--avdelning ger läsrätt"),
        (["grant", "x", "--namnd", "nb"], "--namnd kräver --read eller --admin"),
        (["grant", "x", "--unit", "a", "--namnd", "nb", "--admin"], "Ange precis en av --unit, --avdelning och --namnd."),
    ])
    func wrongRightIsNamedInSwedish(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments + ["--db", "postgresql:///x?host=/nowhere"])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func serverDownAndSQLiteFileAreRefusedInSwedish() throws {
        let folder = TemporaryFolders.make("vp-grant")
        let down = try Binary.run(["grant", "x", "--unit", "a", "--db", "postgresql:///plan?host=\(folder.path)"])
        #expect(down.status == 2)
        #expect(down.stderr.hasPrefix("vp-tui: fel: Databasservern på \(folder.path) (port 5432) svarar inte"), "\(down.stderr)")

        let file = folder.appendingPathComponent("plan.sqlite").path
        let sqlite = try Binary.run(["grant", "x", "--unit", "a", "--db", file])
        #expect(sqlite.status == 2)
        #expect(sqlite.stderr.contains("ingen PostgreSQL-adress"), "\(sqlite.stderr)")

        // A reading command says the server is down, and makes no file of its address.
        let units = try Binary.run(["units", "--db", "postgresql:///plan?host=\(folder.path)"], environment: ["HOME": folder.path])
        #expect(units.status == 2)
        #expect(units.stderr.hasPrefix("vp-tui: fel: Databasservern på \(folder.path) (port 5432) svarar inte"), "\(units.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }
}
