import Foundation
import PlanKit
@testable import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// A hand-in committed while a change is under way on the server: the change never lands in the
/// handed-in report. A field's save (and an undo) is read, then the hand-in commits, then the
/// save writes: it is refused as handed in, with nothing written or logged. A hand-in still in
/// progress makes the write wait for it, with the same end. A change saved before the hand-in
/// is in the report.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct HandInMeanwhileTests {
    struct Setting {
        let district: TwoUnitDistrict
        let cluster: ThrowawayCluster
        let database: String
        let anna: PostgresPlanCommands
        let berit: any FieldSaving
        let owner: PostgresLink

        init() throws {
            district = try TwoUnitDistrict(.postgresql)
            cluster = try #require(district.cluster)
            database = try #require(district.database)
            anna = try #require(try district.open("anna") as? PostgresPlanCommands)
            berit = try district.open("berit")
            owner = try PostgresDatabase.open(try cluster.address(database: database))
        }

        /// Anna's edit entries in A's log.
        func annasEntries() throws -> [EditLogEntry] {
            try district.log(anna).filter { $0.login == "anna" }
        }

        /// Begins a hand-in of the period as `PostgresPlanCommands.submit` writes it (the plan's
        /// row first), as the owner, and commits it once anna waits for a lock; whether she did.
        func handInWhenAnnaWaits(_ period: ReportPeriod) throws -> (DispatchSemaphore, () -> Bool) {
            let plan: [PostgresValue] = [.text(district.a.unitID), .integer(Int64(district.a.year))]
            try owner.run("BEGIN")
            try owner.run("UPDATE plan SET periods = periods WHERE unit_id = $1 AND year = $2", plan)
            try owner.run("INSERT INTO hand_in (unit_id, year, period, login, at, content) VALUES ($1, $2, $3, 'berit', '2025-06-01', '[]')",
                          plan + [.text(period.rawValue)])
            let committed = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var waited = false
            DispatchQueue.global().async { [cluster, database, owner] in
                let deadline = Date().addingTimeInterval(20)
                while !waited && Date() < deadline {
                    waited = (try? cluster.psql(database: database, """
                        SELECT count(*) FROM pg_stat_activity WHERE usename = 'anna' AND wait_event_type = 'Lock'
                        """)) == "1"
                }
                _ = try? owner.run("COMMIT")
                committed.signal()
            }
            return (committed, { waited })
        }
    }

    @Test func aHandInBetweenASavesReadAndWriteRefusesTheSave() throws {
        let setting = try Setting()
        let (district, anna) = (setting.district, setting.anna)
        let period = district.openPeriod
        try district.complete(anna, period: period)
        // A follow-up's field: the write inserts or updates the period's row.
        let field = FieldRef.analysis(item: district.ownGoal, period: period)
        let before = try anna.value(of: field, in: district.a)
        let entries = try setting.annasEntries()
        let retries = anna.retries
        anna.afterReading = {
            anna.afterReading = nil
            try setting.berit.submit(district.a, period: period)
        }

        #expect(throws: YearError.handedIn(period)) {
            try anna.set(field, to: .text("Skrivet efter inlämningen"), in: district.a, expectedRevision: nil)
        }
        #expect(anna.afterReading == nil, "the hand-in was not made between the read and the write")
        #expect(anna.retries == retries + 1)
        #expect(try anna.value(of: field, in: district.a) == before)
        #expect(try setting.annasEntries() == entries)
        let handIn = try #require(try district.reader().handIn(district.a, period: period))
        #expect(handIn.login == "berit")
    }

    /// The write waits for a hand-in that holds the plan's row and is then judged on what it committed.
    @Test func aHandInInProgressMakesTheWriteWaitAndRefusesTheSave() throws {
        let setting = try Setting()
        let (district, anna) = (setting.district, setting.anna)
        // An item's own field: the write updates the item's row.
        let field = FieldRef.itemText(item: district.ownGoal, field: .description)
        let before = try anna.value(of: field, in: district.a)
        let entries = try setting.annasEntries()
        var handIn: (committed: DispatchSemaphore, waited: () -> Bool)?
        anna.afterReading = {
            anna.afterReading = nil
            handIn = try setting.handInWhenAnnaWaits(.vp)
        }

        #expect(throws: YearError.handedIn(.vp)) {
            try anna.set(field, to: .text("En beskrivning under inlämningen"), in: district.a, expectedRevision: nil)
        }
        let (committed, waited) = try #require(handIn)
        committed.wait()
        #expect(waited(), "anna's write did not wait for the plan's row")
        #expect(try anna.value(of: field, in: district.a) == before)
        #expect(try setting.annasEntries() == entries)
    }

    @Test func anUndoBetweenItsReadAndWriteOfAHandInIsRefused() throws {
        let setting = try Setting()
        let (district, anna) = (setting.district, setting.anna)
        let period = district.openPeriod
        try district.complete(anna, period: period)
        let field = FieldRef.analysis(item: district.ownGoal, period: period)
        try anna.set(field, to: .text("Ett bättre svar"), in: district.a, expectedRevision: nil)
        let entries = try setting.annasEntries()
        anna.afterReading = {
            anna.afterReading = nil
            try setting.berit.submit(district.a, period: period)
        }

        #expect(throws: YearError.handedIn(period)) { try anna.undo(in: district.a) }
        #expect(anna.afterReading == nil, "the hand-in was not made between the undo's read and write")
        #expect(try anna.value(of: field, in: district.a).value == .text("Ett bättre svar"))
        #expect(try setting.annasEntries() == entries)
    }

    /// A whole item's command (in a transaction of its own snapshot) waits for the hand-in on the
    /// plan's row, and is tried again on a snapshot that holds it.
    @Test func anItemAddedWhileAHandInIsInProgressIsRefused() throws {
        let setting = try Setting()
        let (district, anna) = (setting.district, setting.anna)
        let items = try district.reader().loadPlan(district.a).walk().count
        let entries = try setting.annasEntries()
        let (committed, waited) = try setting.handInWhenAnnaWaits(.vp)

        #expect(throws: YearError.handedIn(.vp)) {
            try anna.addActivity(title: "Tillagd under inlämningen", under: district.ownGoal, in: district.a)
        }
        committed.wait()
        #expect(waited(), "anna's command did not wait for the plan's row")
        #expect(try district.reader().loadPlan(district.a).walk().count == items)
        #expect(try setting.annasEntries() == entries)
    }

    /// The other order: a save committed before the hand-in is in the report handed in.
    @Test func aSaveBeforeTheHandInIsInTheReport() throws {
        let setting = try Setting()
        let (district, anna) = (setting.district, setting.anna)
        let period = district.openPeriod
        try district.complete(anna, period: period)
        let field = FieldRef.analysis(item: district.ownGoal, period: period)
        try anna.set(field, to: .text("Sparat före inlämningen"), in: district.a, expectedRevision: nil)

        let handIn = try setting.berit.submit(district.a, period: period)
        #expect(String(describing: handIn.content).contains("Sparat före inlämningen"))
        #expect(try anna.value(of: field, in: district.a).value == .text("Sparat före inlämningen"))
    }
}
