import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// What the store tests do to a plan, on both stores: the SQLite file (`PlanStore`) and the
/// city's PostgreSQL database (`PostgresPlanCommands`), so that one test body runs on each.
protocol StoreUnderTest: FieldSaving {
    func canUndo(in plan: PlanRef) throws -> Bool
    func canRedo(in plan: PlanRef) throws -> Bool
    /// The plans as the store holds them now, whole, to read reports, states and gaps from: the
    /// SQLite store itself; from the server, what this login may read of it, in one snapshot
    /// (the app's and the commands' way of reading a server).
    func reading() throws -> PlanStore
}

extension PlanStore: StoreUnderTest {
    func reading() -> PlanStore { self }
}

extension PostgresPlanCommands: StoreUnderTest {
    // Whether undo or redo has an entry of this login's to step to: the question the step asks first.
    func canUndo(in plan: PlanRef) throws -> Bool {
        try PlanStore.nextEntry(for: .undo, plan: plan, login: login, link) != nil
    }

    func canRedo(in plan: PlanRef) throws -> Bool {
        try PlanStore.nextEntry(for: .redo, plan: plan, login: login, link) != nil
    }

    func reading() throws -> PlanStore {
        try PostgresSnapshot.everything(link.address).store
    }
}

/// Reads through `reading()`, named as the SQLite store names them, so that a test reads the
/// same on both.
extension StoreUnderTest {
    func loadPlan(_ ref: PlanRef) throws -> PlanDocument { try reading().loadPlan(ref) }
    func exportJSON(_ ref: PlanRef) throws -> Data { try reading().exportJSON(ref) }
    func periodStates(_ ref: PlanRef) throws -> PlanPeriodStates { try reading().periodStates(ref) }
    func periodStates(_ refs: [PlanRef]) throws -> [PlanRef: PlanPeriodStates] { try reading().periodStates(refs) }
    func handIn(_ ref: PlanRef, period: ReportPeriod) throws -> HandIn? { try reading().handIn(ref, period: period) }
    func handIns(_ ref: PlanRef) throws -> [HandIn] { try reading().handIns(ref) }
    func reportBlocks(_ ref: PlanRef, period: ReportPeriod) throws -> [ReportBlock] { try reading().reportBlocks(ref, period: period) }

    /// An outcome typed by a person, read by `OutcomeInput` against the indicator, as the app reads it.
    @discardableResult
    func setOutcome(typed text: String, indicator: String, period: ReportPeriod, in plan: PlanRef) throws -> Int {
        let value = try OutcomeInput.parse(text, for: try loadPlan(plan).items[indicator]?.indicator)
        return try setOutcome(value, indicator: indicator, period: period, in: plan)
    }
}

/// Plans in a store of the backend's kind, opened as any login: the bundled samples, or an
/// interchange file of the test's own. They are imported into a SQLite file; on PostgreSQL that
/// file is copied into a new database of the suite's throwaway cluster with `vp-tui copy`'s
/// code, and each login is granted its unit (a write right), as a city's unit manager is.
struct StoresUnderTest {
    let backend: Backend
    let sqlitePath: String
    private let cluster: ThrowawayCluster?
    private let database: String?

    /// `prepare`: what is done to the file after the import, before any copy (more imports).
    init(_ backend: Backend, file: InterchangeFile? = nil, prepare: (PlanStore) throws -> Void = { _ in }) throws {
        self.backend = backend
        sqlitePath = Fixture.temporaryDirectory().appendingPathComponent("plan.sqlite").path
        do {
            let store = try PlanStore(path: sqlitePath, login: "import")
            if let file {
                try store.importData(try Fixture.encode(file), name: "test.json")
            } else {
                try BundledSamples.load(into: store)
            }
            try prepare(store)
        }
        guard backend == .postgresql else {
            cluster = nil
            database = nil
            return
        }
        let cluster = try ThrowawayPostgres.cluster()
        database = try cluster.copy(ofSQLite: sqlitePath)
        self.cluster = cluster
    }

    /// The store as `login`, who on PostgreSQL is granted the rights given (by default the
    /// write right on every unit that has a plan).
    func open(_ login: String = "anna", rights: [AccessGrant]? = nil) throws -> any StoreUnderTest {
        guard let cluster, let database else { return try PlanStore(path: sqlitePath, login: login) }
        let owner = try PostgresDatabase.open(try cluster.address(database: database))
        let rights = try rights ?? PlanStore(path: sqlitePath, login: "import", readOnly: true).plans().map {
            AccessGrant(login: login, scope: .unit, target: $0.unit.id, kind: .write)
        }
        for right in Set(rights) {
            _ = try PostgresRights.grant(right, on: owner)
        }
        return try PostgresPlanCommands(address: try cluster.address(database: database, login: login))
    }

    /// On PostgreSQL: the address as `login`, who must have been opened (granted) before.
    func address(login: String) throws -> PostgresAddress {
        try #require(cluster).address(database: try #require(database), login: login)
    }
}

extension Fixture {
    /// The bundled samples in a store of the backend's kind, as `login`.
    static func store(_ backend: Backend, login: String = "anna") throws -> any StoreUnderTest {
        try StoresUnderTest(backend).open(login)
    }
}
