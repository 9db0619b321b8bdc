import Foundation
import GRDB

/// Reading where each period of a plan stands, for one plan or for a whole district at once.
extension PlanStore {
    /// The state of every period of one plan.
    public func periodStates(_ ref: PlanRef) throws -> PlanPeriodStates {
        try periodStates([ref])[ref] ?? PlanPeriodStates(ref: ref, states: [:])
    }

    /// The states of every period of many plans, in one read transaction. Each board's cascade
    /// is decoded once for all its units (see `CascadeCache`), and the hand-ins are read in one
    /// query, so that 300 units cost 300 plan reads and no more. Plans that do not exist are
    /// left out of the result.
    public func periodStates(_ refs: [PlanRef]) throws -> [PlanRef: PlanPeriodStates] {
        try read { db in try periodStates(refs, db) }
    }

    /// `periodStates(_:)` inside a transaction the caller holds.
    func periodStates(_ refs: [PlanRef], _ db: Database) throws -> [PlanRef: PlanPeriodStates] {
        let handedIn = try Self.handedInPeriods(db)
        var result: [PlanRef: PlanPeriodStates] = [:]
        // The cache keeps one cascade; plans of several years or boards asked for in turn
        // (a chooser lists each unit's years together) would decode theirs again for each plan.
        var cascades: [CascadeKey: [String: PlanItem]] = [:]
        for ref in refs {
            let plan: PlanDocument
            do {
                plan = try Self.loadPlan(ref, db) { board in
                    let key = CascadeKey(board: board, year: ref.year)
                    if let kept = cascades[key] { return kept }
                    let items = try cascadeCache.items(board: board, year: ref.year, db)
                    cascades[key] = items
                    return items
                }
            } catch PlanError.noPlan {
                continue
            }
            var states: [ReportPeriod: PeriodState] = [:]
            for period in ReportPeriod.allCases {
                states[period] = PeriodState.of(period, in: plan, handedIn: handedIn.contains(HandInKey(ref: ref, period: period)))
            }
            result[ref] = PlanPeriodStates(ref: ref, states: states)
        }
        return result
    }

    /// The hand-in in force for a period (handed in and not reopened since), if any.
    public func handIn(_ ref: PlanRef, period: ReportPeriod) throws -> HandIn? {
        try read { db in try Self.handIn(ref, period: period, db) }
    }

    /// Every hand-in of a plan and its reopening, oldest first.
    public func handIns(_ ref: PlanRef) throws -> [HandIn] {
        try read { db in
            var handIns: [HandIn] = []
            try ColumnPositions.forEachRow(db, sql: "SELECT * FROM hand_in WHERE unit_id = ? AND year = ? ORDER BY id",
                                           arguments: [ref.unitID, ref.year]) { handIns.append(Self.handInRow($0).handIn) }
            return handIns
        }
    }

    private struct CascadeKey: Hashable {
        var board: String
        var year: Int
    }

    struct HandInKey: Hashable {
        var ref: PlanRef
        var period: ReportPeriod
    }

    static func handedInPeriods(_ db: Database) throws -> Set<HandInKey> {
        var keys: Set<HandInKey> = []
        for row in try Row.fetchAll(cached: db, sql: "SELECT unit_id, year, period FROM hand_in WHERE reopened_at IS NULL") {
            guard let period = ReportPeriod(rawValue: row["period"]) else { continue }
            keys.insert(HandInKey(ref: PlanRef(unitID: row["unit_id"], year: row["year"]), period: period))
        }
        return keys
    }

    static func handIn(_ ref: PlanRef, period: ReportPeriod, _ db: Database) throws -> HandIn? {
        try HandInRow.fetchOne(cached: db, sql: """
            SELECT * FROM hand_in WHERE unit_id = ? AND year = ? AND period = ? AND reopened_at IS NULL ORDER BY id DESC LIMIT 1
            """, arguments: [ref.unitID, ref.year, period.rawValue])?.handIn
    }
}
