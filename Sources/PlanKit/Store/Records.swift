import Foundation
import GRDB

// The rows of the store's small tables as GRDB records: one property per column, named by its
// coding key, read and written by GRDB. Each record turns into the model's type, which knows
// nothing of the database. The rows of a plan load (items by the hundred, follow-ups, its
// sections, unit and board) are decoded by hand instead, in one place: RowDecoders.swift.

struct OrganisationRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "organisation"
    var id: String
    var kind: String
    var name: String
    var parentID: String?
    var position: Int

    enum CodingKeys: String, CodingKey { case id, kind, name, parentID = "parent_id", position }

    var organisation: Organisation {
        Organisation(id: id, kind: OrganisationKind(rawValue: kind) ?? .unit, name: name, parentID: parentID)
    }
}

struct SectionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "section"
    var unitID: String
    var year: Int
    var period: String
    var id: String
    var parentID: String?
    var title: String
    var placement: String
    var position: Int
    var text: String?
    var revision: Int

    enum CodingKeys: String, CodingKey {
        case unitID = "unit_id", year, period, id, parentID = "parent_id", title, placement, position, text, revision
    }

    var section: Section {
        Section(id: id, parentID: parentID, title: title, placement: SectionPlacement(rawValue: placement) ?? .afterGoals,
                text: text ?? "", revision: revision)
    }
}

/// Read as a record; written by `saveDraft` with a statement that is not cached, so that no
/// statement keeps the editor's text.
struct DraftRow: Codable, FetchableRecord {
    static let databaseTableName = "draft"
    var unitID: String
    var year: Int
    /// The field, as `FieldRef`'s JSON.
    var field: String
    var login: String
    var window: String
    var text: String
    var baseRevision: Int
    var savedAt: String

    enum CodingKeys: String, CodingKey {
        case unitID = "unit_id", year, field, login, window, text, baseRevision = "base_revision", savedAt = "saved_at"
    }

    func draft(field: FieldRef) -> Draft {
        Draft(field: field, login: login, window: window, text: text, baseRevision: baseRevision,
              savedAt: Timestamp.date(savedAt) ?? Date())
    }
}

/// Read as a record; written by a plain statement (see where it is inserted).
struct OpenSessionRow: Codable, FetchableRecord {
    static let databaseTableName = "open_session"
    var id: Int64?
    var unitID: String
    var year: Int
    var login: String
    var host: String
    var process: Int
    var startedAt: String
    var heartbeatAt: String

    enum CodingKeys: String, CodingKey {
        case id, unitID = "unit_id", year, login, host, process, startedAt = "started_at", heartbeatAt = "heartbeat_at"
    }

    var session: OpenSession {
        OpenSession(id: id ?? 0, login: login, host: host, since: Timestamp.date(startedAt) ?? Date())
    }
}

struct HandInRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "hand_in"
    var id: Int64?
    var unitID: String
    var year: Int
    var period: String
    var login: String
    var at: String
    /// The report as handed in, as `[ReportBlock]`'s JSON.
    var content: String
    var reopenedBy: String?
    var reopenedAt: String?
    var reopenReason: String?

    enum CodingKeys: String, CodingKey {
        case id, unitID = "unit_id", year, period, login, at, content
        case reopenedBy = "reopened_by", reopenedAt = "reopened_at", reopenReason = "reopen_reason"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var handIn: HandIn {
        let blocks = (try? JSONDecoder().decode([ReportBlock].self, from: Data(content.utf8))) ?? []
        return HandIn(id: id ?? 0, ref: PlanRef(unitID: unitID, year: year), period: ReportPeriod(rawValue: period) ?? .vp,
                      login: login, at: at, content: blocks, reopenedBy: reopenedBy, reopenedAt: reopenedAt,
                      reopenReason: reopenReason)
    }
}

struct CarryOverRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "carry_over"
    var unitID: String
    var year: Int
    var fromYear: Int
    var position: Int
    var sourceID: String
    var kind: String
    var title: String
    var outcome: String
    var oldParentTitle: String?
    var placedID: String?
    var placedUnder: String?
    /// The item as it was, while it waits to be placed: `ItemSnapshot`'s JSON.
    var snapshot: String?
    var decided: Bool

    enum CodingKeys: String, CodingKey {
        case unitID = "unit_id", year, fromYear = "from_year", position, sourceID = "source_id", kind, title, outcome
        case oldParentTitle = "old_parent_title", placedID = "placed_id", placedUnder = "placed_under", snapshot, decided
    }

    var entry: CarryOverEntry {
        CarryOverEntry(sourceID: sourceID, kind: ItemKind(rawValue: kind) ?? .goal, title: title,
                       outcome: CarryOverEntry.Outcome(rawValue: outcome) ?? .needsPlacing,
                       oldParentTitle: oldParentTitle, placedID: placedID, placedUnder: placedUnder, decided: decided)
    }
}

/// Read as a record; written by a plain statement (see where it is inserted).
struct EditLogRow: Codable, FetchableRecord {
    static let databaseTableName = "edit_log"
    var id: Int64?
    var at: String
    var login: String
    var unitID: String?
    var year: Int?
    var action: String
    /// The field, the old and the new value, as `FieldRef`'s and `FieldValue`'s JSON.
    var field: String?
    var oldValue: String?
    var newValue: String?
    /// "active" for an edit undo may take back, "undone" for one redo may bring back,
    /// "discarded" once a new edit follows an undo.
    var state: String?
    var undoOrder: Int?
    var refersTo: Int64?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, at, login, unitID = "unit_id", year, action, field, oldValue = "old_value", newValue = "new_value"
        case state, undoOrder = "undo_order", refersTo = "refers_to", note
    }

    var entry: EditLogEntry {
        EditLogEntry(id: id ?? 0, at: at, login: login, action: EditLogEntry.Action(rawValue: action) ?? .edit,
                     field: field.flatMap(FieldJSON.field), oldValue: oldValue.flatMap(FieldJSON.value),
                     newValue: newValue.flatMap(FieldJSON.value), note: note)
    }
}

extension FetchableRecord {
    /// GRDB's `fetchOne(db, sql:arguments:)` through the connection's statement cache (see CachedStatements.swift).
    static func fetchOne(cached db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    static func fetchAll(cached db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
