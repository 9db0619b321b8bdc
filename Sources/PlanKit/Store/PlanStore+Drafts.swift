import Foundation
import GRDB

/// Text being written, kept apart from the field's value until the person saves it: a dropped
/// connection or a crash costs at most the last moments of typing.
public struct Draft: Equatable, Sendable {
    public var field: FieldRef
    public var login: String
    /// The window (store) that wrote it.
    public var window: String
    public var text: String
    /// The revision of the field's record the text was written against.
    public var baseRevision: Int
    public var savedAt: Date

    public init(field: FieldRef, login: String, window: String, text: String, baseRevision: Int, savedAt: Date) {
        self.field = field
        self.login = login
        self.window = window
        self.text = text
        self.baseRevision = baseRevision
        self.savedAt = savedAt
    }
}

extension PlanStore {
    /// Writes (or replaces) this window's draft of a field.
    public func saveDraft(_ text: String, for field: FieldRef, baseRevision: Int, in plan: PlanRef) throws {
        guard let key = Self.encode(field) else { return }
        try write { db in
            // Not a cached statement: that would keep the text as its last argument, and the
            // editor's next key would then copy its whole buffer instead of editing it in place.
            try db.execute(sql: """
                INSERT INTO draft (unit_id, year, field, login, window, text, base_revision, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit_id, year, field, login, window) DO UPDATE SET text = excluded.text,
                    base_revision = excluded.base_revision, saved_at = excluded.saved_at
                """, arguments: [plan.unitID, plan.year, key, login, window, text, baseRevision, Self.timestamp()])
        }
    }

    /// This login's latest draft of a field, from any window. One another window left behind
    /// (a crash, a lost connection) is taken over by this window, so that saving or discarding
    /// it settles it here; a further window's draft of the field stays and is offered next time.
    public func draft(for field: FieldRef, in plan: PlanRef) throws -> Draft? {
        guard let key = Self.encode(field) else { return nil }
        // Read first: usually there is no draft, or it is this window's own, and opening the
        // editor then takes no write lock.
        let found = try read { db in try latestDraft(of: field, key: key, in: plan, db) }
        guard let found, !isReadOnly, found.window != window else { return found }
        return try write { db in
            guard var draft = try latestDraft(of: field, key: key, in: plan, db) else { return nil }
            if draft.window != window {
                try db.execute(sql: """
                    UPDATE draft SET window = ? WHERE unit_id = ? AND year = ? AND field = ? AND login = ? AND window = ?
                    """, arguments: [window, plan.unitID, plan.year, key, login, draft.window])
                draft.window = window
            }
            return draft
        }
    }

    /// This login's latest draft of a field, this window's first. Read by hand rather than as a
    /// `DraftRow`: the record's first fetch builds GRDB's generic machinery, which would fall on
    /// the key that opens the editor (docs/PERFORMANCE.md).
    func latestDraft(of field: FieldRef, key: String, in plan: PlanRef, _ db: Database) throws -> Draft? {
        try Row.fetchOne(cached: db, sql: """
            SELECT * FROM draft WHERE unit_id = ? AND year = ? AND field = ? AND login = ? ORDER BY window = ? DESC, saved_at DESC LIMIT 1
            """, arguments: [plan.unitID, plan.year, key, login, window]).map { row in
            let savedAt: String = row["saved_at"]
            return Draft(field: field, login: row["login"], window: row["window"], text: row["text"], baseRevision: row["base_revision"],
                         savedAt: Timestamp.date(savedAt) ?? Date())
        }
    }

    /// All of this login's drafts in a plan.
    public func drafts(in plan: PlanRef) throws -> [Draft] {
        try read { db in
            try DraftRow.fetchAll(cached: db, sql: "SELECT * FROM draft WHERE unit_id = ? AND year = ? AND login = ? ORDER BY saved_at",
                                  arguments: [plan.unitID, plan.year, login]).compactMap { row in
                guard let field = FieldJSON.field(row.field) else { return nil }
                return row.draft(field: field)
            }
        }
    }

    public func discardDraft(for field: FieldRef, in plan: PlanRef) throws {
        try write { db in try discardDraft(for: field, in: plan, db) }
    }

    func discardDraft(for field: FieldRef, in plan: PlanRef, _ db: Database) throws {
        guard let key = Self.encode(field) else { return }
        try db.execute(cached: "DELETE FROM draft WHERE unit_id = ? AND year = ? AND field = ? AND login = ? AND window = ?",
                       arguments: [plan.unitID, plan.year, key, login, window])
    }

    /// Saves a text field and, in the same transaction, drops the draft it came from: one
    /// commit, so there is never a saved text with its draft still offered, nor the reverse.
    @discardableResult
    public func saveText(_ text: String, to field: FieldRef, in plan: PlanRef, expectedRevision: Int?) throws -> Int {
        try write { db in
            let revision = try set(field, to: .text(text), in: plan, expectedRevision: expectedRevision, db)
            try discardDraft(for: field, in: plan, db)
            return revision
        }
    }

    /// Who last changed a field, and when: for telling a person whose text they are looking at.
    public func lastChange(of field: FieldRef, in plan: PlanRef) throws -> EditLogEntry? {
        guard let key = Self.encode(field) else { return nil }
        return try read { db in
            try EditLogRow.fetchOne(cached: db, sql: """
                SELECT * FROM edit_log WHERE unit_id = ? AND year = ? AND field = ? ORDER BY id DESC LIMIT 1
                """, arguments: [plan.unitID, plan.year, key])?.entry
        }
    }

    /// A number that changes whenever another connection commits: cheap to ask every second.
    public func changeCounter() throws -> Int {
        try queue.inDatabase { db in try Self.dataVersion(db) }
    }

    /// SQLite's `data_version`: another connection's commit moves it, this connection's own do not.
    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(cached: db, sql: "PRAGMA data_version") ?? 0
    }
}
