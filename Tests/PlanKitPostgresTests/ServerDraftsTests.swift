import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing
@testable import VPApp

/// Drafts of texts being written on PostgreSQL: kept on the server per login, so that another
/// SSH host (another app with another state folder) offers them; no other login reads them,
/// even with psql; and kept on this computer while the server cannot be reached, then sent up
/// when it answers again. Serialized: one test stops the suite's server.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct ServerDraftsTests {
    /// One "host": an app's server connection as `login` and its drafts, with a state folder of its own.
    struct Host {
        let server: PostgresPlanServer
        let drafts: ServerDrafts
        let state: URL
    }

    static func host(_ district: TwoUnitDistrict, _ login: String, state: URL, granted units: [String]? = nil) throws -> Host {
        _ = try district.open(login, granted: units)
        let address = try #require(district.cluster).address(database: try #require(district.database), login: login)
        let server = try PostgresPlanServer(address: address, store: try PostgresSnapshot.everything(address).store)
        let drafts = ServerDrafts(server: server, environment: ["XDG_STATE_HOME": state.path])
        server.watch(district.a)
        return Host(server: server, drafts: drafts, state: state)
    }

    static func folder() -> URL {
        TemporaryFolders.make("vp-tui-server-drafts")
    }

    static func psql(_ district: TwoUnitDistrict, login: String = ThrowawayCluster.owner, _ sql: String) throws -> String {
        try #require(district.cluster).psql(database: try #require(district.database), login: login, sql)
    }

    /// The draft texts on the server, as the owner reads them ("" when none).
    static func serverTexts(_ district: TwoUnitDistrict) throws -> String {
        try psql(district, "SELECT coalesce(string_agg(login || ':' || text, ',' ORDER BY login), '') FROM draft")
    }

    @Test func aDraftWrittenOnOneHostIsOfferedOnAnotherAndLettingGoRemovesItEverywhere() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let root = Self.folder()
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let first = try Self.host(district, "anna", state: root.appendingPathComponent("a"))
        try first.drafts.saveDraft("Skrivet på värd A", for: field, baseRevision: 3, in: district.a)
        try PlanServerTests.waitUntil { try Self.serverTexts(district) == "anna:Skrivet på värd A" }
        try PlanServerTests.waitUntil { first.drafts.local?.latest(for: field, in: district.a)?.onServer == true }

        // Another host: nothing in its own file, the draft comes from the server.
        let second = try Self.host(district, "anna", state: root.appendingPathComponent("b"))
        #expect(second.drafts.local?.draft(for: field, in: district.a) == nil)
        try PlanServerTests.waitUntil { try second.drafts.draft(for: field, in: district.a) != nil }
        let offered = try second.drafts.draft(for: field, in: district.a)
        #expect(offered?.text == "Skrivet på värd A")
        #expect(offered?.baseRevision == 3)

        // Written further on B: the newer text is the one offered.
        try second.drafts.saveDraft("Skrivet på värd B", for: field, baseRevision: 3, in: district.a)
        #expect(try second.drafts.draft(for: field, in: district.a)?.text == "Skrivet på värd B")
        let third = try Self.host(district, "anna", state: root.appendingPathComponent("c"))
        try PlanServerTests.waitUntil { try third.drafts.draft(for: field, in: district.a)?.text == "Skrivet på värd B" }

        // Let go of on B (saved or discarded): gone from the server, and host A's file, whose
        // copy the server held, no longer offers it either.
        try second.drafts.discardDraft(for: field, in: district.a)
        try PlanServerTests.waitUntil { try Self.serverTexts(district) == "" }
        #expect(try second.drafts.draft(for: field, in: district.a) == nil)
        let againOnA = try Self.host(district, "anna", state: root.appendingPathComponent("a"))
        #expect(againOnA.drafts.local?.draft(for: field, in: district.a)?.text == "Skrivet på värd A")
        // Offered from the file only until the server's drafts are read.
        try PlanServerTests.waitUntil { try againOnA.drafts.draft(for: field, in: district.a) == nil }
    }

    @Test func anotherLoginOfTheSameUnitNeitherReadsNorChangesADraft() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let root = Self.folder()
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let anna = try Self.host(district, "anna", state: root.appendingPathComponent("anna"))
        try anna.drafts.saveDraft("Annas utkast", for: field, baseRevision: 1, in: district.a)
        try PlanServerTests.waitUntil { try Self.serverTexts(district) == "anna:Annas utkast" }

        // Bertil may change unit A too, from the same computer's folder even.
        let bertil = try Self.host(district, "bertil", state: root.appendingPathComponent("anna"))
        try PlanServerTests.waitUntil { bertil.server.serverDraft(for: field, in: district.a) == .known(nil) }
        #expect(try bertil.drafts.draft(for: field, in: district.a) == nil)
        #expect(try Self.psql(district, login: "bertil", "SELECT count(*) FROM draft") == "0")
        #expect(try Self.psql(district, login: "bertil", """
            WITH changed AS (UPDATE draft SET text = 'Bertils' RETURNING 1) SELECT count(*) FROM changed
            """) == "0")
        #expect(try Self.psql(district, login: "bertil", "WITH gone AS (DELETE FROM draft RETURNING 1) SELECT count(*) FROM gone") == "0")
        #expect(throws: ClusterError.self) {
            try Self.psql(district, login: "bertil", """
                INSERT INTO draft VALUES ('\(district.a.unitID)', \(district.a.year), 'x', 'anna', 'w', 'Falsk', 1, '2026-01-01')
                """)
        }
        #expect(try Self.serverTexts(district) == "anna:Annas utkast")
    }

    /// A database made before the drafts were each login's own, brought up to date by its owner.
    @Test func aMigratedDatabaseKeepsEachLoginsDraftsItsOwn() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database)
        _ = try PostgresDatabase.open(address, install: true, known: 2, migrations: Array(PostgresSchema.migrations.prefix(1)))
        try cluster.psql(database: database, """
            INSERT INTO organisation (id, kind, name, parent_id) VALUES ('nb', 'board', 'Nämnden', NULL), ('a', 'unit', 'Enhet A', 'nb');
            INSERT INTO cascade VALUES ('nb', 2025);
            INSERT INTO plan VALUES ('a', 2025, 'nb', 'vp');
            INSERT INTO draft VALUES ('a', 2025, 'f', 'annam', 'w', 'Annas', 1, '2025-01-01'), ('a', 2025, 'f', 'bertilm', 'w', 'Bertils', 1, '2025-01-01');
            """)
        let owner = try PostgresDatabase.open(address, install: true)
        for login in ["annam", "bertilm"] {
            _ = try PostgresRights.grant(AccessGrant(login: login, scope: .unit, target: "a", kind: .write), on: owner)
        }
        #expect(try cluster.psql(database: database, login: "bertilm", "SELECT string_agg(text, ',') FROM draft") == "Bertils")
        #expect(try cluster.psql(database: database, login: "annam", "SELECT string_agg(text, ',') FROM draft") == "Annas")
    }

    @Test func aDraftWrittenWhileTheServerIsGoneIsKeptHereAndReachesTheServerWhenItIsBack() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let cluster = try #require(district.cluster)
        let root = Self.folder()
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let host = try Self.host(district, "anna", state: root.appendingPathComponent("a"))

        try cluster.stopServer()
        var started = false
        defer { if !started { try? cluster.startServer() } }
        try PlanServerTests.waitUntil { host.server.isLost }
        try host.drafts.saveDraft("Skrivet utan server", for: field, baseRevision: 2, in: district.a)
        let kept = try #require(host.drafts.local?.latest(for: field, in: district.a))
        #expect(kept.text == "Skrivet utan server")
        #expect(kept.onServer != true)
        #expect(try host.drafts.draft(for: field, in: district.a)?.text == "Skrivet utan server")

        try cluster.startServer()
        started = true
        try PlanServerTests.waitUntil { try Self.serverTexts(district) == "anna:Skrivet utan server" }
        try PlanServerTests.waitUntil { host.drafts.local?.latest(for: field, in: district.a)?.onServer == true }
        let elsewhere = try Self.host(district, "anna", state: root.appendingPathComponent("b"))
        try PlanServerTests.waitUntil { try elsewhere.drafts.draft(for: field, in: district.a)?.text == "Skrivet utan server" }
    }

    /// An app that ended while the server was gone left its draft in this computer's file only:
    /// the next app started here sends it up.
    @Test func aDraftLeftInTheFileByAnEndedAppIsSentUpByTheNextOne() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let root = Self.folder()
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        _ = try district.open("anna")
        let address = try #require(district.cluster).address(database: try #require(district.database), login: "anna")
        let local = try #require(LocalDrafts(database: address.description, login: "anna",
                                             environment: ["XDG_STATE_HOME": root.appendingPathComponent("a").path]))
        try local.save("Kvar i filen", for: field, baseRevision: 1, in: district.a)
        #expect(try Self.serverTexts(district) == "")

        let next = try Self.host(district, "anna", state: root.appendingPathComponent("a"))
        try PlanServerTests.waitUntil { try Self.serverTexts(district) == "anna:Kvar i filen" }
        try PlanServerTests.waitUntil { next.drafts.local?.latest(for: field, in: district.a)?.onServer == true }
    }
}
