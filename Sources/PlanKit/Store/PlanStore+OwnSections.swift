import Foundation
import GRDB

/// Sections the unit adds to a period beside the template's (a heading and a text of its own):
/// added, renamed and removed like any change, logged and undone.
extension PlanStore {
    /// Adds an own section at the end of the period's sections before or after the goals;
    /// returns its id. Its text is written with `setSectionText` like any section's.
    @discardableResult
    public func addSection(title: String, period: ReportPeriod, placement: SectionPlacement = .afterGoals,
                           in plan: PlanRef) throws -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw PlanningError.sectionTitleNeeded }
        return try write { db in
            let id = try Self.newSectionID(in: plan, db)
            let position = (try Int.fetchOne(cached: db, sql: "SELECT MAX(position) FROM section WHERE unit_id = ? AND year = ? AND period = ?",
                                             arguments: [plan.unitID, plan.year, period.rawValue]) ?? -1) + 1
            let snapshot = SectionSnapshot(title: title, placement: placement, position: position)
            _ = try set(.sectionRecord(section: id, period: period), to: .section(snapshot), in: plan, expectedRevision: nil, db)
            return id
        }
    }

    /// Gives an own section a new heading.
    public func renameSection(_ section: String, to title: String, period: ReportPeriod, in plan: PlanRef) throws {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw PlanningError.sectionTitleNeeded }
        try set(.sectionTitle(section: section, period: period), to: .text(title), in: plan)
    }

    /// Removes an own section with its text; undo puts both back.
    public func removeSection(_ section: String, period: ReportPeriod, in plan: PlanRef) throws {
        try write { db in
            guard try Self.ownSectionValue(of: .sectionRecord(section: section, period: period), in: plan, db).0 != nil else {
                throw PlanError.unknownSection(section, period)
            }
            _ = try set(.sectionRecord(section: section, period: period), to: nil, in: plan, expectedRevision: nil, db)
        }
    }

    /// "egen-01", "egen-02", …: one number more than any own section of the plan has, in any period.
    private static func newSectionID(in plan: PlanRef, _ db: Database) throws -> String {
        let prefix = Section.ownIDPrefix
        let existing = try String.fetchAll(cached: db, sql: "SELECT id FROM section WHERE unit_id = ? AND year = ? AND id >= ? AND id < ?",
                                           arguments: [plan.unitID, plan.year, prefix, prefix + "\u{10FFFF}"])
        let number = (existing.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1
        return prefix + String(format: "%02d", number)
    }

    /// Only the unit's own sections are renamed or removed, in a period the plan has; a heading
    /// is changed only on a section that is there.
    static func checkOwnSection(_ ref: FieldRef, periods: [ReportPeriod], in plan: PlanRef, _ db: some SQLConnection) throws {
        guard let section = ref.sectionID, let period = ref.period else { return }
        let title = try db.sqlValue(String.self, "SELECT title FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                    [plan.unitID, plan.year, period.rawValue, section])
        if !Section.isOwnID(section) { throw PlanningError.notOwnSection(title ?? section) }
        try EditRules.check(ref, item: nil, inPlan: true, periods: periods)
        if case .sectionTitle = ref, title == nil { throw PlanError.unknownSection(section, period) }
    }

    static func ownSectionValue(of ref: FieldRef, in plan: PlanRef, _ db: Database) throws -> (FieldValue?, Int) {
        guard let section = ref.sectionID, let period = ref.period else { return (nil, 0) }
        guard let row = try SectionRow.fetchOne(cached: db, sql: "SELECT * FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                                arguments: [plan.unitID, plan.year, period.rawValue, section]) else { return (nil, 0) }
        let stored = row.section
        let revision = row.revision
        if case .sectionTitle = ref { return (FieldValue.normalized(.text(stored.title)), revision) }
        let snapshot = SectionSnapshot(title: stored.title, parentID: stored.parentID, placement: stored.placement,
                                       position: row.position, text: stored.text)
        return (.section(snapshot), revision)
    }

    static func storeOwnSection(_ value: FieldValue?, at ref: FieldRef, in plan: PlanRef, _ db: Database) throws -> Int {
        guard let section = ref.sectionID, let period = ref.period else { return 0 }
        let key: StatementArguments = [plan.unitID, plan.year, period.rawValue, section]
        switch (ref, value) {
        case (.sectionTitle, .text(let title)?):
            try db.execute(cached: "UPDATE section SET title = ?, revision = revision + 1 WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                           arguments: [title] + key)
        case (.sectionTitle, _):
            throw PlanningError.sectionTitleNeeded
        default:
            try db.execute(cached: "DELETE FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?", arguments: key)
            if case .section(let snapshot)? = value {
                try writeSection(Section(id: section, parentID: snapshot.parentID, title: snapshot.title, placement: snapshot.placement,
                                         text: snapshot.text), period: period, position: snapshot.position, in: plan, db)
            }
        }
        return try Int.fetchOne(cached: db, sql: "SELECT revision FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                arguments: key) ?? 0
    }
}
