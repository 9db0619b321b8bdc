import Foundation
import GRDB

/// One unit's plan as the board reads it.
public enum UnitPlan: Sendable {
    case plan(PlanDocument)
    /// The unit has no plan for the year.
    case noPlan
    /// Rows of the unit's plan that PlanKit cannot read; the message says which.
    case damaged(String)
}

/// Every plan of a board or department for a year, read at one moment.
public struct BoardPlans: Sendable {
    public var scope: BoardScope
    public var year: Int
    /// In the order of `scope.units`.
    public var units: [(unit: Organisation, plan: UnitPlan)]
    /// The board's whole cascade for the year (empty when the board has none).
    public var cascade: [String: PlanItem]
    /// How each indicator of the cascade consolidates.
    public var consolidation: [String: Consolidation]
    /// The units whose report of the period asked for is handed in (and not reopened).
    public var handedIn: Set<String>

    public var documents: [PlanDocument] {
        units.compactMap { if case .plan(let plan) = $0.plan { return plan } else { return nil } }
    }
}

extension PlanStore {
    /// Reads every unit's plan of the scope for the year in one read transaction. The board's
    /// cascade is decoded once for all of them. A unit whose rows cannot be read is returned as
    /// damaged and the others are read all the same.
    ///
    /// Throws when no unit of the scope has a plan for the year, or when `period` is given and
    /// no plan of the year has it.
    public func boardPlans(_ scope: BoardScope, year: Int, period: ReportPeriod? = nil) throws -> BoardPlans {
        let result = try read { db -> BoardPlans in
            var cascades: [String: [String: PlanItem]] = [:]
            var units: [(Organisation, UnitPlan)] = []
            for unit in scope.units {
                guard let planRow = try Row.fetchOne(cached: db, sql: "SELECT board_id, periods FROM plan WHERE unit_id = ? AND year = ?",
                                                     arguments: [unit.id, year]) else {
                    units.append((unit, .noPlan))
                    continue
                }
                if let damage = try Self.damage(unitID: unit.id, year: year, periods: planRow["periods"], db) {
                    units.append((unit, .damaged(damage)))
                    continue
                }
                do {
                    let plan = try Self.loadPlan(PlanRef(unitID: unit.id, year: year), db) { board in
                        if let kept = cascades[board] { return kept }
                        let items = try cascadeCache.items(board: board, year: year, db)
                        cascades[board] = items
                        return items
                    }
                    units.append((unit, .plan(plan)))
                } catch {
                    let named = Self.naming(error) { $0 == unit.id ? unit.displayName : $0 }
                    units.append((unit, .damaged(Strings.describe(named, database: path))))
                }
            }
            let cascade = try cascades[scope.board.id] ?? cascadeCache.items(board: scope.board.id, year: year, db)
            let consolidation = try ConsolidationColumn.read(board: scope.board.id, year: year, db)
            var handedIn: Set<String> = []
            if let period {
                for key in try Self.handedInPeriods(db) where key.ref.year == year && key.period == period {
                    handedIn.insert(key.ref.unitID)
                }
            }
            return BoardPlans(scope: scope, year: year, units: units, cascade: cascade, consolidation: consolidation,
                              handedIn: handedIn)
        }
        let hasPlan = result.units.contains { if case .noPlan = $0.plan { return false } else { return true } }
        if !hasPlan {
            throw RollupError.noPlansForYear(scope: scope.organisation.name, year: year, years: try planYears(of: scope))
        }
        if let period, !result.documents.isEmpty, !result.documents.contains(where: { $0.periods.contains(period) }) {
            throw RollupError.periodInNoPlan(scope: scope.organisation.name, year: year, period: period)
        }
        return result
    }

    /// The years some unit of the scope has a plan for, to say what can be asked for instead.
    func planYears(of scope: BoardScope) throws -> [Int] {
        let ids = Set(scope.units.map(\.id))
        return try read { db in
            try Row.fetchAll(cached: db, sql: "SELECT DISTINCT unit_id, year FROM plan")
                .filter { ids.contains($0["unit_id"]) }.map { $0["year"] as Int }
        }.reduce(into: Set<Int>()) { $0.insert($1) }.sorted()
    }

