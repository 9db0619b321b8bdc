import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// Connecting to a real server, and each way it can fail told in Swedish, never in the
/// server's own words.
@Suite(.throwawayPostgres) struct PostgresConnectTests {
    @Test func connectsOverTheSocketAndInstallsTheSchema() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let link = try PostgresDatabase.open(try cluster.address(database: database), install: true)
        #expect(try PostgresDatabase.schemaState(link) == .version(PostgresSchema.version))
        #expect(try link.run("SELECT current_user").single == .text(ThrowawayCluster.owner))
        // Opening again finds the schema and installs nothing twice.
        _ = try PostgresDatabase.open(try cluster.address(database: database), install: true)
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM schema_version") == "1")
    }

    @Test func databasesOfOneClusterAreSetUpAtOnce() throws {
        // The logins' role belongs to the whole cluster: databases set up side by side share it.
        let cluster = try ThrowawayPostgres.cluster()
        let addresses = try (0..<6).map { _ in try cluster.address(database: try cluster.makeDatabase()) }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: addresses.count) { index in
            do { _ = try PostgresDatabase.open(addresses[index], install: true) } catch { failures.add("\(error)") }
        }
        #expect(failures.all == [])
    }

    @Test func serverDownIsSaidInSwedish() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let empty = cluster.socketDirectory + "/no-server-here"
        let address = try PostgresAddress.parse("postgresql:///plan?host=\(empty)", environment: [:])
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address) }
        #expect(error == .serverNotAnswering(address, .noSocket))
        let message = Strings.describe(error)
        #expect(message.hasPrefix("Databasservern på \(empty) (port 5432) svarar inte: ingen server lyssnar där"), "\(message)")
    }

    @Test func serverLostAfterConnectingIsSaidInSwedish() throws {
        // A cluster of its own, since it is stopped under the open connection.
        let cluster = try ThrowawayCluster.start()
        defer { cluster.stop() }
        let database = try cluster.makeDatabase()
        let link = try PostgresDatabase.open(try cluster.address(database: database), install: true)
        cluster.stop()
        // The server's going is noticed by the connection on its own thread.
        let noticed = Date().addingTimeInterval(20)
        while !link.isClosed && Date() < noticed { usleep(10_000) }
        let error = try #require(throws: PostgresStoreError.self) { try link.run("SELECT 1") }
        #expect(error == .serverNotAnswering(link.address, .lost))
        #expect(Strings.describe(error).contains("svarar inte: anslutningen bröts. Inget har sparats."))
    }

    @Test func nothingListeningOnTCPIsSaidInSwedish() throws {
        // Port 1 on loopback: nothing of ours listens there, the connection is refused at once.
        let address = try PostgresAddress.parse("postgresql://anna@127.0.0.1:1/plan?connect_timeout=5", environment: [:])
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address) }
        #expect(error == .serverNotAnswering(address, .refused))
        #expect(Strings.describe(error).hasPrefix("Databasservern på 127.0.0.1:1 svarar inte"))
    }

    @Test func unknownLoginIsRefusedInSwedish() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database, login: "okand_person")
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address) }
        #expect(error == .loginRefused(address, needsPassword: false))
        let message = Strings.describe(error)
        #expect(message.contains("släpper inte in ”okand_person” i databasen ”\(database)”"), "\(message)")
        #expect(!message.contains("role"), "\(message)")
    }

    @Test func roleThatMayNotLogInIsRefusedInSwedish() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        try cluster.psql(database: database, "CREATE ROLE utan_inloggning NOLOGIN")
        let address = try cluster.address(database: database, login: "utan_inloggning")
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address) }
        #expect(error == .loginRefused(address, needsPassword: false))
    }

    @Test func missingDatabaseIsSaidInSwedish() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let address = try cluster.address(database: "finns_inte")
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address) }
        #expect(error == .databaseMissing(address))
        #expect(Strings.describe(error).hasPrefix("Databasen ”finns_inte” finns inte på servern \(cluster.socketDirectory)"))
    }

    @Test func newerSchemaIsRefused() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database)
        _ = try PostgresDatabase.open(address, install: true)
        try cluster.psql(database: database, "UPDATE schema_version SET version = \(PostgresSchema.version + 1)")
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address, install: true) }
        #expect(error == .schemaNewer(address, found: PostgresSchema.version + 1, known: PostgresSchema.version))
        #expect(Strings.describe(error).contains("är av en nyare vp-tui (schemaversion \(PostgresSchema.version + 1)"))
    }

    @Test func emptyDatabaseIsNotFilledWithoutBeingAsked() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database)
        let error = try #require(throws: PostgresStoreError.self) { try PostgresDatabase.open(address) }
        #expect(error == .noSchema(address))
        #expect(try cluster.psql(database: database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0")
    }

    @Test func serverErrorsNeverReachThePersonInEnglish() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let link = try PostgresDatabase.open(try cluster.address(database: database), install: true)
        let error = try #require(throws: PostgresStoreError.self) { try link.run("SELECT * FROM no_such_table") }
        #expect(error == .refused(link.address, sqlState: "42P01"))
        let message = Strings.describe(error)
        #expect(message.contains("felkod 42P01") && !message.contains("relation"), "\(message)")
    }
}

/// Errors gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ failure: String) {
        lock.lock()
        list.append(failure)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
