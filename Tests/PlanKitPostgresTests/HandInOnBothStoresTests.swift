import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// Handing a period's report in, on the SQLite file and on PostgreSQL alike: refused while
/// anything is missing and when it is handed in already; recorded with the report as it was,
/// and logged; the period then refuses changes.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct HandInOnBothStoresTests {
    func open(_ district: TwoUnitDistrict, _ login: String) throws -> any FieldSaving {
        try district.open(login)
    }

    func reader(_ district: TwoUnitDistrict) throws -> PlanStore {
        try district.reader()
    }

    func complete(_ district: TwoUnitDistrict, _ store: any FieldSaving, period: ReportPeriod) throws {
        try district.complete(store, period: period)
    }

    @Test(arguments: Backend.allCases)
    func aCompleteReportIsHandedInWithItsContentAndLogged(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let period = district.openPeriod
        let gaps = Completeness.gaps(in: try reader(district).loadPlan(district.a), period: period)
        try #require(!gaps.isEmpty, "the generated plan is complete already: the refusal is not tested")
        #expect(throws: YearError.incomplete(period, gaps: gaps)) { try anna.submit(district.a, period: period) }

        try complete(district, anna, period: period)
        let handIn = try anna.submit(district.a, period: period)
        #expect(handIn.login == "anna")
        #expect(handIn.period == period)
        let reader = try reader(district)
        #expect(try reader.handIn(district.a, period: period)?.content == handIn.content)
        #expect(handIn.content == ReportBuilder(plan: try reader.loadPlan(district.a), period: period).build())
        let entry = try #require(try district.log(anna).last)
        #expect(entry.action == .submit)
        #expect(entry.note == period.rawValue)

        #expect(throws: YearError.self) { try anna.submit(district.a, period: period) }
        #expect(throws: YearError.handedIn(period)) {
            try anna.set(.analysis(item: district.ownGoal, period: period), to: .text("Efteråt"), in: district.a, expectedRevision: nil)
        }
    }

    /// The hand-in made before is found (on the server, in the transaction's own snapshot).
    @Test(arguments: Backend.allCases)
    func aHandedInPeriodIsRefused(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let before = try district.log(anna)
        #expect(throws: YearError.alreadySubmitted(district.handedInPeriod, by: "generator", at: "2025-01-01")) {
            try anna.submit(district.a, period: district.handedInPeriod)
        }
        #expect(try district.log(anna) == before)
    }

    /// A handed-in report opened again with a reason takes changes, and the reason is logged.
    @Test(arguments: Backend.allCases)
    func aReopenedReportTakesChanges(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try open(district, "anna")
        let period = district.handedInPeriod
        let field = FieldRef.analysis(item: district.ownGoal, period: period)
        #expect(throws: YearError.handedIn(period)) { try anna.set(field, to: .text("Rättat"), in: district.a, expectedRevision: nil) }
        #expect(throws: YearError.reopenNeedsReason) { try anna.reopen(district.a, period: period, reason: "  ") }
        try anna.reopen(district.a, period: period, reason: "Fel utfall")
        let entry = try #require(try district.log(anna).last)
        #expect(entry.action == .reopen)
        #expect(entry.note == "\(period.rawValue): Fel utfall")
        try anna.set(field, to: .text("Rättat"), in: district.a, expectedRevision: nil)
        #expect(try anna.value(of: field, in: district.a).value == .text("Rättat"))
        #expect(throws: YearError.notSubmitted(period)) { try anna.reopen(district.a, period: period, reason: "Igen") }
    }

    /// On the server, a login may not hand in the report of a unit it was not granted.
    @Test func anotherUnitsReportIsRefusedOnTheServer() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let anna = try open(district, "anna")
        #expect(throws: PostgresCommandError.notAllowed(login: "anna", unit: district.b.unitID, year: district.b.year)) {
            try anna.submit(district.b, period: district.openPeriod)
        }
    }

    /// Two hand-ins of one report at once: the later one waits for the earlier on the plan's
    /// row, reads the plan after it, and finds the report handed in.
    @Test func aHandInMadeMeanwhileIsFound() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let (cluster, database) = (try #require(district.cluster), try #require(district.database))
        let anna = try #require(try district.open("anna") as? PostgresPlanCommands)
        let period = district.openPeriod
        try complete(district, anna, period: period)
        let owner = try PostgresDatabase.open(try cluster.address(database: database))
        let plan: [PostgresValue] = [.text(district.a.unitID), .integer(Int64(district.a.year))]
        try owner.run("BEGIN")
        try owner.run("UPDATE plan SET periods = periods WHERE unit_id = $1 AND year = $2", plan)

        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<HandIn, Error>?
        DispatchQueue.global().async {
            outcome = Result { try anna.submit(district.a, period: period) }
            done.signal()
        }
        // Anna's hand-in waits for the owner's lock on the plan's row.
        let deadline = Date().addingTimeInterval(20)
        var waiting = false
        while !waiting && Date() < deadline {
            waiting = try cluster.psql(database: database, """
                SELECT count(*) FROM pg_stat_activity WHERE usename = 'anna' AND wait_event_type = 'Lock'
                """) == "1"
        }
        #expect(waiting, "anna's hand-in did not wait for the plan's row")
        try owner.run("INSERT INTO hand_in (unit_id, year, period, login, at, content) VALUES ($1, $2, $3, 'berit', '2025-06-01', '[]')",
                      plan + [.text(period.rawValue)])
        try owner.run("COMMIT")
        done.wait()

        #expect(throws: YearError.alreadySubmitted(period, by: "berit", at: "2025-06-01")) { try outcome?.get() }
        #expect(try cluster.psql(database: database, """
            SELECT count(*) FROM hand_in WHERE unit_id = '\(district.a.unitID)' AND period = '\(period.rawValue)'
            """) == "1")
    }
}
