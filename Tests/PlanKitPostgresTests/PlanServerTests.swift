import Foundation
import GRDB
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The app's saving on PostgreSQL (`PostgresPlanServer`): the login's rights, a change saved on
/// the server with the app's copy brought to it, another session's change heard and read into
/// the copy, and the questions the app asks between keys answered while the connection is busy.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PlanServerTests {
    /// Anna, granted unit A, with everything she may read in a copy, and her server on it.
    static func anna(_ district: TwoUnitDistrict) throws -> (server: PostgresPlanServer, copy: PlanStore) {
        _ = try district.open("anna")
        let address = try #require(district.cluster).address(database: try #require(district.database), login: "anna")
        let copy = try PostgresSnapshot.everything(address).store
        return (try PostgresPlanServer(address: address, store: copy), copy)
    }

    @Test func writableUnitsAreTheLoginsGrants() throws {
        let district = try TwoUnitDistrict(.postgresql)
        #expect(try Self.anna(district).server.writableUnits == [district.a.unitID])
        let owner = try #require(district.cluster).address(database: try #require(district.database))
        let copy = try PostgresSnapshot.everything(owner).store
        #expect(try PostgresPlanServer(address: owner, store: copy).writableUnits == nil)
    }

    @Test func aChangeIsSavedOnTheServerAndTheCopyFollows() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy) = try Self.anna(district)
        let cecilia = try district.open("cecilia")
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)

        try server.change(district.a) { try $0.set(field, to: .text("Ny analys"), in: district.a, expectedRevision: nil) }
        let onServer = try cecilia.value(of: field, in: district.a)
        let inCopy = try copy.value(of: field, in: district.a)
        #expect(onServer.value == .text("Ny analys"))
        #expect(inCopy.value == onServer.value && inCopy.revision == onServer.revision)
        #expect(try copy.history(district.a).last?.login == "anna")

        // Cecilia saves meanwhile: Anna's save over the revision she saw is stale, and her copy
        // then shows Cecilia's text.
        try cecilia.set(field, to: .text("Cecilias analys"), in: district.a, expectedRevision: nil)
        let refusal = #expect(throws: PlanError.self) {
            try server.change(district.a) { try $0.set(field, to: .text("Min"), in: district.a, expectedRevision: inCopy.revision) }
        }
        guard case .staleRevision? = refusal else { Issue.record("not refused as stale: \(String(describing: refusal))"); return }
        #expect(try copy.value(of: field, in: district.a).value == .text("Cecilias analys"))
    }

    /// After each change only what it touched is read back: the copy's edit log and the changed
    /// fields' values and revisions are the server's after changes, undo, redo and a discarded
    /// redo chain, also when another session of the same login changed the plan in between.
    @Test func theCopyAgreesWithTheServerAfterChangesUndoAndRedo() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy) = try Self.anna(district)
        let elsewhere = try district.open("anna")
        let a = district.a
        let period = district.openPeriod
        let analysis = FieldRef.analysis(item: district.ownGoal, period: period)
        let rating = FieldRef.rating(item: district.ownGoal, period: period)
        let status = FieldRef.status(item: district.ownActivity, period: period)
        let section = FieldRef.sectionText(section: district.openSection, period: period)
        let followedUp = FieldRef.followedUp(item: district.followedUpItem)
        let title = FieldRef.itemText(item: district.ownGoal, field: .description)
        let fields = [analysis, rating, status, section, followedUp, title]
        let cluster = try #require(district.cluster)
        let database = try #require(district.database)
        let states = "SELECT id, coalesce(state, ''), coalesce(undo_order::text, '') FROM edit_log WHERE unit_id = '\(a.unitID)' ORDER BY id"
        func agree(_ step: String) throws {
            #expect(try copy.history(a) == (try elsewhere.history(a)), "edit log after \(step)")
            // The undo states, which the history leaves out, as psql prints them.
            let local = try copy.queue.read { db in
                try Row.fetchAll(db, sql: states.replacingOccurrences(of: "::text", with: "")).map { row in
                    "\(row[0] as Int64)|\(row[1] as String)|\((row[2] as DatabaseValue).storage.value.map { "\($0)" } ?? "")"
                }.joined(separator: "\n")
            }
            #expect(local == (try cluster.psql(database: database, states)), "undo states after \(step)")
            for field in fields {
                let (inCopy, onServer) = (try copy.value(of: field, in: a), try elsewhere.value(of: field, in: a))
                #expect(inCopy.value == onServer.value && inCopy.revision == onServer.revision, "\(field) after \(step)")
            }
        }
        // Values other than the ones there: a change to the same value logs nothing.
        let newRating: FieldValue = try elsewhere.value(of: rating, in: a).value == .rating(.fully) ? .rating(.partly) : .rating(.fully)
        let newStatus: FieldValue = try elsewhere.value(of: status, in: a).value == .status(.done) ? .status(.ongoing) : .status(.done)
        let recordsBefore = PlanCopyRefresh.changedRecords
        try server.change(a) { try $0.set(rating, to: newRating, in: a, expectedRevision: nil) }
        try agree("a rating")
        #expect(PlanCopyRefresh.changedRecords == recordsBefore + 1, "only the rating's record was read back")
        try server.change(a) { try $0.set(analysis, to: .text("Första"), in: a, expectedRevision: nil) }
        try server.change(a) { try $0.undo(in: a) }
        try agree("an undo")
        try server.change(a) { try $0.undo(in: a) }
        try server.change(a) { try $0.redo(in: a) }
        try agree("undo and redo")
        try elsewhere.set(section, to: .text("Från ett annat fönster"), in: a, expectedRevision: nil)
        try server.change(a) { try $0.set(status, to: newStatus, in: a, expectedRevision: nil) }
        try agree("a change that discards the redo chain, after one of another window")
        try server.change(a) { try $0.set(followedUp, to: .flag(!(try elsewhere.value(of: followedUp, in: a).value == .flag(true))), in: a, expectedRevision: nil) }
        try server.change(a) { try $0.set(title, to: .text("Ny beskrivning"), in: a, expectedRevision: nil) }
        try server.change(a) { try $0.undo(in: a) }
        try agree("followed up, an item's text and an undo")
    }

    @Test func anotherSessionsChangeIsReadIntoTheCopy() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, copy) = try Self.anna(district)
        let cecilia = try district.open("cecilia")
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        server.watch(district.a)
        // Watching a plan reads it again once: that is not another session's change yet.
        try Self.waitUntil { server.takeOthersChanged() }

        try cecilia.set(field, to: .text("Från Cecilia"), in: district.a, expectedRevision: nil)
        try Self.waitUntil { server.takeOthersChanged() }
        #expect(try copy.value(of: field, in: district.a).value == .text("Från Cecilia"))
    }

    @Test func questionsBetweenKeysAreAnsweredWhileTheConnectionIsBusy() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (server, _) = try Self.anna(district)
        let inChange = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? server.change(district.a) { _ in
                inChange.signal()
                release.wait()
            }
        }
        defer { release.signal() }
        inChange.wait()
        let answered = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.watch(district.b)
            _ = server.takeOthersChanged()
            _ = server.takeConnectionNews()
            _ = server.isLost
            answered.signal()
        }
        #expect(answered.wait(timeout: .now() + 20) == .success, "the app's questions waited for the connection")
    }

    /// Polls `condition` until it holds, for at most 45 s: a server restarted on a machine busy
    /// with the rest of the suite may take many seconds to be reached again.
    static func waitUntil(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(45)
        while try !condition() {
            guard Date() < deadline else { throw WaitedTooLong() }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    struct WaitedTooLong: Error {}
}
