import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Every change on PostgreSQL tells the other sessions which plan changed, on the channel
/// `vp_tui_changes` with the payload `UNIT/YEAR`: a saved field, an undo and a redo.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct ChangeNotificationTests {
    @Test func aSaveAnUndoAndARedoAreEachHeardByAnotherSession() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try #require(try district.open("anna") as? PostgresPlanCommands)
        let berit = try #require(try district.open("berit") as? PostgresPlanCommands)
        let heard = Heard()
        berit.link.listen(PostgresPlanCommands.channel) { payload, _ in heard.add(payload) }
        // Berit hears her own notification once her LISTEN is in place.
        try berit.link.run("SELECT pg_notify($1, 'lyssnar')", [.text(PostgresPlanCommands.channel)])
        try Self.waitUntil { heard.payloads == ["lyssnar"] }

        let plan = "\(district.a.unitID)/\(district.a.year)"
        try anna.set(.analysis(item: district.ownGoal, period: district.openPeriod), to: .text("Hörs det?"), in: district.a,
                     expectedRevision: nil)
        try Self.waitUntil { heard.payloads.count == 2 }
        try anna.undo(in: district.a)
        try Self.waitUntil { heard.payloads.count == 3 }
        try anna.redo(in: district.a)
        try Self.waitUntil { heard.payloads.count == 4 }
        #expect(heard.payloads == ["lyssnar", plan, plan, plan])
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
