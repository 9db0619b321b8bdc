import Dispatch
import PlanKit

/// Saving single fields of plans in the city's PostgreSQL database, with the same rules, the
/// same edit log and the same undo and redo per login as the SQLite store (the rules and the
/// log's rows are PlanKit's; what the server does not save in its own statements runs
/// PlanKit's commands through `PostgresLink`'s `SQLConnection`).
///
/// The login is the PostgreSQL role logged in (`session_user`); the database's row-level
/// security decides which plans it may change. Each change is atomic (one statement for a
/// field, one transaction for undo and redo): the field, its record's revision and the edit
/// log's row are written together, and the sessions that may read the plan are told by
/// `NOTIFY` on its unit's channel (`PostgresChannels`) with the payload `UNIT/YEAR`.
public final class PostgresPlanCommands: FieldSaving, @unchecked Sendable {
    /// How often a change is tried when a concurrent one made it read an outdated snapshot.
    static let attempts = 5

    public let link: PostgresLink
    public let login: String
    /// Changes started again because another session changed the record between the read
    /// and the write (or its commit overlapped, SQLSTATE 40001).
    public private(set) var retries = 0
    /// Changes started again because the server broke a deadlock (SQLSTATE 40P01).
    public private(set) var deadlocks = 0
    /// The last field saved in two statements: how long its read and its write (with the
    /// commit) each waited for the server, in nanoseconds; the load benchmark reports them.
    public private(set) var lastSaveRoundTrips: (read: UInt64, write: UInt64)?
    /// Runs between a field's read and its write (a save's, an undo's, a redo's): tests put
    /// another session's change there.
    var afterReading: (() throws -> Void)?

    /// Connects as the address's login; throws `PostgresStoreError` in Swedish.
    public init(address: PostgresAddress) throws {
        link = try PostgresDatabase.open(address)
        guard case .text(let role)? = try link.run("SELECT session_user::text").single else {
            throw PostgresStoreError.refused(address, sqlState: "")
        }
        login = role
    }

    /// The fields a person saves most during the year, with a value of each field's kind.
    static let commonSaves: [(FieldRef, FieldValue)] = [
        (.rating(item: "", period: .vb), .rating(.partly)),
        (.analysis(item: "", period: .vb), .text("")),
        (.status(item: "", period: .vb), .status(.done)),
        (.outcome(item: "", period: .vb), .number(1)),
        (.sectionText(section: "", period: .vb), .text("")),
    ]

    /// Prepares and plans the statements of the saves a person makes most, running them for a
    /// plan that does not exist, where they find and change nothing: the server reads the
    /// tables' definitions and row-level policies and plans the statements now rather than at
    /// the person's first save of each kind (a few milliseconds each). The app does this in the
    /// background once a plan it may change is open. The announcement every save ends with
    /// (`vp_announce`, PL/pgSQL, whose statements are planned at its first call on a connection)
    /// is made once in a transaction rolled back, which sends nothing.
    public func prepareCommonSaves() throws {
        for (ref, example) in Self.commonSaves {
            try PostgresFieldSave(ref: ref, plan: PlanRef(unitID: "", year: 0)).prepare(example: example, login: login, link)
        }
        try link.run("BEGIN")
        defer { _ = try? link.run("ROLLBACK") }
        try PostgresChannels.announce("", unit: "", on: link)
    }

    /// A field of a row is saved in two statements (`PostgresFieldSave`); a whole item or own
    /// section (added, removed or put back) and an own section's heading go through PlanKit's
    /// command over the link, in one transaction.
    @discardableResult
    public func set(_ ref: FieldRef, to value: FieldValue?, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        guard PostgresFieldSave.handles(ref) else {
            return try changeHeld(plan) {
                return try PlanStore.set(ref, to: value, in: plan, expectedRevision: expectedRevision, login: login, link)
            }
        }
        let value = FieldValue.normalized(value)
        try EditRules.validateText(value)
        let save = PostgresFieldSave(ref: ref, plan: plan)
        lastSaveRoundTrips = nil
        return try saving(plan) {
            let started = DispatchTime.now().uptimeNanoseconds
            let reading = try save.read(link)
            let read = DispatchTime.now().uptimeNanoseconds
            try PlanStore.checkAllowed(ref, facts: reading.facts)
            if let expectedRevision, expectedRevision != reading.revision {
                throw PlanError.staleRevision(expected: expectedRevision, actual: reading.revision)
            }
            if reading.value == value { return reading.revision }
            try afterReading?()
            let writeStarted = DispatchTime.now().uptimeNanoseconds
            let revision = try save.write(value, over: reading, login: login, link)
            lastSaveRoundTrips = (read - started, DispatchTime.now().uptimeNanoseconds - writeStarted)
            return revision
        }
    }

