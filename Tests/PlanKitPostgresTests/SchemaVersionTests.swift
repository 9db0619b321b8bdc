import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// The PostgreSQL schema's versions: an older database is brought up to date by its owner, one
/// step at a time, each with its version in one transaction; any other login is told in Swedish
/// to ask the owner; a newer one is refused (PostgresConnectTests).
@Suite(.throwawayPostgres, .serialized) struct SchemaVersionTests {
    /// Version 1 installed, as an older vp-tui left it, and the address of its owner.
    static func olderDatabase() throws -> (ThrowawayCluster, String, PostgresAddress) {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database)
        _ = try PostgresDatabase.open(address, install: true, known: 1, migrations: [])
        return (cluster, database, address)
    }

    static let steps = [
        PostgresMigration(version: 2, statements: ["CREATE TABLE step_two (id bigint PRIMARY KEY)"]),
        PostgresMigration(version: 3, statements: ["ALTER TABLE step_two ADD COLUMN note text", "INSERT INTO step_two VALUES (3, 'tre')"]),
    ]

    @Test func theOwnerMigratesAnOlderDatabaseStepByStep() throws {
        let (cluster, database, address) = try Self.olderDatabase()
        _ = try PostgresDatabase.open(address, install: false, known: 3, migrations: Self.steps.reversed())
        #expect(try cluster.psql(database: database, "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version") == "1,2,3")
        #expect(try cluster.psql(database: database, "SELECT note FROM step_two") == "tre")
        // Opened again, nothing is done twice.
        _ = try PostgresDatabase.open(address, install: false, known: 3, migrations: Self.steps)
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM schema_version") == "3")
    }

    /// A step that fails leaves the database at the version before it, with nothing of the
    /// failed step in it: the steps before it stay done.
    @Test func aFailingStepLeavesTheDatabaseAtTheVersionBeforeIt() throws {
        let (cluster, database, address) = try Self.olderDatabase()
        let failing = [Self.steps[0], PostgresMigration(version: 3, statements: [
            "CREATE TABLE step_three (id bigint)", "INSERT INTO step_two VALUES (NULL)",
        ])]
        #expect(throws: PostgresStoreError.self) {
            try PostgresDatabase.open(address, install: false, known: 3, migrations: failing)
        }
        #expect(try cluster.psql(database: database, "SELECT max(version) FROM schema_version") == "2")
        #expect(try cluster.psql(database: database, "SELECT to_regclass('step_three') IS NULL") == "t")
        #expect(try cluster.psql(database: database, "SELECT to_regclass('step_two') IS NOT NULL") == "t")
    }

    @Test func aLoginThatDoesNotOwnTheTablesIsToldToAskTheOwner() throws {
        let (cluster, database, _) = try Self.olderDatabase()
        // A login as vp-tui grant makes one: it reads the tables, it does not own them.
        _ = try cluster.psql(database: database, """
            DO $$ BEGIN CREATE ROLE schema_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            GRANT vp_tui_logins TO schema_reader
            """)
        let anna = try cluster.address(database: database, login: "schema_reader")
        let error = try #require(throws: PostgresStoreError.self) {
            try PostgresDatabase.open(anna, install: false, known: 3, migrations: Self.steps)
        }
        #expect(error == .schemaOlder(anna, found: 1, known: 3))
        #expect(Strings.describe(error).contains("är av en äldre vp-tui (schemaversion 1; den här behöver 3). Inget har ändrats. Be databasens ägare"))
        #expect(try cluster.psql(database: database, "SELECT max(version) FROM schema_version") == "1")
        #expect(try cluster.psql(database: database, "SELECT to_regclass('step_two') IS NULL") == "t")
    }

    /// The current schema's steps lead from version 1 to `PostgresSchema.version`, one each.
    @Test func theStepsOfTheSchemaLeadToItsVersion() {
        #expect(PostgresSchema.migrations.map(\.version) == Array(stride(from: 2, through: PostgresSchema.version, by: 1)))
    }
}
