import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Saving a field, the edit log, revisions and undo/redo per login: the same tests on the
/// SQLite file and on PostgreSQL. Serialized: the logins are roles of the cluster, shared by
/// the tests' databases.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct SavingOnBothStoresTests {
    @Test(arguments: Backend.allCases)
    func savedChangeIsLoggedWithItsOldAndNewValue(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let changes: [(FieldRef, FieldValue)] = [
            (.rating(item: district.ownGoal, period: district.openPeriod), .rating(.partly)),
            (.analysis(item: district.ownGoal, period: district.openPeriod), .text("Målet nåddes till hälften.")),
            (.itemText(item: district.ownGoal, field: .description), .text("En ny beskrivning")),
        ]
        for (field, value) in changes {
            let (before, revision) = try anna.value(of: field, in: district.a)
            #expect(try anna.set(field, to: value, in: district.a, expectedRevision: revision) == revision + 1)
            let (after, newRevision) = try anna.value(of: field, in: district.a)
            #expect(after == value)
            #expect(newRevision == revision + 1)
            let logged = try #require(try district.log(anna).last)
            #expect(logged.login == "anna")
            #expect(logged.action == .edit)
            #expect(logged.field == field)
            #expect(logged.oldValue == before)
            #expect(logged.newValue == value)
        }
        #expect(try district.log(anna).count == changes.count)
    }

    @Test(arguments: Backend.allCases)
    func changeAgainstAnOutdatedRevisionIsRefused(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let berit = try district.open("berit")
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let (_, revision) = try anna.value(of: field, in: district.a)
        try berit.set(field, to: .text("Berits analys"), in: district.a, expectedRevision: revision)
        #expect(throws: PlanError.staleRevision(expected: revision, actual: revision + 1)) {
            try anna.set(field, to: .text("Annas analys"), in: district.a, expectedRevision: revision)
        }
        #expect(try anna.value(of: field, in: district.a).value == .text("Berits analys"))
        #expect(try district.log(anna).map(\.login) == ["berit"])
    }

    @Test(arguments: Backend.allCases)
    func handedInPeriodIsRefused(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let refused = try Self.refusal(district, .rating(item: district.ownGoal, period: district.handedInPeriod), .rating(.not))
        #expect(refused as? YearError == .handedIn(district.handedInPeriod))
    }

    @Test(arguments: Backend.allCases)
    func inheritedItemsTextIsRefused(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let refused = try Self.refusal(district, .itemText(item: district.inheritedGoal, field: .description), .text("Kapad"))
        guard case .inherited(let item, _)? = refused as? PlanError else {
            Issue.record("not refused as inherited: \(String(describing: refused))")
            return
        }
        #expect(item == district.inheritedGoal)
    }

    /// The error of a change of A's plan as "anna", which must leave the field and the log as
    /// they were.
    static func refusal(_ district: TwoUnitDistrict, _ field: FieldRef, _ value: FieldValue) throws -> (any Error)? {
        let anna = try district.open("anna")
        let before = try anna.value(of: field, in: district.a)
        let refused = #expect(throws: (any Error).self) {
            try anna.set(field, to: value, in: district.a, expectedRevision: nil)
        }
        #expect(try anna.value(of: field, in: district.a) == before)
        #expect(try district.log(anna).isEmpty)
        return refused
    }

    @Test(arguments: Backend.allCases)
    func eachLoginUndoesAndRedoesItsOwnChanges(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let berit = try district.open("berit")
        let rating = FieldRef.rating(item: district.ownGoal, period: district.openPeriod)
        let analysis = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let ratingBefore = try anna.value(of: rating, in: district.a).value
        let analysisBefore = try anna.value(of: analysis, in: district.a).value
        try anna.set(rating, to: .rating(.not), in: district.a, expectedRevision: nil)
        try berit.set(analysis, to: .text("Berits analys"), in: district.a, expectedRevision: nil)

        // Anna's undo takes back her rating, not Berit's later analysis.
        #expect(try anna.undo(in: district.a) == rating)
        #expect(try anna.value(of: rating, in: district.a).value == ratingBefore)
        #expect(try anna.value(of: analysis, in: district.a).value == .text("Berits analys"))
        #expect(throws: PlanError.nothingToUndo) { try anna.undo(in: district.a) }

        // Berit's undo and redo are her own.
        #expect(try berit.undo(in: district.a) == analysis)
        #expect(try berit.value(of: analysis, in: district.a).value == analysisBefore)
        #expect(try anna.redo(in: district.a) == rating)
        #expect(try anna.value(of: rating, in: district.a).value == .rating(.not))
        #expect(throws: PlanError.nothingToRedo) { try anna.redo(in: district.a) }
        #expect(try berit.redo(in: district.a) == analysis)
        #expect(try berit.value(of: analysis, in: district.a).value == .text("Berits analys"))

        let log = try district.log(anna)
        #expect(log.map(\.action) == [.edit, .edit, .undo, .undo, .redo, .redo])
        #expect(log.map(\.login) == ["anna", "berit", "anna", "berit", "anna", "berit"])
    }

    /// Two sessions saving the same field at once, each against the revision it read: every
    /// save either wins or is refused as stale, and the log's chain of old and new values has
    /// no gap (a lost write would leave two entries with the same old value).
    @Test(arguments: Backend.allCases)
    func concurrentSavesOfOneFieldLoseNoWrite(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        // Each session is used by one thread only.
        nonisolated(unsafe) let sessions = [try district.open("anna"), try district.open("berit")]
        let field = FieldRef.analysis(item: district.ownGoal, period: district.openPeriod)
        let (start, startRevision) = try sessions[0].value(of: field, in: district.a)
        let saves = 60
        let wins = Counter()
        let stale = Counter()
        DispatchQueue.concurrentPerform(iterations: sessions.count) { index in
            let session = sessions[index]
            for number in 0..<saves {
                do {
                    let revision = try session.value(of: field, in: district.a).revision
                    try session.set(field, to: .text("\(session.login) \(number)"), in: district.a, expectedRevision: revision)
                    wins.add()
                } catch PlanError.staleRevision {
                    stale.add()
                } catch {
                    Issue.record("unexpected: \(error)")
                }
            }
        }
        #expect(wins.value + stale.value == saves * sessions.count)
        let log = try district.log(sessions[0]).filter { $0.field == field }
        #expect(log.count == wins.value)
        var expected = start
        for entry in log {
            #expect(entry.oldValue == expected)
            expected = entry.newValue
        }
        let (final, finalRevision) = try sessions[0].value(of: field, in: district.a)
        #expect(final == expected)
        #expect(finalRevision == startRevision + wins.value)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
