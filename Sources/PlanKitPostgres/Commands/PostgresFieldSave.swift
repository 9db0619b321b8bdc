import GRDB
import PlanKit

/// A field saved in two statements: one reads what the rules look at and the field's value and
/// revision, the other writes the field, discards the login's redo chain, logs the change and
/// tells other sessions (`pg_notify`), all at once.
///
/// The write holds only when the record's revision is still the one read (for whether an
/// inherited item is followed up, which has no revision, the value read), so a change made by
/// another session in between is never overwritten unread: the write then changes nothing and
/// the save is read and judged again. The rules are PlanKit's (`PlanStore.checkAllowed`),
/// judged here in the client; row-level security decides which rows the login sees and writes.
///
/// A hand-in made between the read and the write is caught on the plan's row, which every
/// hand-in updates first (`PostgresPlanCommands.submit`): the write locks the row `FOR SHARE`
/// only while it is the version read (its `xmin`, the transaction that wrote it). A hand-in
/// committed before the write is seen by the write's snapshot; one in progress holds the row,
/// the write waits for it, and PostgreSQL then checks the condition again on the row's new
/// version (READ COMMITTED). Either way the write changes nothing and the save is read again,
/// where the hand-in refuses it. A write that locked the row first is committed before the
/// hand-in can update it. Another update of the row (a period started) costs only a read again.
struct PostgresFieldSave {
    let ref: FieldRef
    let plan: PlanRef

    /// The fields saved this way; whole items and own sections are not saved on the server yet.
    static func handles(_ ref: FieldRef) -> Bool { PlanStore.column(of: ref) != nil }

    /// The section whose text is saved (`FieldRef.sectionID` names own sections only).
    private var section: String {
        if case .sectionText(let section, _) = ref { section } else { "" }
    }

    /// What `read` found.
    struct Reading {
        var facts: ChangeFacts
        var value: FieldValue?
        var revision: Int
        /// The plan's row as read: its `xmin`, which any update of the row changes.
        var planVersion: String
    }

    // MARK: Reading

    /// The plan's periods, whether the period is handed in, the item and whether the plan holds
    /// it, whether the section exists, the field's value and revision, and the version of the
    /// plan's row: one statement.
    /// No row: the plan does not exist or the login may not see it.
    func read(_ link: PostgresLink) throws -> Reading {
        let (sql, parameters) = readStatement()
        let rows = try link.run(sql, parameters, prepared: true)
        guard let values = rows.values.first else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
        let named = Dictionary(zip(rows.columns, values), uniquingKeysWith: { first, _ in first })
        // The item's own columns follow the seven above.
        let itemColumns = Dictionary(zip(rows.columns.dropFirst(7), values.dropFirst(7)), uniquingKeysWith: { first, _ in first })
        let item = itemColumns["id"].flatMap { $0 == .null ? nil : $0 }
            .map { _ in PlanStore.decodedItem(Row(itemColumns.mapValues(\.databaseValue))) }
        let facts = ChangeFacts(periods: Self.periods(named["periods"]), handedIn: named["handed_in"] == .integer(1),
                                item: item, inPlan: named["in_plan"] == .integer(1), sectionExists: named["section_exists"] == .integer(1))
        let stored = named["value"]?.databaseValue ?? .null
        let revisionValue: Int = if case .integer(let number)? = named["revision"] { Int(number) } else { 0 }
        guard case .text(let planVersion)? = named["plan_version"] else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
        return Reading(facts: facts, value: PlanStore.value(of: ref, stored: stored), revision: revisionValue, planVersion: planVersion)
    }

