import Foundation
import GRDB

/// Starting next year's plan (VP) from this year's: the board's new cascade, and the unit's own
/// goals, indicators and unfinished activities carried over under the matching nämndmål.
extension PlanStore {
    /// Starts the unit's plan for `year` from its plan for `fromYear` (default: the year before).
    /// Needs the board's cascade for `year` in the database. Nothing the unit wrote is dropped
    /// silently: every own item is in the returned list, placed or waiting to be placed.
    @discardableResult
    public func startYear(unit unitID: String, year: Int, from fromYear: Int? = nil) throws -> StartedYear {
        let fromYear = fromYear ?? year - 1
        return try write { db in
            try Self.startYear(unit: unitID, year: year, from: fromYear, login: login, db) {
                try Self.yearStartSources(unit: unitID, year: year, from: fromYear, db)
            }
        }
    }

    /// What a start of the unit's plan for `year` from `fromYear` is made from, read from this
    /// store: a store that saves elsewhere (the PostgreSQL server) reads it from a snapshot
    /// taken in its own transaction. Refused when there is no plan to start from or no cascade.
    public func yearStartSources(unit unitID: String, year: Int, from fromYear: Int) throws -> YearStartSources {
        try read { db in try Self.yearStartSources(unit: unitID, year: year, from: fromYear, db) }
    }

    static func yearStartSources(unit unitID: String, year: Int, from fromYear: Int, _ db: Database) throws -> YearStartSources {
        let old: PlanDocument
        do {
            old = try Self.loadPlan(PlanRef(unitID: unitID, year: fromYear), db)
        } catch PlanError.noPlan {
            throw YearError.nothingToStartFrom(unit: unitID, year: fromYear)
        }
        let cascade = try Self.cascadeItemsByID(board: old.board.id, year: year, db)
        guard !cascade.isEmpty else { throw YearError.noCascade(board: old.board.name, year: year) }
        return YearStartSources(old: old, cascade: cascade)
    }

    /// `startYear` as `login`, inside a transaction the caller holds, on either database: the
    /// new plan must not be there yet; `sources` is asked next for what it is made from.
    public static func startYear<C: SQLConnection>(unit unitID: String, year: Int, from fromYear: Int, login: String, _ db: C,
                                                   sources: () throws -> YearStartSources) throws -> StartedYear {
        let ref = PlanRef(unitID: unitID, year: year)
        if try db.sqlValue(Bool.self, "SELECT 1 FROM plan WHERE unit_id = ? AND year = ?", [unitID, year]) != nil {
            throw YearError.periodExists(.vp, year: year)
        }
        let found = try sources()
        let old = found.old, cascade = found.cascade

        try db.sqlExecute("INSERT INTO plan (unit_id, year, board_id, periods) VALUES (?, ?, ?, 'vp')", [unitID, year, old.board.id])
        // The plan shows every nämndmål, activity and indicator of the board's cascade (KF's
        // goals come along as their heads). The unit follows up again what it followed up last
        // year (the same kind and title), KF's activities and indicators as the board's: most of
        // KF's are other boards' tasks ("Trafiknämnden ska …"). The rest it may take up (`setFollowedUp`).
        var followedLastYear: Set<String> = []
        for item in old.items.values where item.author != .unit && item.kind != .goal && !old.notFollowedUp.contains(item.id) {
            followedLastYear.insert("\(item.kind.rawValue):\(TitleMatch.normalized(item.title(in: .vb)))")
        }
        for item in cascade.values.sorted(by: { $0.id < $1.id })
        where !(item.kind == .goal && (item.level == .councilDirection || item.level == .councilArea)) {
            let followed = item.kind == .goal
                || followedLastYear.contains("\(item.kind.rawValue):\(TitleMatch.normalized(item.title))")
            try db.sqlExecute("INSERT INTO plan_inherits (unit_id, year, item_id, followed_up) VALUES (?, ?, ?, ?)",
                              [unitID, year, item.id, followed])
        }
        // The unit's descriptions of itself carry over; what must be written anew (Inledning) does not.
        var texts: [String: String] = [:]
        for section in old.sections(in: .vp) where !SectionTemplate.isRequired(section.id, in: .vp) {
            texts[section.id] = section.text
        }
        _ = try Self.writeTemplateSections(.vp, in: ref, db, texts: texts)

        let boardGoals = cascade.values.filter { $0.kind == .goal && $0.level == .boardGoal }
            .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            .map { (id: $0.id, title: $0.title) }
        var carrier = Carrier(old: old, ref: ref, fromYear: fromYear, board: old.board.id, db: db)
        for item in old.walk() where item.author == .unit && !(item.parentID.map { old.items[$0]?.author == .unit } ?? false) {
            let parentTitle = item.parentID.flatMap { old.items[$0] }?.title(in: .vb) ?? ""
            if let match = TitleMatch.best(for: parentTitle, among: boardGoals) {
                try carrier.carry(item, under: match.id, outcome: match.exact ? .placed : .placedByCloseWording,
                                  oldParentTitle: parentTitle)
            } else {
                try carrier.hold(item, oldParentTitle: parentTitle)
            }
        }
        for (position, entry) in carrier.entries.enumerated() {
            try Self.writeCarryOver(entry, position: position, ref: ref, fromYear: fromYear,
                                    snapshot: carrier.held[entry.sourceID], db)
        }
        try Self.log(.start, nil, old: nil, new: nil, plan: ref, login: login, note: "vp från \(fromYear)", db)
        return StartedYear(ref: ref, fromYear: fromYear, entries: carrier.entries)
    }

