import Foundation
import GRDB
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The sample district with the board's cascade of 2022, in a store of the backend's kind: on
/// PostgreSQL copied from a SQLite file with `vp-tui copy`'s code, Resursenheten granted to
/// "anna" and "berit" to write and the whole board to "rita" to read.
struct SampleYearDistrict {
    static let unit = "resursenheten"
    static let lastYear = PlanRef(unitID: unit, year: 2021)
    static let next = PlanRef(unitID: unit, year: 2022)

    let sqlitePath: String
    let cluster: ThrowawayCluster?
    let database: String?

    init(_ backend: Backend) throws {
        let folder = TemporaryFolders.make("vp-tui-year")
        sqlitePath = folder.appendingPathComponent("plan.sqlite").path
        let store = try PlanStore(path: sqlitePath, login: "generator")
        try BundledSamples.load(into: store)
        try store.importRecords(try NextYearCascade.make(from: store), name: "nämnden 2022")
        guard backend == .postgresql else {
            cluster = nil
            database = nil
            return
        }
        let cluster = try ThrowawayPostgres.cluster()
        let database = try cluster.copy(ofSQLite: sqlitePath)
        let link = try PostgresDatabase.open(try cluster.address(database: database))
        for login in ["anna", "berit"] {
            _ = try PostgresRights.grant(AccessGrant(login: login, scope: .unit, target: Self.unit, kind: .write), on: link)
        }
        _ = try PostgresRights.grant(AccessGrant(login: "rita", scope: .board, target: "hagersten-alvsjo", kind: .read), on: link)
        self.cluster = cluster
        self.database = database
    }

    func open(_ login: String) throws -> any FieldSaving {
        guard let cluster, let database else { return try PlanStore(path: sqlitePath, login: login) }
        return try PostgresPlanCommands(address: try cluster.address(database: database, login: login))
    }

    /// A plan as the store holds it now, read as its owner would.
    func reader(_ plan: PlanRef) throws -> PlanStore {
        guard let cluster, let database else { return try PlanStore(path: sqlitePath, login: "reader") }
        return try PostgresSnapshot.plan(try cluster.address(database: database), unit: plan.unitID, year: plan.year).0
    }

    /// The plan's edit log without the import's entries.
    func log(_ store: any FieldSaving, _ plan: PlanRef = next) throws -> [EditLogEntry] {
        try store.history(plan).filter { $0.login != "generator" }
    }

    /// One number from the database as its owner (PostgreSQL only).
    func count(_ sql: String) throws -> String {
        try #require(cluster).psql(database: try #require(database), sql)
    }
}

