import Foundation
import GRDB

/// Sections the unit adds to a period beside the template's (a heading and a text of its own):
/// added, renamed and removed like any change, logged and undone, on either database.
extension PlanStore {
    /// Adds an own section at the end of the period's sections before or after the goals;
    /// returns its id. Its text is written with `setSectionText` like any section's.
    @discardableResult
    public func addSection(title: String, period: ReportPeriod, placement: SectionPlacement = .afterGoals,
                           in plan: PlanRef) throws -> String {
        try write { db in try Self.addSection(title: title, period: period, placement: placement, in: plan, login: login, db) }
    }

    /// `addSection` as `login`, inside a transaction the caller holds, on either database.
    @discardableResult
    public static func addSection<C: SQLConnection>(title: String, period: ReportPeriod, placement: SectionPlacement,
                                                    in plan: PlanRef, login: String, _ db: C) throws -> String {
        let title = try sectionTitle(title)
        let id = try newSectionID(in: plan, db)
        let position = (try db.sqlValue(Int.self, "SELECT MAX(position) FROM section WHERE unit_id = ? AND year = ? AND period = ?",
                                        [plan.unitID, plan.year, period.rawValue]) ?? -1) + 1
        let snapshot = SectionSnapshot(title: title, placement: placement, position: position)
        _ = try set(.sectionRecord(section: id, period: period), to: .section(snapshot), in: plan, expectedRevision: nil, login: login, db)
        return id
    }

    /// Gives an own section a new heading.
    public func renameSection(_ section: String, to title: String, period: ReportPeriod, in plan: PlanRef) throws {
        try write { db in try Self.renameSection(section, to: title, period: period, in: plan, login: login, db) }
    }

    /// `renameSection` as `login`, inside a transaction the caller holds, on either database.
    public static func renameSection<C: SQLConnection>(_ section: String, to title: String, period: ReportPeriod,
                                                       in plan: PlanRef, login: String, _ db: C) throws {
        let title = try sectionTitle(title)
        _ = try set(.sectionTitle(section: section, period: period), to: .text(title), in: plan, expectedRevision: nil, login: login, db)
    }

    /// Removes an own section with its text; undo puts both back.
    public func removeSection(_ section: String, period: ReportPeriod, in plan: PlanRef) throws {
        try write { db in try Self.removeSection(section, period: period, in: plan, login: login, db) }
    }

    /// `removeSection` as `login`, inside a transaction the caller holds, on either database.
    public static func removeSection<C: SQLConnection>(_ section: String, period: ReportPeriod, in plan: PlanRef,
                                                       login: String, _ db: C) throws {
        let ref = FieldRef.sectionRecord(section: section, period: period)
        guard try ownSectionValue(of: ref, in: plan, db).0 != nil else { throw PlanError.unknownSection(section, period) }
        _ = try set(ref, to: nil, in: plan, expectedRevision: nil, login: login, db)
    }

    private static func sectionTitle(_ title: String) throws -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw PlanningError.sectionTitleNeeded }
        return title
    }

    /// "egen-01", "egen-02", …: one number more than any own section of the plan has, in any
    /// period. A plan has a few dozen sections, so they are all read and the own ones picked
    /// here rather than by a range of ids, whose order depends on the database's collation.
    private static func newSectionID(in plan: PlanRef, _ db: some SQLConnection) throws -> String {
        let prefix = Section.ownIDPrefix
        let existing = try db.sqlRows("SELECT id FROM section WHERE unit_id = ? AND year = ?", [plan.unitID, plan.year])
            .map { $0["id"] as String }
        let number = (existing.filter { $0.hasPrefix(prefix) }.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1
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

    static func ownSectionValue(of ref: FieldRef, in plan: PlanRef, _ db: some SQLConnection) throws -> (FieldValue?, Int) {
        guard let section = ref.sectionID, let period = ref.period else { return (nil, 0) }
        guard let row = try db.sqlRecord(SectionRow.self, "SELECT * FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                                         [plan.unitID, plan.year, period.rawValue, section]) else { return (nil, 0) }
        let stored = row.section
        if case .sectionTitle = ref { return (FieldValue.normalized(.text(stored.title)), row.revision) }
        let snapshot = SectionSnapshot(title: stored.title, parentID: stored.parentID, placement: stored.placement,
                                       position: row.position, text: stored.text)
        return (.section(snapshot), row.revision)
    }

    static func storeOwnSection(_ value: FieldValue?, at ref: FieldRef, in plan: PlanRef, _ db: some SQLConnection) throws -> Int {
        guard let section = ref.sectionID, let period = ref.period else { return 0 }
        let key: StatementArguments = [plan.unitID, plan.year, period.rawValue, section]
        switch (ref, value) {
        case (.sectionTitle, .text(let title)?):
            try db.sqlExecute("UPDATE section SET title = ?, revision = revision + 1 WHERE unit_id = ? AND year = ? AND period = ? AND id = ?",
                              [title] + key)
        case (.sectionTitle, _):
            throw PlanningError.sectionTitleNeeded
        default:
            try db.sqlExecute("DELETE FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?", key)
            if case .section(let snapshot)? = value {
                try writeSection(Section(id: section, parentID: snapshot.parentID, title: snapshot.title, placement: snapshot.placement,
                                         text: snapshot.text), period: period, position: snapshot.position, in: plan, db)
            }
        }
        return try db.sqlValue(Int.self, "SELECT revision FROM section WHERE unit_id = ? AND year = ? AND period = ? AND id = ?", key) ?? 0
    }
}