    /// What in a unit's rows for the year PlanKit cannot read, said in Swedish; nil when all is
    /// readable. Checked in SQL before the rows are decoded, since a value of the wrong kind (a
    /// word where an outcome should be a number) cannot be decoded at all.
    static func damage(unitID: String, year: Int, periods: String?, _ db: Database) throws -> String? {
        let known = Set(ReportPeriod.allCases.map(\.rawValue))
        let written = (periods ?? "").split(separator: ",").map(String.init)
        if let bad = written.first(where: { !known.contains($0) }) { return Strings.Rollup.damagedPeriods(bad) }
        if let row = try Row.fetchOne(cached: db, sql: """
            SELECT CAST(item_id AS TEXT) AS item, CAST(period AS TEXT) AS period,
                CASE WHEN rating IS NOT NULL AND rating NOT IN ('fully', 'partly', 'not') THEN CAST(rating AS TEXT)
                     WHEN status IS NOT NULL AND status NOT IN ('notStarted', 'ongoing', 'done', 'deviation') THEN CAST(status AS TEXT)
                     WHEN \(OutcomeColumn.unreadableCondition) THEN CAST(outcome AS TEXT)
                     ELSE '' END AS value
            FROM follow_up
            WHERE unit_id = ? AND year = ? AND (\(damagedFollowUp))
            LIMIT 1
            """, arguments: [unitID, year]) {
            return Strings.Rollup.damagedFollowUp(item: row["item"] ?? "?", period: row["period"] ?? "?", value: row["value"] ?? "")
        }
        if let row = try Row.fetchOne(cached: db, sql: """
            SELECT CAST(i.id AS TEXT) AS id FROM item i
            WHERE i.unit_id = ? AND i.year = ? AND (\(damagedItem))
            LIMIT 1
            """, arguments: [unitID, year]) {
            return Strings.Rollup.damagedItem(row["id"] ?? "?")
        }
        return nil
    }

    /// A follow-up row PlanKit cannot read (a value of the wrong kind or outside its list). The
    /// periods are compared in the order of how many rows each usually has; an analysis is a
    /// blob when it sorts after the empty blob (its TEXT column holds nothing but NULL, texts
    /// and blobs), which spares a call of typeof() on every row. NULL, not false, when nothing
    /// is wrong and the outcome or the analysis is NULL.
    static let damagedFollowUp = """
        \(isNone("period", of: ["t2", "t1", "vb", "vp"]))
        OR (rating IS NOT NULL AND \(isNone("rating", of: Rating.allCases.map(\.rawValue))))
        OR (status IS NOT NULL AND \(isNone("status", of: ActivityStatus.allCases.map(\.rawValue))))
        OR \(OutcomeColumn.unreadableCondition)
        OR analysis >= x''
        """

    /// An item row `i` of a unit that PlanKit cannot read: an unknown kind or level, or a parent
    /// that does not exist.
    static let damagedItem = """
        i.kind NOT IN ('goal', 'activity', 'indicator')
        OR (i.kind = 'goal' AND (i.level IS NULL OR i.level NOT IN ('councilDirection', 'councilArea', 'boardGoal', 'unitGoal')))
        OR (i.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM item p WHERE p.id = i.parent_id))
        """

    /// The part of `damagedItem` that the item's own row answers, of an item row read without
    /// an alias; a parent that is not text is counted in, since only a text can name an item.
    static let damagedItemValues = """
        (\(isNone("kind", of: ["goal", "activity", "indicator"]))
        OR (kind = 'goal' AND (level IS NULL OR \(isNone("level", of: GoalLevel.allCases.map(\.rawValue)))))
        OR (parent_id IS NOT NULL AND typeof(parent_id) <> 'text'))
        """

    /// `column NOT IN (values)` written as comparisons, the same for every value and NULL:
    /// SQLite looks a list of three or more up in a temporary index, several times the cost
    /// on the tens of thousands of rows a board's status looks at.
    private static func isNone(_ column: String, of values: [String]) -> String {
        "(" + values.map { "\(column) <> '\($0)'" }.joined(separator: " AND ") + ")"
    }
}