    /// What starting the year carried over, in the order of last year's plan.
    public func carryOver(_ ref: PlanRef) throws -> [CarryOverEntry] {
        try read { db in
            var entries: [CarryOverEntry] = []
            try ColumnPositions.forEachRow(db, sql: "SELECT * FROM carry_over WHERE unit_id = ? AND year = ? ORDER BY position",
                                           arguments: [ref.unitID, ref.year]) { entries.append(Self.carryOverRow($0).entry) }
            return entries
        }
    }

    /// The year the plan was started from, when starting it carried anything over.
    public func carryOverFromYear(_ ref: PlanRef) throws -> Int? {
        try read { db in
            try Int.fetchOne(cached: db, sql: "SELECT from_year FROM carry_over WHERE unit_id = ? AND year = ? LIMIT 1",
                             arguments: [ref.unitID, ref.year])
        }
    }

    /// Places an item that found no nämndmål under one of this year's nämndmål, with what stood
    /// under it; or confirms a close match where it was placed (`under` nil).
    @discardableResult
    public func placeCarriedItem(_ sourceID: String, under boardGoal: String?, in ref: PlanRef) throws -> CarryOverEntry {
        try write { db in try Self.placeCarriedItem(sourceID, under: boardGoal, in: ref, login: login, db) }
    }

    /// `placeCarriedItem` as `login`, inside a transaction the caller holds, on either database.
    public static func placeCarriedItem<C: SQLConnection>(_ sourceID: String, under boardGoal: String?, in ref: PlanRef,
                                                          login: String, _ db: C) throws -> CarryOverEntry {
        guard let row = try db.sqlRecord(CarryOverRow.self, "SELECT * FROM carry_over WHERE unit_id = ? AND year = ? AND source_id = ?",
                                         [ref.unitID, ref.year, sourceID]) else {
            throw PlanError.unknownItem(sourceID)
        }
        try Self.checkNotHandedIn(.itemRecord(item: sourceID), in: ref, db)
        var entry = row.entry
        if let boardGoal, entry.outcome == .needsPlacing, !entry.decided {
            guard let text = row.snapshot,
                  let snapshot = try? JSONDecoder().decode(ItemSnapshot.self, from: Data(text.utf8)) else {
                throw PlanError.unknownItem(sourceID)
            }
            let goal = try db.sqlRow("SELECT * FROM item WHERE id = ?", [boardGoal]).map(Self.item)
            guard let goal, goal.level == .boardGoal, try Self.isInPlan(boardGoal, ref, db) else {
                throw YearError.unknownPlacement(boardGoal)
            }
            let board = try db.sqlValue(String.self, "SELECT board_id FROM plan WHERE unit_id = ? AND year = ?",
                                        [ref.unitID, ref.year]) ?? ""
            let placed = try Self.recreate(snapshot, under: boardGoal, ref: ref, board: board, db)
            entry.placedID = placed
            entry.placedUnder = boardGoal
            entry.outcome = .placed
        } else if boardGoal != nil || entry.decided {
            throw YearError.unknownPlacement(sourceID)
        }
        entry.decided = true
        try db.sqlExecute("""
            UPDATE carry_over SET outcome = ?, placed_id = ?, placed_under = ?, decided = 1 WHERE unit_id = ? AND year = ? AND source_id = ?
            """, [entry.outcome.rawValue, entry.placedID, entry.placedUnder, ref.unitID, ref.year, sourceID])
        try Self.log(.start, nil, old: nil, new: nil, plan: ref, login: login, note: "placerad \(sourceID)", db)
        return entry
    }

