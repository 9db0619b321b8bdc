import Foundation
import GRDB

/// What the status of one period needs of an item: its place in the tree and whether the
/// period's report asks anything of it. The unit's items are decoded from a few columns (see
/// `PeriodRows`); the cascade's from the cached `PlanItem`s.
struct StatusItem {
    var kind: ItemKind
    var level: GoalLevel?
    var author: Author
    var parentID: String?
    var start: String?
    /// Start or end date missing (what the plan asks of an activity).
    var datesMissing: Bool
    var periodicity: Periodicity
    /// An indicator without an Årsmål.
    var targetMissing: Bool
    /// How many of Förväntat resultat and Arbetssätt are blank (what the plan asks of a goal).
    var blankGoalFields: Int

    init(_ item: PlanItem) {
        kind = item.kind
        level = item.level
        author = item.author
        parentID = item.parentID
        start = item.start
        datesMissing = (item.start ?? "").isEmpty || (item.end ?? "").isEmpty
        periodicity = item.indicator?.periodicity ?? .year
        targetMissing = item.indicator?.parsedTarget == Target.none
        blankGoalFields = [TextField.expectedResult, .method].filter { Completeness.isBlank(item.text($0)) }.count
    }

    init(kind: ItemKind, level: GoalLevel?, author: Author, parentID: String?, start: String?, datesMissing: Bool,
         periodicity: Periodicity, targetMissing: Bool, blankGoalFields: Int) {
        self.kind = kind
        self.level = level
        self.author = author
        self.parentID = parentID
        self.start = start
        self.datesMissing = datesMissing
        self.periodicity = periodicity
        self.targetMissing = targetMissing
        self.blankGoalFields = blankGoalFields
    }
}

/// What the status of one period needs of a follow-up.
struct StatusFollowUp {
    var rating: Rating?
    var status: ActivityStatus?
    var hasOutcome: Bool
    var analysisBlank: Bool
}

/// One unit's rows for the status of a period.
struct UnitPeriodRows {
    var boardID: String
    var periods: String
    var items: [String: StatusItem] = [:]
    var inherited: [String] = []
    var notFollowedUp: Set<String> = []
    var followUps: [String: StatusFollowUp] = [:]
    /// The period's required sections that are present and not blank.
    var filledSections: Set<String> = []
    /// A row PlanKit may not read was seen: a follow-up of any period of the year or an item
    /// with a value of the wrong kind. `PlanStore.damage` says whether it is so, and what.
    var mayBeDamaged = false

    /// Whether an item's parent is neither one of the unit's items nor of the cascade given:
    /// then it may be missing from the database, which `PlanStore.damage` looks up. Ids are
    /// found here by Swift's equality, which SQLite's agrees with for ASCII; the unit's own
    /// ids and parents that are not ASCII make it `mayBeDamaged` as they are read, and a
    /// cascade with such ids (`cascadeIsASCII` false) is not trusted to hold a parent.
    func hasParentElsewhere(cascade: [String: StatusItem], cascadeIsASCII: Bool) -> Bool {
        items.values.contains { item in
            guard let parentID = item.parentID, items[parentID] == nil else { return false }
            return !cascadeIsASCII || cascade[parentID] == nil
        }
    }
}

