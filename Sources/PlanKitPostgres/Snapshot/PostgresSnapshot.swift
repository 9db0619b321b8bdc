import Foundation
import GRDB
import PlanKit

/// Plans read from PostgreSQL into a read-only SQLite store in memory, so that every report,
/// check, status and screen runs on them unchanged and says what it says on a file. Everything
/// is read in one transaction (REPEATABLE READ, READ ONLY), so that what is read holds together
/// as of one moment while others write. Row-level security chooses the rows: a login gets what
/// it was granted, the owner everything; a unit it may not read is refused by name.
public final class PostgresSnapshot {
    /// The rows read so far; read-only to everyone but the snapshot.
    public let store: PlanStore
    private let source: PostgresCopySource

    private init(address: PostgresAddress) throws {
        source = PostgresCopySource(link: try PostgresDatabase.open(address))
        store = try PlanStore(readOnlySnapshotWithLogin: address.login)
    }

    private init(link: PostgresLink, store: PlanStore) {
        source = PostgresCopySource(link: link)
        self.store = store
    }

    /// One unit's plan of one year, read in the transaction that the caller holds on `link`,
    /// so that a change made from what it read (a hand-in) is judged on what it writes over.
    static func plan(on link: PostgresLink, unitID: String, year: Int, boardID: String, login: String) throws -> PlanStore {
        let snapshot = PostgresSnapshot(link: link, store: try PlanStore(readOnlySnapshotWithLogin: login))
        try snapshot.fill(["organisation", "cascade"]) { _ in .all }
        try snapshot.fill(.plan(unitID: unitID, year: year, boardID: boardID))
        return snapshot.store
    }

    /// Every plan of the boards' years (as `board` reads them), read in the transaction that the
    /// caller holds on `link` into a store in memory that may be changed: an import runs on it,
    /// and what it changed is written back (`PostgresImport`).
    static func boardYears(on link: PostgresLink, _ years: [BoardYear], login: String) throws -> PlanStore {
        let snapshot = PostgresSnapshot(link: link, store: try PlanStore(inMemoryWithLogin: login))
        try snapshot.fill(["organisation", "cascade"]) { _ in .all }
        for year in years { try snapshot.fill(.board(boardID: year.boardID, year: year.year)) }
        return snapshot.store
    }

    /// A unit's plan of `fromYear` and its board's cascade of `year`, read in the transaction
    /// that the caller holds on `link`: what the plan of `year` is started from.
    static func yearStart(on link: PostgresLink, unitID: String, fromYear: Int, year: Int, boardID: String,
                          login: String) throws -> PlanStore {
        let snapshot = PostgresSnapshot(link: link, store: try PlanStore(readOnlySnapshotWithLogin: login))
        try snapshot.fill(["organisation", "cascade"]) { _ in .all }
        try snapshot.fill(.plan(unitID: unitID, year: fromYear, boardID: boardID))
        try snapshot.fill(.cascade(boardID: boardID, year: year))
        return snapshot.store
    }

    /// One unit's plan of one year. The unit is found by id or name as on a file; a unit the
    /// login may not read is refused (`SnapshotError.notPermitted`); a plan that is not there is
    /// left to the store to say, as on a file.
    public static func plan(_ address: PostgresAddress, unit name: String, year: Int) throws -> (PlanStore, PlanRef) {
        try reading(address) { snapshot in
            let unit = try snapshot.store.unit(named: name)
            let ref = PlanRef(unitID: unit.id, year: year)
            let board = try snapshot.source.link.run("SELECT board_id FROM plan WHERE unit_id = $1 AND year = $2",
                                                      [.text(unit.id), .integer(Int64(year))]).single
            guard case .text(let boardID) = board else {
                try snapshot.requireReadable(unit)
                return ref
            }
            try snapshot.fill(.plan(unitID: unit.id, year: year, boardID: boardID))
            return ref
        }
    }

    /// Every plan of a board's (or one of its departments') year; the login must be allowed to
    /// read the whole board or department asked for.
    public static func board(_ address: PostgresAddress, board: String?, department: String?, year: Int) throws -> PlanStore {
        try reading(address) { snapshot in
            let scope = try snapshot.store.boardScope(board: board, department: department)
            try snapshot.requireReadable(scope.organisation)
            try snapshot.fill(.board(boardID: scope.board.id, year: year))
        }.0
    }

    /// Every plan the login may read. `readable`: the organisations whose plans it may read,
    /// nil when it reads all (the owner).
    public static func everything(_ address: PostgresAddress) throws -> (store: PlanStore, readable: Set<String>?) {
        let (store, readable) = try reading(address) { snapshot in
            try snapshot.fill(.everything)
            return try snapshot.readableOrganisations()
        }
        return (store, readable)
    }

    /// What the app needs before its first screen: the organisation, the list of plans the login
    /// may read and the boards' own goals (`SnapshotScope.chooser`); the plan it opens is read
    /// then (`PlanServer.bringIn`). `readable` as for `everything`.
    public static func chooser(_ address: PostgresAddress) throws -> (store: PlanStore, readable: Set<String>?) {
        let (store, readable) = try reading(address) { snapshot in
            try snapshot.fill(.chooser)
            return try snapshot.readableOrganisations()
        }
        return (store, readable)
    }

    /// Connects, reads the organisation tree and the cascades, runs `body`, and ends the
    /// transaction (it only read, so ending it changes nothing).
    private static func reading<T>(_ address: PostgresAddress, _ body: (PostgresSnapshot) throws -> T) throws -> (PlanStore, T) {
        let snapshot = try PostgresSnapshot(address: address)
        let result = try snapshot.source.link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try snapshot.fill(["organisation", "cascade"]) { _ in .all }
            return try body(snapshot)
        }
        return (snapshot.store, result)
    }

    private func fill(_ scope: SnapshotScope) throws {
        try fill(SnapshotScope.tables, scope.filter)
    }

    /// Copies the rows the filter keeps into the store, without its foreign keys: the login may
    /// read a row whose referent it may not (an edit that refers to another unit's), and the
    /// snapshot is only read.
    private func fill(_ tables: [String], _ filter: (String) -> RowFilter?) throws {
        try store.writeWithoutForeignKeys { db in
            for table in tables {
                guard let rows = filter(table) else { continue }
                try SQLiteCopyTarget.insert(try source.read(table, columns: try SQLiteCopyTarget.columns(of: table, db), filter: rows), db)
            }
        }
    }

    /// Whether the login may read the plans of the organisation (a unit, or all units below it).
    /// The organisation tree is read by all, so a unit that is there but not granted is told apart
    /// from one that is not there at all.
    private func requireReadable(_ organisation: Organisation) throws {
        let answer = try source.link.run("SELECT NOT row_security_active('public.plan') OR $1 IN (SELECT vp_readable())",
                                         [.text(organisation.id)]).single
        guard answer == .integer(1) else { throw SnapshotError.notPermitted(organisation) }
    }

    /// The organisations whose plans the login may read; nil when row-level security does not
    /// bind it (the owner reads everything).
    private func readableOrganisations() throws -> Set<String>? {
        guard try source.link.run("SELECT row_security_active('public.plan')").single == .integer(1) else { return nil }
        return Set(try source.link.run("SELECT vp_readable()").values.compactMap { row in
            if case .text(let id) = row.first { id } else { nil }
        })
    }
}