    /// Lets an item that found no place go, on purpose; the list keeps it as dropped.
    public func dropCarriedItem(_ sourceID: String, in ref: PlanRef) throws {
        try write { db in try Self.dropCarriedItem(sourceID, in: ref, login: login, db) }
    }

    /// `dropCarriedItem` as `login`, inside a transaction the caller holds, on either database.
    public static func dropCarriedItem<C: SQLConnection>(_ sourceID: String, in ref: PlanRef, login: String, _ db: C) throws {
        try Self.checkNotHandedIn(.itemRecord(item: sourceID), in: ref, db)
        let waiting = "unit_id = ? AND year = ? AND source_id = ? AND outcome = 'unplaced'"
        guard try db.sqlValue(Bool.self, "SELECT 1 FROM carry_over WHERE \(waiting)", [ref.unitID, ref.year, sourceID]) != nil else {
            throw PlanError.unknownItem(sourceID)
        }
        try db.sqlExecute("UPDATE carry_over SET outcome = 'dropped', decided = 1 WHERE \(waiting)", [ref.unitID, ref.year, sourceID])
        try Self.log(.start, nil, old: nil, new: nil, plan: ref, login: login, note: "släppt \(sourceID)", db)
    }

    static func writeCarryOver(_ entry: CarryOverEntry, position: Int, ref: PlanRef, fromYear: Int,
                               snapshot: ItemSnapshot?, _ db: some SQLConnection) throws {
        try db.sqlExecute("""
            INSERT INTO carry_over (unit_id, year, from_year, position, source_id, kind, title, outcome, old_parent_title,
                placed_id, placed_under, snapshot, decided)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [ref.unitID, ref.year, fromYear, position, entry.sourceID, entry.kind.rawValue, entry.title,
                  entry.outcome.rawValue, entry.oldParentTitle, entry.placedID, entry.placedUnder, encode(snapshot), entry.decided])
    }

    /// Writes the rows of a held snapshot under a new parent with fresh ids; returns the top item's id.
    static func recreate(_ snapshot: ItemSnapshot, under parent: String, ref: PlanRef, board: String, _ db: some SQLConnection) throws -> String {
        var newIDs: [String: String] = [:]
        for row in snapshot.rows {
            let newParent = row.parent.flatMap { newIDs[$0] } ?? parent
            let id = try newID(prefix: idPrefix(for: row, parent: newParent, ref: ref), db)
            newIDs[row.id] = id
            let position = try nextPosition(under: newParent, kind: row.kind, db)
            var copy = row
            copy.id = id
            copy.parent = newParent
            copy.board = board
            copy.year = ref.year
            copy.unit = ref.unitID
            copy.position = position
            try writeItem(copy, db)
        }
        return newIDs[snapshot.rows[0].id] ?? ""
    }

    static func idPrefix(for row: ItemSnapshot.Row, parent: String, ref: PlanRef) -> String {
        switch row.kind {
        case .goal:
            // Last year's numbering ("re-2021-em-04") goes on with this year's ("re-2022-em-").
            if let range = row.id.range(of: #"-\d{4}-em-\d+$"#, options: .regularExpression) {
                return String(row.id[..<range.lowerBound]) + "-\(ref.year)-em-"
            }
            return "\(ref.unitID)-\(ref.year)-em-"
        case .activity: return "\(parent)-a"
        case .indicator: return "\(parent)-i"
        }
    }
}

/// Carries one top-level own item (with what stands under it) into the new year's plan.
private struct Carrier<C: SQLConnection> {
    let old: PlanDocument
    let ref: PlanRef
    let fromYear: Int
    let board: String
    let db: C
    var entries: [CarryOverEntry] = []
    /// Snapshots of the items that wait to be placed, by source id.
    var held: [String: ItemSnapshot] = [:]

    init(old: PlanDocument, ref: PlanRef, fromYear: Int, board: String, db: C) {
        self.old = old
        self.ref = ref
        self.fromYear = fromYear
        self.board = board
        self.db = db
    }

    /// Whether an own activity was finished by the last period the old plan reports on.
    func isFinished(_ item: PlanItem) -> Bool {
        guard item.kind == .activity else { return false }
        let last = old.periods.filter(\.isFollowUp).reversed().lazy.compactMap { old.followUp(item.id, $0).status }.first
        return last == .done
    }

    /// The item and its unfinished descendants as rows for the new year, in parent-first order.
    func rows(of item: PlanItem) -> [ItemSnapshot.Row] {
        var rows: [ItemSnapshot.Row] = []
        func visit(_ current: PlanItem) {
            guard !isFinished(current) else { return }
            rows.append(ItemSnapshot.Row(
                id: current.id, kind: current.kind, level: current.level, author: .unit, board: board, year: ref.year,
                unit: ref.unitID, parent: current.parentID, position: current.position, number: current.number,
                texts: Dictionary(uniqueKeysWithValues: TextField.allCases.compactMap { field in
                    let text = current.text(field, in: .vb)
                    return text.isEmpty ? nil : (field.rawValue, text)
                }),
                start: Self.shift(current.start, by: ref.year - fromYear), end: Self.shift(current.end, by: ref.year - fromYear),
                indicator: current.indicator))
            old.children(of: current.id).forEach(visit)
        }
        visit(item)
        return rows
    }

    func finishedActivities(under item: PlanItem) -> [PlanItem] {
        var found: [PlanItem] = []
        func visit(_ current: PlanItem) {
            if isFinished(current) { found.append(current); return }
            old.children(of: current.id).forEach(visit)
        }
        visit(item)
        return found
    }

    mutating func carry(_ item: PlanItem, under boardGoal: String, outcome: CarryOverEntry.Outcome, oldParentTitle: String) throws {
        let rows = rows(of: item)
        guard !rows.isEmpty else {
            recordFinished(item, oldParentTitle: oldParentTitle)
            return
        }
        let snapshot = ItemSnapshot(rows: rows, followUps: [])
        let placed = try PlanStore.recreate(snapshot, under: boardGoal, ref: ref, board: board, db)
        entries.append(CarryOverEntry(sourceID: item.id, kind: item.kind, title: item.title(in: .vb), outcome: outcome,
                                      oldParentTitle: oldParentTitle, placedID: placed, placedUnder: boardGoal,
                                      decided: outcome == .placed))
        for finished in finishedActivities(under: item) { recordFinished(finished, oldParentTitle: item.title(in: .vb)) }
    }

    mutating func hold(_ item: PlanItem, oldParentTitle: String) throws {
        let rows = rows(of: item)
        guard !rows.isEmpty else {
            recordFinished(item, oldParentTitle: oldParentTitle)
            return
        }
        held[item.id] = ItemSnapshot(rows: rows, followUps: [])
        entries.append(CarryOverEntry(sourceID: item.id, kind: item.kind, title: item.title(in: .vb), outcome: .needsPlacing,
                                      oldParentTitle: oldParentTitle, placedID: nil, placedUnder: nil, decided: false))
        for finished in finishedActivities(under: item) { recordFinished(finished, oldParentTitle: item.title(in: .vb)) }
    }

    mutating func recordFinished(_ item: PlanItem, oldParentTitle: String) {
        entries.append(CarryOverEntry(sourceID: item.id, kind: item.kind, title: item.title(in: .vb), outcome: .finished,
                                      oldParentTitle: oldParentTitle, placedID: nil, placedUnder: nil, decided: true))
    }

    /// An ISO date moved by whole years; 29 February becomes the 28th in a year without it.
    static func shift(_ date: String?, by years: Int) -> String? {
        guard let date, date.count >= 10, let year = Int(date.prefix(4)) else { return date }
        var moved = String(year + years) + date.dropFirst(4).prefix(6)
        if (try? EditRules.validateDate(moved)) == nil, moved.hasSuffix("-02-29") { moved = String(moved.dropLast(2)) + "28" }
        return moved
    }
}