    /// The read's statement and its parameters.
    private func readStatement() -> (sql: String, parameters: [PostgresValue]) {
        let (table, column) = PlanStore.column(of: ref)!
        let (value, revision, join): (String, String, String) = switch table {
        case "item": ("i.\(column)", "COALESCE(i.revision, 0)", "")
        case "follow_up": ("f.\(column)", "COALESCE(f.revision, 0)",
                           "LEFT JOIN follow_up f ON f.unit_id = p.unit_id AND f.year = p.year AND f.item_id = $4 AND f.period = $3")
        case "section": ("s.text", "COALESCE(s.revision, 0)",
                         "LEFT JOIN section s ON s.unit_id = p.unit_id AND s.year = p.year AND s.period = $3 AND s.id = $5")
        default: ("COALESCE((SELECT followed_up FROM plan_inherits WHERE unit_id = p.unit_id AND year = p.year AND item_id = $4), 0)",
                  "0", "")
        }
        let sectionExists = table == "section" ? "s.id IS NOT NULL" : "false"
        return ("""
            SELECT p.periods,
                   EXISTS (SELECT 1 FROM hand_in h WHERE h.unit_id = p.unit_id AND h.year = p.year AND h.period = $3
                           AND h.reopened_at IS NULL) AS handed_in,
                   (i.unit_id = p.unit_id AND i.year = p.year) IS TRUE OR EXISTS (SELECT 1 FROM plan_inherits pi
                       WHERE pi.item_id = $4 AND pi.unit_id = p.unit_id AND pi.year = p.year AND (pi.followed_up = 1 OR $6 = 0))
                       AS in_plan,
                   \(sectionExists) AS section_exists, \(value) AS value, \(revision) AS revision,
                   p.xmin::text AS plan_version, i.*
            FROM plan p LEFT JOIN item i ON i.id = $4 \(join)
            WHERE p.unit_id = $1 AND p.year = $2
            """, [.text(plan.unitID), .integer(Int64(plan.year)), .text((ref.period ?? .vp).rawValue),
                  .text(ref.itemID ?? ""), .text(section), .integer(ref.period == nil ? 0 : 1)])
    }

    private static func periods(_ value: PostgresValue?) -> [ReportPeriod] {
        guard case .text(let text)? = value else { return [] }
        return text.split(separator: ",").compactMap { ReportPeriod(rawValue: String($0)) }.sorted()
    }

    /// Prepares the read and the write of a change to a value of `example`'s kind and runs both
    /// for a plan that does not exist (this one's), so that the server plans them now. Neither
    /// finds a row: the write changes only while it holds the plan's row, so it writes, logs
    /// and announces nothing. The old value is a value too, so that the log's NULL of an empty
    /// field fits the statement.
    func prepare(example: FieldValue, login: String, _ link: PostgresLink) throws {
        let (readSQL, readParameters) = readStatement()
        try link.run(readSQL, readParameters, prepared: true)
        let reading = Reading(facts: ChangeFacts(periods: [], handedIn: false, item: nil, inPlan: true, sectionExists: true),
                              value: example, revision: 1, planVersion: "0")
        let (writeSQL, writeParameters) = writeStatement(example, over: reading, login: login, step: .edit)
        try link.run(writeSQL, writeParameters, prepared: true)
    }

    // MARK: Writing

    /// What a write is: a change, which discards the login's redo chain, or an undo or redo of
    /// an entry of the log, which marks the entry undone or active again.
    enum Step {
        case edit
        case undo(EditLogEntry)
        case redo(EditLogEntry)
    }

    /// Writes `value` over `reading`'s and logs the change; the record's new revision, or nil
    /// when the record or the plan's row (a hand-in) changed since it was read, or for undo and
    /// redo, the entry's state did.
    /// Nothing is written then, except by an undo or redo whose entry changed, which the caller
    /// rolls back: it runs in a transaction.
    func write(_ value: FieldValue?, over reading: Reading, login: String, step: Step = .edit,
               _ link: PostgresLink) throws -> Int? {
        let (sql, parameters) = writeStatement(value, over: reading, login: login, step: step)
        guard case .integer(let revision)? = try link.run(sql, parameters, prepared: true).single else { return nil }
        return Int(revision)
    }