/// The rows of every plan of a scope that the status of one period needs, read in a few
/// queries for the whole scope rather than each unit's whole plan: the unit's items (a few
/// columns), which cascade items it inherits, its follow-ups of that period only and its
/// required sections. Texts are not read, only whether they are blank (see `blankProbe`).
enum PeriodRows {
    /// The units' rows by unit id; units without a plan for the year are missing.
    static func read(units: [String], year: Int, period: ReportPeriod, _ db: Database) throws -> [String: UnitPeriodRows] {
        let unitList = String(decoding: try JSONEncoder().encode(units), as: UTF8.self)
        let inScope = "unit_id IN (SELECT value FROM json_each(?)) AND year = ?"
        var result: [String: UnitPeriodRows] = [:]
        let plans = try Row.fetchCursor(db.cachedStatement(sql: "SELECT unit_id, board_id, periods FROM plan WHERE \(inScope)"),
                                        arguments: [unitList, year])
        while let row = try plans.next() {
            result[row[0]] = UnitPeriodRows(boardID: row[1], periods: row[2])
        }
        // Items and follow-ups are found through their index, row by row, for a few units; for
        // most of the plans in the file, reading the whole table in its order costs a third.
        // When the scope holds every plan of the year, the year alone picks the rows: units
        // without a plan are passed over as rows of units outside the scope are.
        let counts = try Row.fetchOne(db.cachedStatement(sql: "SELECT count(*), count(CASE WHEN year = ? THEN 1 END) FROM plan"),
                                      arguments: [year])
        let (allPlans, yearPlans) = (counts?[0] as Int? ?? 0, counts?[1] as Int? ?? 0)
        let wholeTables = result.count * 3 >= allPlans
        let from = { (table: String) in wholeTables ? "\(table) NOT INDEXED" : table }
        let (rowsInScope, scopeArguments): (String, StatementArguments) = wholeTables && result.count == yearPlans
            ? ("unit_id IS NOT NULL AND year = ?", [year]) : (inScope, [unitList, year])
        try readItems(into: &result, from: from("item"), inScope: rowsInScope, arguments: scopeArguments, plan: !period.isFollowUp, db)
        try forEach(db, "SELECT unit_id, item_id, followed_up FROM plan_inherits WHERE \(inScope)", [unitList, year], &result) { rows, row in
            let id: String = row[1]
            rows.inherited.append(id)
            if row[2] as Int64 == 0 { rows.notFollowedUp.insert(id) }
        }
        // The follow-ups of every period are looked at for damage, as a whole plan's read would
        // fail on any of them; only the period's own (and damaged ones) come out of SQLite.
        if period.isFollowUp {
            try forEach(db, """
                SELECT unit_id, item_id, period = ?, (\(PlanStore.damagedFollowUp)), rating, status, outcome IS NOT NULL,
                    \(blankProbe("analysis"))
                FROM \(from("follow_up")) WHERE \(rowsInScope) AND (period = ? OR (\(PlanStore.damagedFollowUp)))
                """, [period.rawValue] + scopeArguments + [period.rawValue], &result) { rows, row in
                if row[3] as Bool? == true { rows.mayBeDamaged = true }
                guard row[2] as Bool else { return }
                rows.followUps[row[1]] = StatusFollowUp(rating: (row[4] as String?).flatMap(Rating.init(rawValue:)),
                                                        status: (row[5] as String?).flatMap(ActivityStatus.init(rawValue:)),
                                                        hasOutcome: row[6] as Bool, analysisBlank: isBlank(row[7]))
            }
        } else {
            try forEach(db, "SELECT DISTINCT unit_id FROM \(from("follow_up")) WHERE \(rowsInScope) AND (\(PlanStore.damagedFollowUp))",
                        scopeArguments, &result) { rows, _ in rows.mayBeDamaged = true }
        }
        let required = SectionTemplate.entries(for: period).filter(\.required).map(\.id)
        let requiredList = String(decoding: try JSONEncoder().encode(required), as: UTF8.self)
        try forEach(db, """
            SELECT unit_id, id, \(blankProbe("text")) FROM section
            WHERE \(inScope) AND period = ? AND id IN (SELECT value FROM json_each(?))
            """, [unitList, year, period.rawValue, requiredList], &result) { rows, row in
            if !isBlank(row[2]) { rows.filledSections.insert(row[1]) }
        }
        return result
    }

