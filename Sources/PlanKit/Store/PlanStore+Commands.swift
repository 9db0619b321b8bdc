import Foundation
import GRDB

extension PlanStore {
    /// Sets one field of a plan in one transaction and logs the change.
    ///
    /// - Parameter expectedRevision: the revision of the record when the caller read it; if the
    ///   record has changed since, the change is refused with `PlanError.staleRevision`.
    /// - Returns: the record's new revision.
    @discardableResult
    public func set(_ ref: FieldRef, to value: FieldValue?, in plan: PlanRef, expectedRevision: Int? = nil) throws -> Int {
        try write { db in try set(ref, to: value, in: plan, expectedRevision: expectedRevision, db) }
    }

    /// `set` inside a transaction the caller holds.
    func set(_ ref: FieldRef, to value: FieldValue?, in plan: PlanRef, expectedRevision: Int?, _ db: Database) throws -> Int {
        try Self.set(ref, to: value, in: plan, expectedRevision: expectedRevision, login: login, db)
    }

    /// `set` as `login`, inside a transaction the caller holds, on either database: the rules,
    /// the revision check, the change and its log entry.
    public static func set<C: SQLConnection>(_ ref: FieldRef, to value: FieldValue?, in plan: PlanRef, expectedRevision: Int?,
                                             login: String, _ db: C) throws -> Int {
        let value = FieldValue.normalized(value)
        try EditRules.validateText(value)
        try checkAllowed(ref, in: plan, db)
        let (old, revision) = try currentValue(of: ref, in: plan, db)
        if let expectedRevision, expectedRevision != revision {
            throw PlanError.staleRevision(expected: expectedRevision, actual: revision)
        }
        if old == value { return revision }
        let newRevision = try store(value, at: ref, in: plan, db)
        try discardRedo(plan: plan, login: login, db)
        try log(.edit, ref, old: old, new: value, plan: plan, login: login, db)
        return newRevision
    }

    /// The current value of a field and the revision of its record.
    public func value(of ref: FieldRef, in plan: PlanRef) throws -> (value: FieldValue?, revision: Int) {
        try read { db in try Self.currentValue(of: ref, in: plan, db) }
    }

    // MARK: Rules, reading and writing one field