    /// The write's statement and its parameters.
    private func writeStatement(_ value: FieldValue?, over reading: Reading, login: String,
                                step: Step) -> (sql: String, parameters: [PostgresValue]) {
        let (table, column) = PlanStore.column(of: ref)!
        let key = plan.unitID, year = Int64(plan.year)
        // $1 unit, $2 year, $3 the value written, $4 the revision (or value) read, $5 login,
        // $6 and $7 the notification, $8 item, $9 period, $10 section, $12 the plan's row as
        // read; the log's values after. Each change holds only when `held` locked the plan's row.
        let change: String = switch table {
        case "item": """
            UPDATE item SET \(column) = $3, revision = revision + 1 WHERE id = $8 AND revision = $4 AND EXISTS (SELECT 1 FROM held)
            RETURNING revision
            """
        case "follow_up": """
            INSERT INTO follow_up (unit_id, year, item_id, period, \(column), revision) SELECT $1, $2, $8, $9, $3, 1 FROM held
            ON CONFLICT (unit_id, year, item_id, period) DO UPDATE SET \(column) = excluded.\(column), revision = follow_up.revision + 1
            WHERE follow_up.revision = $4 RETURNING revision
            """
        case "section": """
            UPDATE section SET text = $3, revision = revision + 1
            WHERE unit_id = $1 AND year = $2 AND period = $9 AND id = $10 AND revision = $4 AND EXISTS (SELECT 1 FROM held)
            RETURNING revision
            """
        default: """
            UPDATE plan_inherits SET followed_up = $3 WHERE unit_id = $1 AND year = $2 AND item_id = $8 AND followed_up = $4
            AND EXISTS (SELECT 1 FROM held) RETURNING 0::bigint AS revision
            """
        }
        let read: PostgresValue = if case .flag(let flag)? = reading.value, table == "plan_inherits" {
            .integer(flag ? 1 : 0)
        } else {
            .integer(Int64(reading.revision))
        }
        // $11: the entry undone or redone. An undone entry's order for redo is above every
        // earlier one, as on SQLite (PlanStore.step).
        let (action, entry, logState): (EditLogEntry.Action, Int64, String) = switch step {
        case .edit: (.edit, 0, """
            UPDATE edit_log SET state = 'discarded'
            WHERE unit_id = $1 AND year = $2 AND login = $5 AND state = 'undone' AND EXISTS (SELECT 1 FROM changed)
            RETURNING id
            """)
        case .undo(let entry): (.undo, entry.id, """
            UPDATE edit_log SET state = 'undone', undo_order = (SELECT max(id) + 1 FROM edit_log)
            WHERE id = $11 AND state = 'active' AND EXISTS (SELECT 1 FROM changed) RETURNING id
            """)
        case .redo(let entry): (.redo, entry.id, """
            UPDATE edit_log SET state = 'active', undo_order = NULL
            WHERE id = $11 AND state = 'undone' AND EXISTS (SELECT 1 FROM changed) RETURNING id
            """)
        }
        // A change logs whatever redo chain it discarded; an undo or redo only when its entry moved.
        let logFrom = if case .edit = step { "changed" } else { "changed, stepped" }
        let log = PostgresLink.values(PlanStore.logArguments(action, ref, old: reading.value, new: value, plan: plan, login: login,
                                                             refersTo: entry == 0 ? nil : entry))
        let logPlaceholders = (0..<log.count).map { "$\(13 + $0)" }.joined(separator: ", ")
        return ("""
            WITH held AS (SELECT 1 FROM plan WHERE unit_id = $1 AND year = $2 AND xmin::text = $12 FOR SHARE),
            changed AS (\(change)),
            stepped AS (\(logState)),
            logged AS (
                INSERT INTO edit_log (\(PlanStore.logColumns)) SELECT \(logPlaceholders) FROM \(logFrom) RETURNING id
            ),
            notified AS (SELECT \(PostgresChannels.notify(channel: "$6", payload: "$7", unit: "$1")) FROM logged)
            SELECT changed.revision FROM changed, notified
            """, [.text(key), .integer(year), PostgresLink.values([PlanStore.stored(value, at: ref)])[0], read, .text(login),
                  .text(PostgresChannels.unit(plan.unitID)), .text("\(plan.unitID)/\(plan.year)"), .text(ref.itemID ?? ""),
                  .text((ref.period ?? .vp).rawValue), .text(section), .integer(entry), .text(reading.planVersion)] + log)
    }
}
