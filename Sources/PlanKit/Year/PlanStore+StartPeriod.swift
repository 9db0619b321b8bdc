import Foundation
import GRDB

/// Starting a follow-up period (T1, T2, VB) of a plan.
extension PlanStore {
    /// Adds a follow-up period to the plan with the sections its template has (Uppföljning av
    /// ekonomi with its sub-sections among them). Periods may be skipped (a VB straight after
    /// the VP, as the City allows); the result says which period the new one follows on from.
    @discardableResult
    public func startPeriod(_ period: ReportPeriod, in ref: PlanRef) throws -> StartedPeriod {
        try write { db in try Self.startPeriod(period, in: ref, login: login, db) }
    }

    /// `startPeriod` as `login`, inside a transaction the caller holds, on either database.
    public static func startPeriod<C: SQLConnection>(_ period: ReportPeriod, in ref: PlanRef, login: String,
                                                     _ db: C) throws -> StartedPeriod {
        guard period.isFollowUp else { throw YearError.periodExists(.vp, year: ref.year) }
        guard let text = try db.sqlValue(String.self, "SELECT periods FROM plan WHERE unit_id = ? AND year = ?",
                                         [ref.unitID, ref.year]) else {
            throw PlanError.noPlan(unit: ref.unitID, year: ref.year)
        }
        var periods = Self.periods(text)
        if periods.contains(period) { throw YearError.periodExists(period, year: ref.year) }
        let startsFrom = periods.filter { $0.isFollowUp && $0 < period }.max() ?? .vp
        periods = (periods + [period]).sorted()
        try db.sqlExecute("UPDATE plan SET periods = ? WHERE unit_id = ? AND year = ?",
                          [periods.map(\.rawValue).joined(separator: ","), ref.unitID, ref.year])
        let sections = try Self.writeTemplateSections(period, in: ref, db)
        try Self.log(.start, nil, old: nil, new: nil, plan: ref, login: login, note: "\(period.rawValue) från \(startsFrom.rawValue)", db)
        return StartedPeriod(ref: ref, period: period, startsFrom: startsFrom, sections: sections)
    }

    /// Copies the previous follow-up period's analysis of an item into this period, as a
    /// starting point; an ordinary change (undone like any other). Returns the new revision.
    @discardableResult
    public func copyPreviousAnalysis(item: String, period: ReportPeriod, in ref: PlanRef) throws -> Int {
        try write { db in
            let plan = try Self.loadPlan(ref, db)
            guard let previous = plan.previousFollowUp(item, before: period), !previous.value.analysis.isEmpty else {
                throw YearError.nothingToCopy(period)
            }
            return try set(.analysis(item: item, period: period), to: .text(previous.value.analysis), in: ref,
                           expectedRevision: nil, db)
        }
    }

    /// The template's sections of a period that the plan does not have yet, in template order.
    static func writeTemplateSections(_ period: ReportPeriod, in ref: PlanRef, _ db: some SQLConnection,
                                      texts: [String: String] = [:]) throws -> [String] {
        let existing = Set(try db.sqlRows("SELECT id FROM section WHERE unit_id = ? AND year = ? AND period = ?",
                                          [ref.unitID, ref.year, period.rawValue]).map { $0["id"] as String })
        var position = (try db.sqlValue(Int.self, "SELECT MAX(position) FROM section WHERE unit_id = ? AND year = ? AND period = ?",
                                        [ref.unitID, ref.year, period.rawValue]) ?? -1) + 1
        var written: [String] = []
        for var section in SectionTemplate.emptySections(for: period) where !existing.contains(section.id) {
            section.text = texts[section.id] ?? ""
            try writeSection(section, period: period, position: position, in: ref, db)
            position += 1
            written.append(section.id)
        }
        return written
    }
}
