import Foundation
import GRDB
import PlanGenerator
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// A generated district of two units, "A" and "B", with a plan each for one year, in a store of
/// the backend's kind, opened as any login. On PostgreSQL the district is copied from a SQLite
/// file with `vp-tui copy`'s code, and each login is granted unit A.
struct TwoUnitDistrict {
    let backend: Backend
    let a: PlanRef
    let b: PlanRef
    /// A's own goal, and a goal A inherits from the board.
    let ownGoal: String
    let inheritedGoal: String
    let inheritedGoalAuthor: Author
    /// A's own activity and indicator, an activity or indicator A inherits from the board and
    /// follows up, and a section of the open period.
    let ownActivity: String
    let ownIndicator: String
    let followedUpItem: String
    let openSection: String
    /// A follow-up period of A's plan that is open, and one that is handed in.
    let openPeriod: ReportPeriod
    let handedInPeriod: ReportPeriod
    let sqlitePath: String
    let cluster: ThrowawayCluster?
    let database: String?

    init(_ backend: Backend) throws {
        self.backend = backend
        let folder = TemporaryFolders.make("vp-tui-saving")
        sqlitePath = folder.appendingPathComponent("plan.sqlite").path
        let store = try PlanStore(path: sqlitePath, login: "generator")
        try store.generateDistrict(try DistrictGenerator(options: .init(units: 2, years: 1, seed: 1)), editsPerUnit: 0)
        let plans = try store.plans().sorted { $0.unit.id < $1.unit.id }
        a = PlanRef(unitID: plans[0].unit.id, year: plans[0].year)
        b = PlanRef(unitID: plans[1].unit.id, year: plans[1].year)
        let plan = try store.loadPlan(a)
        ownGoal = try #require(plan.walk().first { $0.author == .unit && $0.kind == .goal }?.id)
        let inherited = try #require(plan.walk().first { $0.author != .unit && $0.kind == .goal })
        inheritedGoal = inherited.id
        inheritedGoalAuthor = inherited.author
        ownActivity = try #require(plan.walk().first { $0.author == .unit && $0.kind == .activity }?.id)
        ownIndicator = try #require(plan.walk().first { $0.author == .unit && $0.kind == .indicator }?.id)
        followedUpItem = try #require(plan.walk().first { $0.author == .board && $0.kind != .goal }?.id)
        let followUps = plan.periods.filter { $0 != .vp }
        let open = try #require(followUps.last)
        openSection = try #require(plan.sections[open]?.first?.id)
        let handedIn = try #require(followUps.first { $0 != open })
        let unitA = a
        try DatabaseQueue(path: sqlitePath).write { db in
            try db.execute(sql: "INSERT INTO hand_in (unit_id, year, period, login, at, content) VALUES (?, ?, ?, 'generator', '2025-01-01', '[]')",
                           arguments: [unitA.unitID, unitA.year, handedIn.rawValue])
        }
        openPeriod = open
        handedInPeriod = handedIn
        guard backend == .postgresql else {
            cluster = nil
            database = nil
            return
        }
        let cluster = try ThrowawayPostgres.cluster()
        database = try cluster.copy(ofSQLite: sqlitePath)
        self.cluster = cluster
    }

    /// A unit's own goal, as generated (read from the SQLite file the district was made in).
    func ownGoal(of plan: PlanRef) throws -> String {
        try #require(try PlanStore(path: sqlitePath, login: "generator").loadPlan(plan).walk()
            .first { $0.author == .unit && $0.kind == .goal }?.id)
    }

    /// A's edit log as the tests made it: without the generator's entry of the district's import.
    func log(_ store: any FieldSaving) throws -> [EditLogEntry] {
        try store.history(a).filter { $0.login != "generator" }
    }

    /// The store as `login`; on PostgreSQL the login is first granted the units named.
    func open(_ login: String, granted units: [String]? = nil) throws -> any FieldSaving {
        guard let cluster, let database else { return try PlanStore(path: sqlitePath, login: login) }
        let owner = try PostgresDatabase.open(try cluster.address(database: database))
        for unit in units ?? [a.unitID] {
            _ = try PostgresRights.grant(AccessGrant(login: login, scope: .unit, target: unit, kind: .write), on: owner)
        }
        return try PostgresPlanCommands(address: try cluster.address(database: database, login: login))
    }
}