    /// The unit's own items: for the plan (VP) with what it asks of them, for a follow-up only
    /// their place in the tree.
    private static func readItems(into result: inout [String: UnitPeriodRows], from table: String, inScope: String,
                                  arguments: StatementArguments, plan: Bool, _ db: Database) throws {
        let planColumns = plan
            ? "CASE WHEN kind = 'indicator' THEN target END, \(blankProbe("expected_result")), \(blankProbe("method"))"
            : "NULL, NULL, NULL"
        // What makes an item unreadable but its parent's absence is judged here, by SQLite, from
        // the row already read (see `UnitPeriodRows.hasParentElsewhere` for the parent).
        // Kinds, levels, authors and periodicities come as their place in a list rather than as
        // texts, and the start date only of activities (all that asks for it): tens of
        // thousands of texts fewer to make.
        try forEach(db, """
            SELECT unit_id, id, \(code("kind", kinds)), \(code("level", levels)), \(code("author", authors)), parent_id,
                CASE WHEN kind = 'activity' THEN start_date END,
                coalesce(start_date, '') = '' OR coalesce(end_date, '') = '', \(code("periodicity", periodicities)), \(planColumns),
                \(PlanStore.damagedItemValues)
            FROM \(table) WHERE \(inScope)
            """, arguments, &result) { rows, row in
            let id: String = row[1], parentID: String? = row[5]
            if row[12] as Bool? == true || !isASCII(id) || !isASCII(parentID ?? "") { rows.mayBeDamaged = true }
            let kind = listed(row[2], kinds) ?? .goal
            let blankFields = plan ? (isBlank(row[10]) ? 1 : 0) + (isBlank(row[11]) ? 1 : 0) : 0
            rows.items[id] = StatusItem(
                kind: kind, level: listed(row[3], levels), author: listed(row[4], authors) ?? .unit, parentID: parentID,
                start: row[6], datesMissing: row[7] as Bool, periodicity: listed(row[8], periodicities) ?? .year,
                targetMissing: plan && kind == .indicator && Target(written: row[9]) == Target.none,
                blankGoalFields: blankFields)
        }
    }

    private static let kinds: [ItemKind] = [.goal, .activity, .indicator]
    private static let levels = GoalLevel.allCases
    private static let authors: [Author] = [.council, .board, .unit]
    private static let periodicities = Periodicity.allCases

    /// A text column as the place of its value among `values`' raw values, NULL for any other.
    private static func code<Value: RawRepresentable>(_ column: String, _ values: [Value]) -> String where Value.RawValue == String {
        "CASE CAST(\(column) AS TEXT) " + values.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0) " }.joined() + "END"
    }

    private static func listed<Value>(_ place: Int?, _ values: [Value]) -> Value? {
        place.flatMap { values.indices.contains($0) ? values[$0] : nil }
    }

    /// Runs `body` on each row of a query whose first column is a unit id, with that unit's rows.
    /// Rows mostly come unit by unit, so the unit is looked up once per run of rows; its rows
    /// are taken out of `result` meanwhile, so that changing them copies nothing.
    private static func forEach(_ db: Database, _ sql: String, _ arguments: StatementArguments,
                                _ result: inout [String: UnitPeriodRows],
                                _ body: (inout UnitPeriodRows, Row) -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var currentID: String?
        var current: UnitPeriodRows?
        while let row = try cursor.next() {
            let unitID: String = row[0]
            if unitID != currentID {
                if let id = currentID, let rows = current { result[id] = rows }
                currentID = unitID
                current = result.removeValue(forKey: unitID)
            }
            guard current != nil else { continue }
            body(&current!, row)
        }
        if let id = currentID, let rows = current { result[id] = rows }
    }

    /// A text column reduced to what tells whether it is blank, so that long texts are not
    /// copied out of SQLite: '' when it is NULL or only whitespace, 'x' when it starts with a
    /// letter, digit or sign (so a character that is not whitespace), else the text itself, for
    /// `isBlank` to judge as `Completeness` does.
    static func blankProbe(_ column: String) -> String {
        """
        CASE WHEN \(column) IS NULL OR ltrim(\(column), '\(whitespace)') = '' THEN ''
             WHEN unicode(\(column)) BETWEEN 33 AND 126 OR unicode(\(column)) BETWEEN 192 AND 591 THEN 'x'
             ELSE \(column) END
        """
    }

    /// Characters that are whitespace to Swift too (spaces, tabs, line breaks, no-break spaces):
    /// a text of only these is blank.
    private static let whitespace = " \t\n\r\u{0B}\u{0C}\u{85}\u{A0}\u{2028}\u{2029}\u{202F}\u{3000}"

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    private static func isBlank(_ probe: String?) -> Bool {
        Completeness.isBlank(probe ?? "")
    }
}
