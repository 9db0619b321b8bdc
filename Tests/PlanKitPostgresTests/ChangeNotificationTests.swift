import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Every change on PostgreSQL tells the other sessions which plan changed, on its unit's channel
/// and on the channel of every plan, with the payload `UNIT/YEAR`: a saved field, an undo and a
/// redo. A session listening to another unit hears none of it. (Each of these listens as the app
/// does, saying so to the server; `AnnouncedWhenHeardTests` shows what is announced when none does.)
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct ChangeNotificationTests {
    @Test func aSaveAnUndoAndARedoAreEachHeardByAnotherSession() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try #require(try district.open("anna") as? PostgresPlanCommands)
        let berit = try #require(try district.open("berit") as? PostgresPlanCommands)
        let heard = Heard(), everyPlan = Heard(), otherUnit = Heard()
        let channel = PostgresChannels.unit(district.a.unitID)
        try PostgresChannels.listen(units: [district.a.unitID], on: berit.link) { payload, _ in heard.add(payload) }
        let owner = try PostgresDatabase.open(try #require(district.cluster).address(database: try #require(district.database)))
        try PostgresChannels.listen(units: nil, on: owner) { payload, _ in everyPlan.add(payload) }
        owner.listen(PostgresChannels.unit(district.b.unitID)) { payload, _ in otherUnit.add(payload) }
        #expect(PostgresChannels.unit(district.b.unitID) != channel)
        // Each hears its own notification once its LISTEN is in place.
        try berit.link.run("SELECT pg_notify($1, 'lyssnar')", [.text(channel)])
        try owner.run("SELECT pg_notify($1, 'lyssnar'), pg_notify($2, 'lyssnar')",
                      [.text(PostgresChannels.all), .text(PostgresChannels.unit(district.b.unitID))])
        try Self.waitUntil { heard.payloads == ["lyssnar"] && everyPlan.payloads == ["lyssnar"] && otherUnit.payloads == ["lyssnar"] }

        let plan = "\(district.a.unitID)/\(district.a.year)"
        try anna.set(.analysis(item: district.ownGoal, period: district.openPeriod), to: .text("Hörs det?"), in: district.a,
                     expectedRevision: nil)
        try Self.waitUntil { heard.payloads.count == 2 }
        try anna.undo(in: district.a)
        try Self.waitUntil { heard.payloads.count == 3 }
        try anna.redo(in: district.a)
        try Self.waitUntil { heard.payloads.count == 4 && everyPlan.payloads.count == 4 }
        #expect(heard.payloads == ["lyssnar", plan, plan, plan])
        #expect(everyPlan.payloads == ["lyssnar", plan, plan, plan])
        // B's channel heard nothing of A's changes, which came before this last word.
        try owner.run("SELECT pg_notify($1, 'sist')", [.text(PostgresChannels.unit(district.b.unitID))])
        try Self.waitUntil { otherUnit.payloads.last == "sist" }
        #expect(otherUnit.payloads == ["lyssnar", "sist"])
    }

    static func waitUntil(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while try !condition() {
            guard Date() < deadline else { throw WaitedTooLong() }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    struct WaitedTooLong: Error {}
}

final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var heard: [String] = []
    var payloads: [String] { lock.withLock { heard } }
    func add(_ payload: String) { lock.withLock { heard.append(payload) } }
}
