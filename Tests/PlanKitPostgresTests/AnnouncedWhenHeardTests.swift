import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// A change is announced only when a connection other than its own listens to its unit
/// (`PostgresAudience`): a manager alone in the unit saves without waking anyone. What a
/// channel carried is read against a last word sent after the change: notifications arrive in
/// the order of their commits, so an announcement of the change would come before it.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct AnnouncedWhenHeardTests {
    /// The district, Anna's connection, the owner's, and a connection that only listens on A's
    /// channel without saying so, which hears whatever the channel carries.
    struct Setting {
        let district: TwoUnitDistrict
        let anna: PostgresPlanCommands
        let owner: PostgresLink
        let channel: Heard
        let unitChannel: String

        init() throws {
            district = try TwoUnitDistrict(.postgresql)
            anna = try #require(try district.open("anna") as? PostgresPlanCommands)
            owner = try PostgresDatabase.open(try #require(district.cluster).address(database: try #require(district.database)))
            unitChannel = PostgresChannels.unit(district.a.unitID)
            let channel = Heard()
            owner.listen(unitChannel) { payload, _ in channel.add(payload) }
            self.channel = channel
            try owner.run("SELECT pg_notify($1, 'lyssnar')", [.text(unitChannel)])
            try ChangeNotificationTests.waitUntil { channel.payloads == ["lyssnar"] }
        }

        func save(_ text: String) throws {
            try anna.set(.analysis(item: district.ownGoal, period: district.openPeriod), to: .text(text), in: district.a,
                         expectedRevision: nil)
        }

        /// What A's channel carried since the last word sent before, up to a last word sent now.
        func carried() throws -> [String] {
            let words = channel.payloads.filter { $0 == "lyssnar" || $0 == "sist" }.count
            try owner.run("SELECT pg_notify($1, 'sist')", [.text(unitChannel)])
            try ChangeNotificationTests.waitUntil { channel.payloads.filter { $0 == "sist" }.count == words }
            let payloads = channel.payloads
            let earlier = payloads.dropLast().lastIndex { $0 == "lyssnar" || $0 == "sist" } ?? 0
            return Array(payloads[(earlier + 1)..<(payloads.count - 1)])
        }

        var database: String { district.database ?? "" }
        var cluster: ThrowawayCluster { district.cluster! }
    }

    var plan: (TwoUnitDistrict) -> String { { "\($0.a.unitID)/\($0.a.year)" } }

    @Test func aSaveNoOneListensForIsNotAnnounced() throws {
        let setting = try Setting()
        try setting.save("Ingen hör det")
        #expect(try setting.carried() == [])
    }

    @Test func theSaversOwnListeningDoesNotCount() throws {
        let setting = try Setting()
        try PostgresChannels.listen(units: [setting.district.a.unitID], on: setting.anna.link) { _, _ in }
        try setting.save("Bara jag hör det")
        #expect(try setting.carried() == [])
    }

    @Test func aSaveIsAnnouncedOnceAnotherListensToTheUnitAndNotAfterItStops() throws {
        let setting = try Setting()
        let berit = try #require(try setting.district.open("berit") as? PostgresPlanCommands)
        let beritHeard = Heard()
        try PostgresChannels.listen(units: [setting.district.a.unitID], on: berit.link) { payload, _ in beritHeard.add(payload) }
        try setting.save("Berit hör det")
        #expect(try setting.carried() == [plan(setting.district)])
        // Berit hears the last words on the channel too.
        try ChangeNotificationTests.waitUntil { beritHeard.payloads.contains(plan(setting.district)) }

        try PostgresChannels.stopListening(on: berit.link)
        try setting.save("Berit har gått")
        #expect(try setting.carried() == [])
    }

    @Test func anotherUnitsListenerDoesNotMakeASaveAnnounced() throws {
        let setting = try Setting()
        let other = try PostgresDatabase.open(setting.cluster.address(database: setting.database))
        try PostgresChannels.listen(units: [setting.district.b.unitID], on: other) { _, _ in }
        try setting.save("B lyssnar inte på A")
        #expect(try setting.carried() == [])
    }

    @Test func theOwnerListeningToEveryUnitHearsEverySave() throws {
        let setting = try Setting()
        let everyPlan = Heard()
        let other = try PostgresDatabase.open(setting.cluster.address(database: setting.database))
        try PostgresChannels.listen(units: nil, on: other) { payload, _ in everyPlan.add(payload) }
        try setting.save("Ägaren hör allt")
        #expect(try setting.carried() == [plan(setting.district)])
        try ChangeNotificationTests.waitUntil { everyPlan.payloads == [plan(setting.district)] }
    }

    /// A connection that ended without saying so counts no more once another comes to listen.
    @Test func aListenerWhoseConnectionEndedIsForgotten() throws {
        let setting = try Setting()
        let goneProcess: Int32
        do {
            let gone = try PostgresDatabase.open(setting.cluster.address(database: setting.database))
            try PostgresChannels.listen(units: [setting.district.a.unitID], on: gone) { _, _ in }
            goneProcess = try gone.serverProcess()
        }
        try ChangeNotificationTests.waitUntil {
            try setting.cluster.psql(database: setting.database, "SELECT count(*) FROM pg_stat_activity WHERE pid = \(goneProcess)") == "0"
        }
        let other = try PostgresDatabase.open(setting.cluster.address(database: setting.database))
        try PostgresChannels.listen(units: [setting.district.b.unitID], on: other) { _, _ in }
        #expect(try setting.cluster.psql(database: setting.database, "SELECT count(*) FROM audience WHERE target_id = '\(setting.district.a.unitID)'") == "0")
        try setting.save("Den som gick hör inte")
        #expect(try setting.carried() == [])
    }

    /// A connection that comes to listen while a change of the unit is being committed waits for
    /// that commit, so that what it reads next holds the change its check did not announce.
    @Test func comingToListenWaitsForAChangeBeingCommitted() throws {
        let setting = try Setting()
        let unit = setting.district.a.unitID
        try setting.anna.link.run("BEGIN")
        try setting.anna.link.run("SELECT vp_announce($1, 'i arbete', $2)", [.text(setting.unitChannel), .text(unit)])

        let berit = try #require(try setting.district.open("berit") as? PostgresPlanCommands)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Void, Error>?
        DispatchQueue.global().async {
            outcome = Result { try PostgresChannels.listen(units: [unit], on: berit.link) { _, _ in } }
            done.signal()
        }
        let deadline = Date().addingTimeInterval(20)
        var waiting = false
        while !waiting && Date() < deadline {
            waiting = try setting.cluster.psql(database: setting.database, """
                SELECT count(*) FROM pg_stat_activity WHERE usename = 'berit' AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                """) == "1"
        }
        #expect(waiting, "berit's listening did not wait for the change being committed")
        #expect(done.wait(timeout: .now()) == .timedOut)
        try setting.anna.link.run("COMMIT")
        done.wait()
        try #require(outcome).get()
        // Counted from its commit on: Anna's next save is announced.
        try setting.save("Berit hör nu")
        #expect(try setting.carried() == [plan(setting.district)])
    }
}
