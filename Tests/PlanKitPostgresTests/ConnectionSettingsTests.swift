import Foundation
import PlanKit
@testable import PlanKitPostgres
import PostgresTestSupport
import Testing

/// What each connection of vp-tui asks of the server for itself.
@Suite(.throwawayPostgres) struct ConnectionSettingsTests {
    /// The policies' functions make the planner expect far more rows than a read finds, and
    /// compiling a statement then takes longer than running it.
    @Test func statementsAreNotCompiledJustInTime() throws {
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.makeDatabase()
        let address = try cluster.address(database: database)
        let link = try PostgresDatabase.open(address, install: true)
        #expect(try link.run("SHOW jit").single == .text("off"))
        #expect(try link.run("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()").single == .text("vp-tui"))
    }
}