/// Starting a follow-up period and next year's plan, and placing or letting go of what the
/// year carried over, on the SQLite file and on PostgreSQL alike; on the server also a login
/// that may only read the unit, and two sessions starting one period at once.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct YearStartOnBothStoresTests {
    let next = SampleYearDistrict.next
    let unit = SampleYearDistrict.unit

    @Test(arguments: Backend.allCases)
    func nextYearStartsWithWhatCarriesOver(_ backend: Backend) throws {
        let district = try SampleYearDistrict(backend)
        let anna = try district.open("anna")
        let started = try anna.startYear(unit: unit, year: 2022, from: nil)
        #expect(started.fromYear == 2021)
        let entries = Dictionary(uniqueKeysWithValues: started.entries.map { ($0.sourceID, $0) })
        #expect(entries["re-2021-em-02"]?.outcome == .placed)
        #expect(entries["re-2021-em-02"]?.placedUnder == "ha-2022-nm-04")
        #expect(entries["re-2021-em-04"]?.outcome == .placedByCloseWording)
        #expect(entries["re-2021-em-05"]?.outcome == .needsPlacing)
        #expect(started.entries.filter(\.needsDecision).map(\.sourceID) == ["re-2021-em-04", "re-2021-em-05"])

        let reader = try district.reader(next)
        let plan = try reader.loadPlan(next)
        #expect(plan.periods == [.vp])
        #expect(plan.sections(in: .vp).map(\.id) == SectionTemplate.entries(for: .vp).map(\.id))
        let placedID = try #require(entries["re-2021-em-02"]?.placedID)
        let placed = try #require(plan.items[placedID])
        #expect(placed.parentID == "ha-2022-nm-04")
        #expect(placed.title == (try district.reader(SampleYearDistrict.lastYear).loadPlan(SampleYearDistrict.lastYear)).items["re-2021-em-02"]?.title(in: .vb))
        #expect(plan.notFollowedUp.count > 0)
        #expect(try reader.carryOver(next) == started.entries)
        let entry = try #require(try district.log(anna).last)
        #expect(entry.action == .start && entry.note == "vp från 2021" && entry.login == "anna")

        #expect(throws: YearError.periodExists(.vp, year: 2022)) { try anna.startYear(unit: unit, year: 2022, from: nil) }
        #expect(try district.log(anna).count == 1)
    }

    @Test(arguments: Backend.allCases)
    func aYearWithoutCascadeOrPlanToStartFromIsRefused(_ backend: Backend) throws {
        let district = try SampleYearDistrict(backend)
        let anna = try district.open("anna")
        #expect(throws: YearError.noCascade(board: "Hägersten-Älvsjö stadsdelsnämnd", year: 2023)) {
            try anna.startYear(unit: unit, year: 2023, from: 2021)
        }
        #expect(throws: YearError.nothingToStartFrom(unit: unit, year: 2019)) { try anna.startYear(unit: unit, year: 2022, from: 2019) }
        #expect(throws: PlanError.noPlan(unit: unit, year: 2022)) { try district.reader(next).loadPlan(next) }
        #expect(try district.log(anna).isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func aPeriodStartsWithItsSectionsAndIsLogged(_ backend: Backend) throws {
        let district = try SampleYearDistrict(backend)
        let anna = try district.open("anna")
        try anna.startYear(unit: unit, year: 2022, from: nil)
        let started = try anna.startPeriod(.t2, in: next)
        #expect(started.startsFrom == .vp)
        #expect(started.sections == SectionTemplate.emptySections(for: .t2).map(\.id))
        let plan = try district.reader(next).loadPlan(next)
        #expect(plan.periods == [.vp, .t2])
        #expect(plan.sections(in: .t2).map(\.id) == started.sections)
        let entry = try #require(try district.log(anna).last)
        #expect(entry.action == .start && entry.note == "t2 från vp")

        #expect(throws: YearError.periodExists(.t2, year: 2022)) { try anna.startPeriod(.t2, in: next) }
        #expect(throws: YearError.periodExists(.vp, year: 2022)) { try anna.startPeriod(.vp, in: next) }
        #expect(try district.log(anna).count == 2)
    }

    @Test(arguments: Backend.allCases)
    func carriedItemsArePlacedAndConfirmed(_ backend: Backend) throws {
        let district = try SampleYearDistrict(backend)
        let anna = try district.open("anna")
        try anna.startYear(unit: unit, year: 2022, from: nil)
        #expect(throws: YearError.unknownPlacement("ha-2021-nm-03")) {
            try anna.placeCarriedItem("re-2021-em-05", under: "ha-2021-nm-03", in: next)
        }
        let decided = try anna.placeCarriedItem("re-2021-em-05", under: "ha-2022-nm-03", in: next)
        #expect(decided.outcome == .placed && decided.decided)
        try anna.placeCarriedItem("re-2021-em-04", under: nil, in: next)
        let reader = try district.reader(next)
        #expect(try reader.carryOver(next).filter(\.needsDecision).isEmpty)
        let movedID = try #require(decided.placedID)
        let moved = try #require(try reader.loadPlan(next).items[movedID])
        #expect(moved.parentID == "ha-2022-nm-03")
        #expect(moved.title == (try district.reader(SampleYearDistrict.lastYear).loadPlan(SampleYearDistrict.lastYear)).items["re-2021-em-05"]?.title(in: .vb))
        #expect(try district.log(anna).suffix(2).map(\.note) == ["placerad re-2021-em-05", "placerad re-2021-em-04"])
        #expect(throws: YearError.unknownPlacement("re-2021-em-05")) { try anna.placeCarriedItem("re-2021-em-05", under: nil, in: next) }
    }

    @Test(arguments: Backend.allCases)
    func aCarriedItemIsLetGo(_ backend: Backend) throws {
        let district = try SampleYearDistrict(backend)
        let anna = try district.open("anna")
        try anna.startYear(unit: unit, year: 2022, from: nil)
        try anna.dropCarriedItem("re-2021-em-05", in: next)
        let entry = try #require(try district.reader(next).carryOver(next).first { $0.sourceID == "re-2021-em-05" })
        #expect(entry.outcome == .dropped && entry.decided)
        #expect(try district.log(anna).last?.note == "släppt re-2021-em-05")
        #expect(throws: PlanError.unknownItem("re-2021-em-05")) { try anna.dropCarriedItem("re-2021-em-05", in: next) }
        #expect(throws: PlanError.unknownItem("re-2021-em-04")) { try anna.dropCarriedItem("re-2021-em-04", in: next) }
    }

    /// A login that may read the unit but not change it is refused in Swedish, and nothing is
    /// written; PostgreSQL's own text is never shown.
    @Test func aReaderMayNotStartOrPlace() throws {
        let district = try SampleYearDistrict(.postgresql)
        let rita = try district.open("rita")
        let refusal = { (year: Int) in PostgresCommandError.notAllowed(login: "rita", unit: self.unit, year: year) }
        #expect(throws: refusal(2022)) { try rita.startYear(unit: unit, year: 2022, from: nil) }
        #expect(try district.count("SELECT count(*) FROM plan WHERE year = 2022") == "0")

        let anna = try district.open("anna")
        try anna.startYear(unit: unit, year: 2022, from: nil)
        let rows = "SELECT (SELECT count(*) FROM section) || '/' || (SELECT count(*) FROM item) || '/' || (SELECT count(*) FROM edit_log)"
        let before = try district.count(rows)
        #expect(throws: refusal(2022)) { try rita.startPeriod(.t1, in: next) }
        #expect(throws: refusal(2022)) { try rita.placeCarriedItem("re-2021-em-05", under: "ha-2022-nm-03", in: next) }
        #expect(throws: refusal(2022)) { try rita.placeCarriedItem("re-2021-em-04", under: nil, in: next) }
        #expect(throws: refusal(2022)) { try rita.dropCarriedItem("re-2021-em-05", in: next) }
        #expect(throws: refusal(2023)) { try rita.startYear(unit: unit, year: 2023, from: 2022) }
        #expect(try district.count(rows) == before)
        #expect(try district.count("SELECT periods FROM plan WHERE year = 2022") == "vp")
        #expect(try district.count("SELECT count(*) FROM carry_over WHERE decided = 0") == "2")
        #expect((refusal(2022).errorDescription ?? "").hasPrefix("Du (”rita”) har inte behörighet till planen för resursenheten 2022"))
    }

    /// Two sessions start the same period at once: both wait on the plan's row, one starts
    /// the period and the other finds it started; nothing is written twice.
    @Test func twoStartsOfOnePeriodAtOnce() throws {
        let district = try SampleYearDistrict(.postgresql)
        let (cluster, database) = (try #require(district.cluster), try #require(district.database))
        try district.open("anna").startYear(unit: unit, year: 2022, from: nil)
        let owner = try PostgresDatabase.open(try cluster.address(database: database))
        try owner.run("BEGIN")
        try owner.run("UPDATE plan SET periods = periods WHERE unit_id = $1 AND year = 2022", [.text(unit)])

        let sessions = [try #require(try district.open("anna") as? PostgresPlanCommands),
                        try #require(try district.open("berit") as? PostgresPlanCommands)]
        let done = DispatchGroup()
        nonisolated(unsafe) var outcomes: [Result<StartedPeriod, Error>?] = [nil, nil]
        for (index, session) in sessions.enumerated() {
            let plan = next
            DispatchQueue.global().async(group: done) { outcomes[index] = Result { try session.startPeriod(.t1, in: plan) } }
        }
        let deadline = Date().addingTimeInterval(20)
        var waiting = false
        while !waiting && Date() < deadline {
            waiting = try cluster.psql(database: database, """
                SELECT count(*) FROM pg_stat_activity WHERE usename IN ('anna', 'berit') AND wait_event_type = 'Lock'
                """) == "2"
        }
        #expect(waiting, "the two starts did not both wait for the plan's row")
        try owner.run("COMMIT")
        done.wait()

        let started = outcomes.compactMap { try? $0?.get() }
        #expect(started.count == 1)
        #expect(started.first?.period == .t1)
        let refusals = outcomes.compactMap { outcome -> Error? in
            if case .failure(let error)? = outcome { error } else { nil }
        }
        #expect(refusals.count == 1)
        #expect(refusals.first as? YearError == .periodExists(.t1, year: 2022))
        #expect(try district.count("SELECT periods FROM plan WHERE unit_id = 'resursenheten' AND year = 2022") == "vp,t1")
        #expect(try district.count("SELECT count(*) FROM section WHERE year = 2022 AND period = 't1'")
                == String(SectionTemplate.emptySections(for: .t1).count))
        #expect(try district.count("SELECT count(*) FROM edit_log WHERE year = 2022 AND note = 't1 från vp'") == "1")
    }

    /// Through the app's server: the copy holds the new plan, its carry-over list and what was
    /// placed, as the server does, after each change.
    @Test func theAppsCopyFollowsTheStartAndThePlacing() throws {
        let district = try SampleYearDistrict(.postgresql)
        let address = try #require(district.cluster).address(database: try #require(district.database), login: "anna")
        let copy = try PostgresSnapshot.everything(address).store
        let server = try PostgresPlanServer(address: address, store: copy)
        let started = try server.change(next) { try $0.startYear(unit: unit, year: 2022, from: nil) }
        #expect(try copy.loadPlan(next).periods == [.vp])
        #expect(try copy.carryOver(next) == started.entries)

        let placed = try server.change(next) { try $0.placeCarriedItem("re-2021-em-05", under: "ha-2022-nm-03", in: next) }
        #expect(try copy.carryOver(next).first { $0.sourceID == "re-2021-em-05" } == placed)
        #expect(try copy.loadPlan(next).items[try #require(placed.placedID)]?.parentID == "ha-2022-nm-03")
        try server.change(next) { try $0.startPeriod(.t1, in: next) }
        #expect(try copy.loadPlan(next).periods == [.vp, .t1])
        #expect(try copy.history(next).compactMap(\.note).joined(separator: " | ") == (try district.count("""
            SELECT string_agg(note, ' | ' ORDER BY id) FROM edit_log WHERE unit_id = 'resursenheten' AND year = 2022
            """)))
        #expect(try copy.history(next).count == 3)
    }
}
