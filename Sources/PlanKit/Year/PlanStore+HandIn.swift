import Foundation
import GRDB

/// Handing a report in and opening it again. A report handed in is kept as it was (its blocks),
/// and its period is read-only until it is reopened with a reason; both land in the edit log.
extension PlanStore {
    /// Hands a period's report in. Refused with the list of gaps while anything is missing,
    /// and refused if it is handed in already.
    @discardableResult
    public func submit(_ ref: PlanRef, period: ReportPeriod) throws -> HandIn {
        try write { db in
            let blocks = try Self.handInBlocks(ref, period: period, db)
            return try Self.recordHandIn(ref, period: period, blocks: blocks, login: login, db)
        }
    }

    /// The report a hand-in of the period would keep, or its refusal: a period the plan does
    /// not have, one handed in already, or the gaps that are left. A store that saves elsewhere
    /// (the PostgreSQL server) asks this of a snapshot of the plan, then records the hand-in.
    public func handInBlocks(_ ref: PlanRef, period: ReportPeriod) throws -> [ReportBlock] {
        try read { db in try Self.handInBlocks(ref, period: period, db) }
    }

    static func handInBlocks(_ ref: PlanRef, period: ReportPeriod, _ db: Database) throws -> [ReportBlock] {
        let plan = try Self.loadPlan(ref, db)
        guard plan.periods.contains(period) else { throw PlanError.periodNotInPlan(period) }
        if let existing = try Self.handIn(ref, period: period, db) {
            throw YearError.alreadySubmitted(period, by: existing.login, at: existing.at)
        }
        let gaps = Completeness.gaps(in: plan, period: period)
        if !gaps.isEmpty { throw YearError.incomplete(period, gaps: gaps) }
        return ReportBuilder(plan: plan, period: period).build()
    }

    /// Records a hand-in of these blocks and its log entry as `login`, inside a transaction the
    /// caller holds, on either database.
    public static func recordHandIn<C: SQLConnection>(_ ref: PlanRef, period: ReportPeriod, blocks: [ReportBlock],
                                                      login: String, _ db: C) throws -> HandIn {
        let content = String(decoding: try JSONEncoder().encode(blocks), as: UTF8.self)
        let at = timestamp()
        let id = try db.sqlInsert("INSERT INTO hand_in (unit_id, year, period, login, at, content) VALUES (?, ?, ?, ?, ?, ?)",
                                  [ref.unitID, ref.year, period.rawValue, login, at, content])
        try log(.submit, nil, old: nil, new: nil, plan: ref, login: login, note: period.rawValue, db)
        return HandIn(id: id, ref: ref, period: period, login: login, at: at, content: blocks)
    }

    /// Opens a handed-in report again for changes; the reason goes into the edit log.
    public func reopen(_ ref: PlanRef, period: ReportPeriod, reason: String) throws {
        try write { db in try Self.reopen(ref, period: period, reason: reason, login: login, db) }
    }

    /// `reopen` as `login`, inside a transaction the caller holds, on either database.
    public static func reopen<C: SQLConnection>(_ ref: PlanRef, period: ReportPeriod, reason: String, login: String, _ db: C) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw YearError.reopenNeedsReason }
        guard try db.sqlValue(Bool.self, "SELECT 1 FROM plan WHERE unit_id = ? AND year = ?", [ref.unitID, ref.year]) != nil else {
            throw PlanError.noPlan(unit: ref.unitID, year: ref.year)
        }
        guard let id = try db.sqlValue(Int64.self, """
            SELECT id FROM hand_in WHERE unit_id = ? AND year = ? AND period = ? AND reopened_at IS NULL ORDER BY id DESC LIMIT 1
            """, [ref.unitID, ref.year, period.rawValue]) else { throw YearError.notSubmitted(period) }
        try db.sqlExecute("UPDATE hand_in SET reopened_by = ?, reopened_at = ?, reopen_reason = ? WHERE id = ?",
                          [login, timestamp(), reason, id])
        try log(.reopen, nil, old: nil, new: nil, plan: ref, login: login, note: "\(period.rawValue): \(reason)", db)
    }

    /// The report of a period as it stands: the copy handed in while the hand-in holds, else
    /// built from the plan now.
    public func reportBlocks(_ ref: PlanRef, period: ReportPeriod, marks: ReportBuilder.Marks = .unicode) throws -> [ReportBlock] {
        if let handIn = try handIn(ref, period: period) { return handIn.content }
        return ReportBuilder(plan: try loadPlan(ref), period: period, marks: marks).build()
    }

    /// Changes to a handed-in period are refused; the unit's own items belong to the plan (VP).
    static func checkNotHandedIn(_ ref: FieldRef, in plan: PlanRef, _ db: some SQLConnection) throws {
        let period = ref.period ?? .vp
        let handedIn = try db.sqlValue(Bool.self, """
            SELECT 1 FROM hand_in WHERE unit_id = ? AND year = ? AND period = ? AND reopened_at IS NULL
            """, [plan.unitID, plan.year, period.rawValue]) ?? false
        if handedIn { throw YearError.handedIn(period) }
    }
}