    @discardableResult
    public func undo(in plan: PlanRef) throws -> FieldRef {
        try step(.undo, in: plan)
    }

    @discardableResult
    public func redo(in plan: PlanRef) throws -> FieldRef {
        try step(.redo, in: plan)
    }

    /// Undo or redo in one transaction of five statements: BEGIN, the log's entry, the field
    /// (`PostgresFieldSave.read`), the write with the entry's new state and the log's row, and
    /// COMMIT. The field goes back only if it still holds what the entry left there: undoing
    /// never throws away someone else's later work (`PlanError.undoConflict`). When the record,
    /// the entry or the plan's row (a hand-in) changed between the read and the write, the write
    /// does nothing or only half, the transaction is rolled back, and the step is tried again,
    /// where a hand-in refuses it. A field that this store does not save itself (a whole item
    /// or own section) goes through PlanKit's command.
    private func step(_ action: EditLogEntry.Action, in plan: PlanRef) throws -> FieldRef {
        struct Overtaken: Error {}
        struct NotHere: Error {}
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try change(plan, autocommit: true) {
                    try link.transaction {
                        guard let entry = try PlanStore.nextEntry(for: action, plan: plan, login: login, link), let field = entry.field else {
                            throw action == .undo ? PlanError.nothingToUndo : PlanError.nothingToRedo
                        }
                        guard PostgresFieldSave.handles(field) else { throw NotHere() }
                        let (from, to) = action == .undo ? (entry.newValue, entry.oldValue) : (entry.oldValue, entry.newValue)
                        let save = PostgresFieldSave(ref: field, plan: plan)
                        let reading = try save.read(link)
                        try PlanStore.checkAllowed(field, facts: reading.facts)
                        guard reading.value == FieldValue.normalized(from) else { throw PlanError.undoConflict }
                        try afterReading?()
                        guard try save.write(to, over: reading, login: login,
                                             step: action == .undo ? .undo(entry) : .redo(entry), link) != nil else { throw Overtaken() }
                        return field
                    }
                }
            } catch is Overtaken where attempt < Self.attempts {
                retries += 1
            } catch is Overtaken {
                throw PostgresStoreError.refused(link.address, sqlState: "40001")
            } catch is NotHere {
                return try changeHeld(plan) {
                    return try PlanStore.step(action, in: plan, login: login, link)
                }
            }
        }
    }

    public func value(of ref: FieldRef, in plan: PlanRef) throws -> (value: FieldValue?, revision: Int) {
        if PostgresFieldSave.handles(ref) {
            do {
                let reading = try PostgresFieldSave(ref: ref, plan: plan).read(link)
                return (reading.value, reading.revision)
            } catch PlanError.noPlan {
                // As in SQLite's store: a field of no plan (or one the login may not see) has no value.
                return (nil, 0)
            }
        }
        return try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try PlanStore.currentValue(of: ref, in: plan, link)
        }
    }

    public func history(_ ref: PlanRef) throws -> [EditLogEntry] {
        try PlanStore.history(ref, link)
    }

    /// Runs a save of `PostgresFieldSave` until its write holds: nil from `body` means that
    /// another session changed the record or the plan's row between the read and the write, and
    /// the save is read and judged again (where the revision check refuses it if it was made
    /// against the old value, and a hand-in made meanwhile refuses it as handed in). The errors
    /// are `change`'s; after `attempts` writes that did not hold, 40001.
    private func saving(_ plan: PlanRef, _ body: () throws -> Int?) throws -> Int {
        var attempt = 0
        while true {
            attempt += 1
            if let revision = try change(plan, autocommit: true, body) { return revision }
            retries += 1
            if attempt >= Self.attempts { throw PostgresStoreError.refused(link.address, sqlState: "40001") }
        }
    }

    /// Runs a change in one transaction that sees one snapshot of the database: when another
    /// session commits a change of the same row meanwhile, PostgreSQL refuses the write
    /// (40001) rather than let it overwrite what this one did not read, and the change is
    /// tried again on the new snapshot, where the revision check refuses it if it was made
    /// against the old value. A plan the login may not see is reported as not allowed.
    /// `autocommit`: `body` makes its change in one statement of its own, which tells other
    /// sessions itself, and needs no transaction around it.
    /// `begin`: the statement that starts the transaction, with its isolation level.
    func change<T>(_ plan: PlanRef, autocommit: Bool = false, begin: String = "BEGIN ISOLATION LEVEL REPEATABLE READ",
                   _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                if autocommit { return try body() }
                return try link.transaction(begin) {
                    let result = try body()
                    try PostgresChannels.announce("\(plan.unitID)/\(plan.year)", unit: plan.unitID, on: link)
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