    @discardableResult
    static func checkAllowed<C: SQLConnection>(_ ref: FieldRef, in plan: PlanRef, _ db: C) throws -> [ReportPeriod] {
        guard let periodsText = try db.sqlValue(String.self, "SELECT periods FROM plan WHERE unit_id = ? AND year = ?",
                                                [plan.unitID, plan.year]) else {
            throw PlanError.noPlan(unit: plan.unitID, year: plan.year)
        }
        let periods = Self.periods(periodsText)
        try checkNotHandedIn(ref, in: plan, db)
        if case .sectionText(let section, let period) = ref {
            let exists = try db.sqlValue(Bool.self, "SELECT 1 FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                         [plan.unitID, plan.year, period.rawValue, section]) ?? false
            try checkAllowed(ref, periods: periods, handedIn: false, item: nil, inPlan: true, sectionExists: exists)
            return periods
        }
        if ref.sectionID != nil {
            try checkOwnSection(ref, periods: periods, in: plan, db)
            return periods
        }
        let itemID = ref.itemID ?? ""
        let item = try db.sqlRow("SELECT * FROM item WHERE id = ?", [itemID]).map(Self.item)
        if case .itemRecord = ref {
            // Creating (item is nil) is checked by the command that builds the snapshot.
            if let item, item.author != .unit { throw PlanError.inherited(itemID: itemID, author: item.author) }
            if item != nil, try !isInPlan(itemID, plan, db) { throw PlanError.unknownItem(itemID) }
            return periods
        }
        let inPlan = try isInPlan(itemID, plan, forFollowUp: ref.period != nil, db)
        try checkAllowed(ref, periods: periods, handedIn: false, item: item, inPlan: inPlan, sectionExists: false)
        return periods
    }

    /// Whether the plan holds an item; for a follow-up, whether the unit follows it up.
    static func isInPlan<C: SQLConnection>(_ itemID: String, _ plan: PlanRef, forFollowUp: Bool = false, _ db: C) throws -> Bool {
        try db.sqlValue(Bool.self, """
            SELECT 1 FROM item WHERE id = ? AND unit_id = ? AND year = ?
            UNION SELECT 1 FROM plan_inherits WHERE item_id = ? AND unit_id = ? AND year = ? AND (followed_up = 1 OR ? = 0)
            """, [itemID, plan.unitID, plan.year, itemID, plan.unitID, plan.year, forFollowUp]) ?? false
    }

    public static func currentValue<C: SQLConnection>(of ref: FieldRef, in plan: PlanRef, _ db: C) throws -> (FieldValue?, Int) {
        switch ref {
        case .itemText(let item, let field):
            let row = try db.sqlRow("SELECT \(column(for: field)) AS value, revision FROM item WHERE id = ?", [item])
            let text: String? = row?["value"]
            return (FieldValue.normalized(text.map(FieldValue.text)), row?["revision"] ?? 0)
        case .itemDate(let item, let field):
            let row = try db.sqlRow("SELECT \(field == .start ? "start_date" : "end_date") AS value, revision FROM item WHERE id = ?", [item])
            let text: String? = row?["value"]
            return (FieldValue.normalized(text.map(FieldValue.text)), row?["revision"] ?? 0)
        case .rating(let item, let period), .status(let item, let period), .outcome(let item, let period), .analysis(let item, let period):
            let row = try db.sqlRow("SELECT * FROM follow_up WHERE unit_id = ? AND year = ? AND item_id = ? AND period = ?",
                                    [plan.unitID, plan.year, item, period.rawValue])
            let followUp = row.map(Self.followUp) ?? .empty
            let value: FieldValue? = switch ref {
            case .rating: followUp.rating.map(FieldValue.rating)
            case .status: followUp.status.map(FieldValue.status)
            case .outcome: followUp.outcome.map(FieldValue.number)
            default: FieldValue.normalized(.text(followUp.analysis))
            }
            return (value, followUp.revision)
        case .sectionText(let section, let period):
            let row = try db.sqlRow("SELECT text, revision FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                    [plan.unitID, plan.year, period.rawValue, section])
            let text: String? = row?["text"]
            return (FieldValue.normalized(text.map(FieldValue.text)), row?["revision"] ?? 0)
        case .itemRecord(let item):
            let revision = try db.sqlValue(Int.self, "SELECT revision FROM item WHERE id = ?", [item]) ?? 0
            return (try snapshot(of: item, plan: plan, db).map(FieldValue.record), revision)
        case .followedUp(let item):
            return (.flag(try followedUp(item, in: plan, db)), 0)
        case .sectionRecord, .sectionTitle:
            return try ownSectionValue(of: ref, in: plan, db)
        }
    }

    /// Writes a value and bumps the record's revision; returns the new revision.
    static func store<C: SQLConnection>(_ value: FieldValue?, at ref: FieldRef, in plan: PlanRef, _ db: C) throws -> Int {
        var textValue: String? { if case .text(let text)? = value { return text } else { return nil } }
        switch ref {
        case .itemText(let item, let field):
            let column = column(for: field)
            // The title column is NOT NULL: an emptied title is stored as "".
            let stored: DatabaseValueConvertible? = field == .title ? (textValue ?? "") : textValue
            try db.sqlExecute("UPDATE item SET \(column) = ?, revision = revision + 1 WHERE id = ?", [stored, item])
            return try db.sqlValue(Int.self, "SELECT revision FROM item WHERE id = ?", [item]) ?? 0
        case .itemDate(let item, let field):
            try db.sqlExecute("UPDATE item SET \(field == .start ? "start_date" : "end_date") = ?, revision = revision + 1 WHERE id = ?",
                              [textValue, item])
            return try db.sqlValue(Int.self, "SELECT revision FROM item WHERE id = ?", [item]) ?? 0
        case .rating(let item, let period), .status(let item, let period), .outcome(let item, let period), .analysis(let item, let period):
            let (column, stored): (String, DatabaseValueConvertible?) = switch (ref, value) {
            case (.rating, .rating(let rating)?): ("rating", rating.rawValue)
            case (.rating, _): ("rating", nil)
            case (.status, .status(let status)?): ("status", status.rawValue)
            case (.status, _): ("status", nil)
            case (.outcome, .number(let number)?): ("outcome", OutcomeColumn.stored(number))
            case (.outcome, _): ("outcome", nil)
            default: ("analysis", textValue)
            }
            // `follow_up.revision`: beside `excluded`, PostgreSQL finds a bare `revision` ambiguous.
            try db.sqlExecute("""
                INSERT INTO follow_up (unit_id, year, item_id, period, \(column), revision) VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (unit_id, year, item_id, period) DO UPDATE SET \(column) = excluded.\(column), revision = follow_up.revision + 1
                """, [plan.unitID, plan.year, item, period.rawValue, stored])
            return try db.sqlValue(Int.self, "SELECT revision FROM follow_up WHERE unit_id = ? AND year = ? AND item_id = ? AND period = ?",
                                   [plan.unitID, plan.year, item, period.rawValue]) ?? 0
        case .itemRecord(let item):
            try removeItem(item, plan: plan, db)
            if case .record(let snapshot)? = value { try insert(snapshot, plan: plan, db) }
            return try db.sqlValue(Int.self, "SELECT revision FROM item WHERE id = ?", [item]) ?? 0
        case .followedUp(let item):
            let on: Bool = if case .flag(let flag)? = value { flag } else { true }
            try db.sqlExecute("UPDATE plan_inherits SET followed_up = ? WHERE unit_id = ? AND year = ? AND item_id = ?",
                              [on, plan.unitID, plan.year, item])
            return 0
        case .sectionText(let section, let period):
            try db.sqlExecute("UPDATE section SET text = ?, revision = revision + 1 WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                              [textValue, plan.unitID, plan.year, period.rawValue, section])
            return try db.sqlValue(Int.self, "SELECT revision FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                   [plan.unitID, plan.year, period.rawValue, section]) ?? 0
        case .sectionRecord, .sectionTitle:
            return try storeOwnSection(value, at: ref, in: plan, db)
        }
    }

    static func encode<T: Encodable>(_ value: T?) -> String? {
        value.flatMap(encodedByEncoder)
    }

    /// The same JSON as `encode(_:)` (see `FieldJSON`).
    static func encode(_ field: FieldRef?) -> String? {
        field.map(FieldJSON.encode)
    }

    /// The same JSON as `encode(_:)` (see `FieldJSON`).
    static func encode(_ value: FieldValue?) -> String? {
        guard let value else { return nil }
        return FieldJSON.encode(value) ?? encodedByEncoder(value)
    }

    private static func encodedByEncoder<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func timestamp() -> String {
        Timestamp.string()
    }

    @discardableResult
    static func log(_ action: EditLogEntry.Action, _ ref: FieldRef?, old: FieldValue?, new: FieldValue?, plan: PlanRef?,
                    login: String, refersTo: Int64? = nil, note: String? = nil, _ db: some SQLConnection) throws -> Int64 {
        // A plain statement, not the record's insert: every saved change writes one, the first
        // of them on a key the person waits for (docs/PERFORMANCE.md).
        // The columns are `logColumns`, written out so that the text is a constant.
        try db.sqlInsert("""
            INSERT INTO edit_log (at, login, unit_id, year, action, field, old_value, new_value, state, refers_to, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, logArguments(action, ref, old: old, new: new, plan: plan, login: login, refersTo: refersTo, note: note))
    }
}
