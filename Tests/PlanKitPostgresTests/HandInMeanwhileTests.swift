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

    /// The changes made in a transaction of their own snapshot (PlanKit's commands over the
    /// link), and the period whose hand-in closes each.
    enum Command: String, CaseIterable {
        case addActivity, addUnitGoal, deleteItem, addIndicator, setIndicator, setActivityDates, addSection, undoAnItem

        func run(_ anna: PostgresPlanCommands, _ district: TwoUnitDistrict) throws {
            let (plan, year) = (district.a, district.a.year)
            switch self {
            case .addActivity: try anna.addActivity(title: "Tillagd under inlämningen", under: district.ownGoal, in: plan)
            case .addUnitGoal:
                let boardGoal = try #require(try district.reader().loadPlan(plan).walk().first { $0.author == .board && $0.kind == .goal })
                try anna.addUnitGoal(title: "Ett mål under inlämningen", under: boardGoal.id, in: plan)
            case .deleteItem: try anna.deleteItem(district.ownActivity, in: plan)
            case .addIndicator:
                try anna.addIndicator(name: "Nöjda besökare", under: district.ownGoal, target: "80", targetKind: .number, measureUnit: "%",
                                      periodicity: .year, direction: .higherIsBetter, in: plan)
            case .setIndicator:
                try anna.setIndicator(district.ownIndicator, target: "95", targetKind: .number, measureUnit: "%", periodicity: .year,
                                      direction: .higherIsBetter, in: plan)
            case .setActivityDates: try anna.setActivityDates(start: "\(year)-03-01", end: "\(year)-05-31", activity: district.ownActivity, in: plan)
            case .addSection: try anna.addSection(title: "Under inlämningen", period: district.openPeriod, in: plan)
            case .undoAnItem: try anna.undo(in: plan)
            }
        }

        func period(_ district: TwoUnitDistrict) -> ReportPeriod { self == .addSection ? district.openPeriod : .vp }
    }

    /// Such a change waits for a hand-in that holds the plan's row, is then refused by
    /// PostgreSQL (its snapshot is older than the hand-in), and tried again and refused as handed in.
    @Test(arguments: Command.allCases)
    func aChangeMadeWhileAHandInIsInProgressIsRefused(_ command: Command) throws {
        let setting = try Setting()
        let (district, anna) = (setting.district, setting.anna)
        if command == .undoAnItem { try anna.addActivity(title: "Att ångra", under: district.ownGoal, in: district.a) }
        func held() throws -> ([PlanItem], [ReportPeriod: [Section]]) {
            let plan = try district.reader().loadPlan(district.a)
            return (plan.walk(), plan.sections)
        }
        let before = try held()
        let entries = try setting.annasEntries()
        let (committed, waited) = try setting.handInWhenAnnaWaits(command.period(district))

        #expect(throws: YearError.handedIn(command.period(district))) { try command.run(anna, district) }
        committed.wait()
        #expect(waited(), "anna's change did not wait for the plan's row")
        #expect(try held() == before)
        #expect(try setting.annasEntries() == entries)
    }

    /// A save that holds the plan's row when the hand-in comes (its write, here the owner's
    /// transaction doing what the write does) commits first, and the hand-in, which waited for
    /// it, reads the plan after it: the saved text is in the report.
    @Test func aSaveTheHandInWaitedForIsInTheReport() throws {
        let setting = try Setting()
        let (district, anna, owner) = (setting.district, setting.anna, setting.owner)
        let period = district.openPeriod
        try district.complete(anna, period: period)
        let plan: [PostgresValue] = [.text(district.a.unitID), .integer(Int64(district.a.year))]
        try owner.run("BEGIN")
        try owner.run("SELECT 1 FROM plan WHERE unit_id = $1 AND year = $2 FOR SHARE", plan)
        try owner.run("UPDATE follow_up SET analysis = 'Sparat medan inlämningen väntade', revision = revision + 1 "
                      + "WHERE unit_id = $1 AND year = $2 AND item_id = $3 AND period = $4",
                      plan + [.text(district.ownGoal), .text(period.rawValue)])

        let berit = try #require(setting.berit as? PostgresPlanCommands)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<HandIn, Error>?
        DispatchQueue.global().async {
            outcome = Result { try berit.submit(district.a, period: period) }
            done.signal()
        }
        let deadline = Date().addingTimeInterval(20)
        var waiting = false
        while !waiting && Date() < deadline {
            waiting = try setting.cluster.psql(database: setting.database, """
                SELECT count(*) FROM pg_stat_activity WHERE usename = 'berit' AND wait_event_type = 'Lock'
                """) == "1"
        }
        #expect(waiting, "berit's hand-in did not wait for the plan's row")
        try owner.run("COMMIT")
        done.wait()

        let handIn = try #require(try outcome?.get())
        let inReport = String(describing: handIn.content).contains("Sparat medan inlämningen väntade")
        #expect(inReport, "the save the hand-in waited for is not in the report")
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
        let inReport = String(describing: handIn.content).contains("Sparat före inlämningen")
        #expect(inReport, "the save is not in the report")
        #expect(try anna.value(of: field, in: district.a).value == .text("Sparat före inlämningen"))
    }
}
