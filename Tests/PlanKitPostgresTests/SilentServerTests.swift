import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// A server that goes silent without closing anything (a network cable pulled, a host frozen):
/// the app's server notices within seconds, not when a save waits out the statement deadline.
/// A suite of its own, for its own cluster: the server is frozen with SIGSTOP here, which would
/// stop every other test on a shared one.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct SilentServerTests {
    @Test func aSilentServerIsNoticedWithinSecondsAndASaveThenReturnsAtOnce() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, _) = try PlanServerTests.anna(district)
        let cluster = try #require(district.cluster)
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        try server.change(district.a) { try $0.set(field, to: .text("Före"), in: district.a, expectedRevision: nil) }

        try cluster.pauseServer()
        var resumed = false
        defer { if !resumed { try? cluster.resumeServer() } }
        let paused = Date()
        // A save sent to the silent server: it must not wait for the two-minute deadline.
        let saveReturned = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? server.change(district.a) { try $0.set(field, to: .text("Under"), in: district.a, expectedRevision: nil) }
            saveReturned.signal()
        }
        try Self.waitUntil(seconds: 10, "the lost connection told") { server.takeConnectionNews() == .lost }
        #expect(server.isLost)
        #expect(saveReturned.wait(timeout: .now() + 3) == .success, "the save waited for the silent server")
        #expect(Date().timeIntervalSince(paused) < 10)

        // Known lost: a save is refused at once.
        let started = Date()
        #expect(throws: PostgresStoreError.self) {
            try server.change(district.a) { try $0.set(field, to: .text("Efter"), in: district.a, expectedRevision: nil) }
        }
        #expect(Date().timeIntervalSince(started) < 1)

        try cluster.resumeServer()
        resumed = true
        try Self.waitUntil(seconds: 30, "the connection back") { server.takeConnectionNews() == .back }
        try server.change(district.a) { try $0.set(field, to: .text("Tillbaka"), in: district.a, expectedRevision: nil) }
        #expect(try district.open("cecilia").value(of: field, in: district.a).value == .text("Tillbaka"))
    }

    /// Polls `condition` until it holds, for at most `seconds`.
    static func waitUntil(seconds: TimeInterval, _ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < deadline else {
                Issue.record("not within \(Int(seconds)) s: \(what)")
                throw PlanServerTests.WaitedTooLong()
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}
