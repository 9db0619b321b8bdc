import PlanKit

/// Saving single fields of plans in the city's PostgreSQL database, with the same rules, the
/// same edit log and the same undo and redo per login as the SQLite store (the commands are
/// PlanKit's, run through `PostgresLink`'s `SQLConnection`).
///
/// The login is the PostgreSQL role logged in (`session_user`); the database's row-level
/// security decides which plans it may change. Each change is one transaction, in which the
/// field, its record's revision and the edit log's row are written and other sessions are told
/// by `NOTIFY vp_tui_changes` with the payload `UNIT/YEAR`.
public final class PostgresPlanCommands: FieldSaving, @unchecked Sendable {
    public static let channel = "vp_tui_changes"
    /// How often a change is tried when a concurrent one made it read an outdated snapshot.
    static let attempts = 5

    public let link: PostgresLink
    public let login: String
    /// Changes started again because another session's commit overlapped (SQLSTATE 40001).
    public private(set) var retries = 0
    /// Changes started again because the server broke a deadlock (SQLSTATE 40P01).
    public private(set) var deadlocks = 0

    /// Connects as the address's login; throws `PostgresStoreError` in Swedish.
    public init(address: PostgresAddress) throws {
        link = try PostgresDatabase.open(address)
        guard case .text(let role)? = try link.run("SELECT session_user::text").single else {
            throw PostgresStoreError.refused(address, sqlState: "")
        }
        login = role
    }

    @discardableResult
    public func set(_ ref: FieldRef, to value: FieldValue?, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try change(plan) { try PlanStore.set(ref, to: value, in: plan, expectedRevision: expectedRevision, login: login, link) }
    }

    @discardableResult
    public func undo(in plan: PlanRef) throws -> FieldRef {
        try change(plan) { try PlanStore.step(.undo, in: plan, login: login, link) }
    }

    @discardableResult
    public func redo(in plan: PlanRef) throws -> FieldRef {
        try change(plan) { try PlanStore.step(.redo, in: plan, login: login, link) }
    }

    public func value(of ref: FieldRef, in plan: PlanRef) throws -> (value: FieldValue?, revision: Int) {
        try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try PlanStore.currentValue(of: ref, in: plan, link)
        }
    }

    public func history(_ ref: PlanRef) throws -> [EditLogEntry] {
        try PlanStore.history(ref, link)
    }

    /// Runs a change in one transaction that sees one snapshot of the database: when another
    /// session commits a change of the same row meanwhile, PostgreSQL refuses the write
    /// (40001) rather than let it overwrite what this one did not read, and the change is
    /// tried again on the new snapshot, where the revision check refuses it if it was made
    /// against the old value. A plan the login may not see is reported as not allowed.
    private func change<T>(_ plan: PlanRef, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ") {
                    let result = try body()
                    try link.run("SELECT pg_notify($1, $2)", [.text(Self.channel), .text("\(plan.unitID)/\(plan.year)")])
                    return result
                }
            } catch PostgresStoreError.refused(_, let state) where ["40001", "40P01"].contains(state) && attempt < Self.attempts {
                if state == "40P01" { deadlocks += 1 } else { retries += 1 }
            } catch PlanError.noPlan(let unit, let year) {
                // Row-level security hides a plan the login has no right to: it reads as missing.
                throw PostgresCommandError.notAllowed(login: login, unit: unit, year: year)
            } catch PostgresStoreError.notAllowed {
                throw PostgresCommandError.notAllowed(login: login, unit: plan.unitID, year: plan.year)
            }
        }
    }
}
