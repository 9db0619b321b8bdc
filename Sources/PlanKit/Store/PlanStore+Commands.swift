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
        let value = FieldValue.normalized(value)
        try Self.checkAllowed(ref, in: plan, db)
        let (old, revision) = try Self.currentValue(of: ref, in: plan, db)
        if let expectedRevision, expectedRevision != revision {
            throw PlanError.staleRevision(expected: expectedRevision, actual: revision)
        }
        if old == value { return revision }
        let newRevision = try Self.store(value, at: ref, in: plan, db)
        try Self.discardRedo(plan: plan, login: login, db)
        try Self.log(.edit, ref, old: old, new: value, plan: plan, login: login, db)
        return newRevision
    }

    /// The current value of a field and the revision of its record.
    public func value(of ref: FieldRef, in plan: PlanRef) throws -> (value: FieldValue?, revision: Int) {
        try read { db in try Self.currentValue(of: ref, in: plan, db) }
    }

    // MARK: Rules, reading and writing one field

    @discardableResult
    static func checkAllowed(_ ref: FieldRef, in plan: PlanRef, _ db: Database) throws -> [ReportPeriod] {
        guard let periodsText = try String.fetchOne(cached: db, sql: "SELECT periods FROM plan WHERE unit_id = ? AND year = ?",
                                                    arguments: [plan.unitID, plan.year]) else {
            throw PlanError.noPlan(unit: plan.unitID, year: plan.year)
        }
        let periods = Self.periods(periodsText)
        try checkNotHandedIn(ref, in: plan, db)
        if case .sectionText(let section, let period) = ref {
            try EditRules.check(ref, item: nil, inPlan: true, periods: periods)
            let exists = try Bool.fetchOne(cached: db, sql: "SELECT 1 FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                           arguments: [plan.unitID, plan.year, period.rawValue, section]) ?? false
            if !exists { throw PlanError.unknownSection(section, period) }
            return periods
        }
        if ref.sectionID != nil {
            try checkOwnSection(ref, periods: periods, in: plan, db)
            return periods
        }
        let itemID = ref.itemID ?? ""
        let item = try Row.fetchOne(cached: db, sql: "SELECT * FROM item WHERE id = ?", arguments: [itemID]).map(Self.item)
        if case .itemRecord = ref {
            // Creating (item is nil) is checked by the command that builds the snapshot.
            if let item, item.author != .unit { throw PlanError.inherited(itemID: itemID, author: item.author) }
            if item != nil, try !isInPlan(itemID, plan, db) { throw PlanError.unknownItem(itemID) }
            return periods
        }
        let inPlan = try isInPlan(itemID, plan, forFollowUp: ref.period != nil, db)
        try EditRules.check(ref, item: item, inPlan: inPlan, periods: periods)
        return periods
    }

    /// Whether the plan holds an item; for a follow-up, whether the unit follows it up.
    static func isInPlan(_ itemID: String, _ plan: PlanRef, forFollowUp: Bool = false, _ db: Database) throws -> Bool {
        try Bool.fetchOne(cached: db, sql: """
            SELECT 1 FROM item WHERE id = ? AND unit_id = ? AND year = ?
            UNION SELECT 1 FROM plan_inherits WHERE item_id = ? AND unit_id = ? AND year = ? AND (followed_up = 1 OR ? = 0)
            """, arguments: [itemID, plan.unitID, plan.year, itemID, plan.unitID, plan.year, forFollowUp]) ?? false
    }

    static func currentValue(of ref: FieldRef, in plan: PlanRef, _ db: Database) throws -> (FieldValue?, Int) {
        switch ref {
        case .itemText(let item, let field):
            let row = try Row.fetchOne(cached: db, sql: "SELECT \(column(for: field)) AS value, revision FROM item WHERE id = ?", arguments: [item])
            let text: String? = row?["value"]
            return (FieldValue.normalized(text.map(FieldValue.text)), row?["revision"] ?? 0)
        case .itemDate(let item, let field):
            let row = try Row.fetchOne(cached: db, sql: "SELECT \(field == .start ? "start_date" : "end_date") AS value, revision FROM item WHERE id = ?", arguments: [item])
            let text: String? = row?["value"]
            return (FieldValue.normalized(text.map(FieldValue.text)), row?["revision"] ?? 0)
        case .rating(let item, let period), .status(let item, let period), .outcome(let item, let period), .analysis(let item, let period):
            let row = try Row.fetchOne(cached: db, sql: "SELECT * FROM follow_up WHERE unit_id = ? AND year = ? AND item_id = ? AND period = ?",
                                       arguments: [plan.unitID, plan.year, item, period.rawValue])
            let followUp = row.map(Self.followUp) ?? .empty
            let value: FieldValue? = switch ref {
            case .rating: followUp.rating.map(FieldValue.rating)
            case .status: followUp.status.map(FieldValue.status)
            case .outcome: followUp.outcome.map(FieldValue.number)
            default: FieldValue.normalized(.text(followUp.analysis))
            }
            return (value, followUp.revision)
        case .sectionText(let section, let period):
            let row = try Row.fetchOne(cached: db, sql: "SELECT text, revision FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                       arguments: [plan.unitID, plan.year, period.rawValue, section])
            let text: String? = row?["text"]
            return (FieldValue.normalized(text.map(FieldValue.text)), row?["revision"] ?? 0)
        case .itemRecord(let item):
            let revision = try Int.fetchOne(cached: db, sql: "SELECT revision FROM item WHERE id = ?", arguments: [item]) ?? 0
            return (try snapshot(of: item, plan: plan, db).map(FieldValue.record), revision)
        case .followedUp(let item):
            return (.flag(try followedUp(item, in: plan, db)), 0)
        case .sectionRecord, .sectionTitle:
            return try ownSectionValue(of: ref, in: plan, db)
        }
    }

    /// Writes a value and bumps the record's revision; returns the new revision.
    static func store(_ value: FieldValue?, at ref: FieldRef, in plan: PlanRef, _ db: Database) throws -> Int {
        var textValue: String? { if case .text(let text)? = value { return text } else { return nil } }
        switch ref {
        case .itemText(let item, let field):
            let column = column(for: field)
            // The title column is NOT NULL: an emptied title is stored as "".
            let stored: DatabaseValueConvertible? = field == .title ? (textValue ?? "") : textValue
            try db.execute(cached: "UPDATE item SET \(column) = ?, revision = revision + 1 WHERE id = ?", arguments: [stored, item])
            return try Int.fetchOne(cached: db, sql: "SELECT revision FROM item WHERE id = ?", arguments: [item]) ?? 0
        case .itemDate(let item, let field):
            try db.execute(cached: "UPDATE item SET \(field == .start ? "start_date" : "end_date") = ?, revision = revision + 1 WHERE id = ?",
                           arguments: [textValue, item])
            return try Int.fetchOne(cached: db, sql: "SELECT revision FROM item WHERE id = ?", arguments: [item]) ?? 0
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
            try db.execute(cached: """
                INSERT INTO follow_up (unit_id, year, item_id, period, \(column), revision) VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (unit_id, year, item_id, period) DO UPDATE SET \(column) = excluded.\(column), revision = revision + 1
                """, arguments: [plan.unitID, plan.year, item, period.rawValue, stored])
            return try Int.fetchOne(cached: db, sql: "SELECT revision FROM follow_up WHERE unit_id = ? AND year = ? AND item_id = ? AND period = ?",
                                    arguments: [plan.unitID, plan.year, item, period.rawValue]) ?? 0
        case .itemRecord(let item):
            try removeItem(item, plan: plan, db)
            if case .record(let snapshot)? = value { try insert(snapshot, plan: plan, db) }
            return try Int.fetchOne(cached: db, sql: "SELECT revision FROM item WHERE id = ?", arguments: [item]) ?? 0
        case .followedUp(let item):
            let on: Bool = if case .flag(let flag)? = value { flag } else { true }
            try db.execute(cached: "UPDATE plan_inherits SET followed_up = ? WHERE unit_id = ? AND year = ? AND item_id = ?",
                           arguments: [on, plan.unitID, plan.year, item])
            return 0
        case .sectionText(let section, let period):
            try db.execute(cached: "UPDATE section SET text = ?, revision = revision + 1 WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                           arguments: [textValue, plan.unitID, plan.year, period.rawValue, section])
            return try Int.fetchOne(cached: db, sql: "SELECT revision FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                    arguments: [plan.unitID, plan.year, period.rawValue, section]) ?? 0
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
                    login: String, refersTo: Int64? = nil, note: String? = nil, _ db: Database) throws -> Int64 {
        // A plain statement, not the record's insert: every saved change writes one, the first
        // of them on a key the person waits for (docs/PERFORMANCE.md).
        try db.execute(cached: """
            INSERT INTO edit_log (at, login, unit_id, year, action, field, old_value, new_value, state, refers_to, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [timestamp(), login, plan?.unitID, plan?.year, action.rawValue, encode(ref),
                             encode(old), encode(new), action == .edit ? "active" : nil, refersTo, note])
        return db.lastInsertedRowID
    }
}
