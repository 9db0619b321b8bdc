import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Who-is-editing on PostgreSQL: each app's entry among the open sessions of the plan it shows,
/// on the server, seen by the other apps in that plan and by no login without rights to it.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct ServerSessionsTests {
    static func server(_ district: TwoUnitDistrict, _ login: String, granted units: [String]) throws -> PostgresPlanServer {
        _ = try district.open(login, granted: units)
        let address = try #require(district.cluster).address(database: try #require(district.database), login: login)
        return try PostgresPlanServer(address: address, store: try PostgresSnapshot.everything(address).store)
    }

    /// Polls until `server` lists exactly `logins` as the others in its plan, for at most 20 s.
    static func waitForOthers(_ server: PostgresPlanServer, _ logins: [String]) throws {
        let deadline = Date().addingTimeInterval(20)
        while server.otherSessions.map(\.login) != logins {
            guard Date() < deadline else {
                Issue.record("others \(server.otherSessions.map(\.login)), not \(logins)")
                throw PlanServerTests.WaitedTooLong()
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @Test func twoLoginsInOnePlanSeeEachOtherAndTheEndOfEachOthersSession() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try Self.server(district, "anna", granted: [district.a.unitID])
        let bertil = try Self.server(district, "bertil", granted: [district.a.unitID])
        anna.showSession(in: district.a)
        try Self.waitForOthers(anna, [])
        bertil.showSession(in: district.a)
        // Bertil reads Anna at once; Anna hears of Bertil from the server, without a heartbeat.
        try Self.waitForOthers(bertil, ["anna"])
        try Self.waitForOthers(anna, ["bertil"])
        #expect(anna.takeOtherSessionsChanged())
        #expect(anna.otherSessions.first?.host == ProcessInfo.processInfo.hostName)

        // Another plan: gone from A's list.
        bertil.showSession(in: district.b)
        try Self.waitForOthers(anna, [])
        bertil.showSession(in: district.a)
        try Self.waitForOthers(anna, ["bertil"])
        bertil.endSession()
        try Self.waitForOthers(anna, [])
    }

    @Test func aLoginWithoutRightsToThePlanNeitherSeesNorIsListed() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try Self.server(district, "anna", granted: [district.a.unitID])
        let david = try Self.server(district, "david", granted: [district.b.unitID])
        anna.showSession(in: district.a)
        try Self.waitForOthers(anna, [])
        // David asks for A's plan, which row-level security hides from him.
        david.showSession(in: district.a)
        try Self.waitForOthers(david, [])
        let rows = try district.cluster.map { try $0.psql(database: try #require(district.database),
                                                            "SELECT string_agg(login, ',' ORDER BY login) FROM open_session") }
        #expect(rows == "anna")
        // As David, psql reads none of A's sessions either.
        let seen = try district.cluster.map { try $0.psql(database: try #require(district.database), login: "david",
                                                            "SELECT count(*) FROM open_session") }
        #expect(seen == "0")
    }
}

/// An app listens to the units it may read from its start, and says so to the server, so that
/// others' changes there are announced to it (`PostgresAudience`); on its way out it says it
/// listens no more.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct ServerAudienceTests {
    @Test func anAppListensToItsUnitsFromItsStartUntilItEnds() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let cluster = try #require(district.cluster), database = try #require(district.database)
        let audience = "SELECT coalesce(string_agg(login || ' ' || target_id, ',' ORDER BY target_id), '') FROM audience"
        #expect(try cluster.psql(database: database, audience) == "")
        let anna = try ServerSessionsTests.server(district, "anna", granted: [district.a.unitID])
        #expect(try cluster.psql(database: database, audience) == "anna \(district.a.unitID)")
        anna.showSession(in: district.a)
        anna.endSession()
        #expect(try cluster.psql(database: database, audience) == "")
    }
}
