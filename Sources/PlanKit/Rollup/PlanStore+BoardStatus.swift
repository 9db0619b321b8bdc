import Foundation
import GRDB

extension PlanStore {
    /// The status of every unit of the scope for the year and period.
    ///
    /// The same table as `BoardStatus(boardPlans(…), period:)`, which walks each unit's whole
    /// plan, read instead from the few rows the period needs for the whole scope at once (see
    /// `PeriodRows`) and counted by the rules of `Completeness`: a board of hundreds of units
    /// costs a few times one unit's check, not hundreds. The same errors are thrown.
    public func boardStatus(_ scope: BoardScope, year: Int, period: ReportPeriod) throws -> BoardStatus {
        let unitIDs = scope.units.map(\.id)
        let (lines, readable) = try read { db -> ([UnitStatusLine], [UnitPeriodRows]) in
            let rows = try PeriodRows.read(units: unitIDs, year: year, period: period, db)
            let boards = Set(rows.values.map(\.boardID))
            let knownBoards = Set(try String.fetchAll(cached: db, sql: "SELECT id FROM organisation WHERE id IN (SELECT value FROM json_each(?))",
                                                      arguments: [String(decoding: try JSONEncoder().encode(boards.sorted()), as: UTF8.self)]))
            var handedIn: Set<String> = []
            for key in try Self.handedInPeriods(db) where key.ref.year == year && key.period == period {
                handedIn.insert(key.ref.unitID)
            }
            let knownPeriods = Set(ReportPeriod.allCases.map(\.rawValue))
            let periodEnd = PlanItem.periodEnd(period, year: year)
            var cascades: [String: (items: [String: StatusItem], isASCII: Bool)] = [:]
            func cascade(_ board: String) throws -> (items: [String: StatusItem], isASCII: Bool) {
                if let kept = cascades[board] { return kept }
                let items = try cascadeCache.items(board: board, year: year, db).mapValues(StatusItem.init)
                let cascade = (items, items.keys.allSatisfy(PeriodRows.isASCII))
                cascades[board] = cascade
                return cascade
            }
            var lines: [UnitStatusLine] = []
            var readable: [UnitPeriodRows] = []
            for unit in scope.units {
                let department = scope.departmentOfUnit[unit.id]
                var line = UnitStatusLine(unit, department: department)
                defer { lines.append(line) }
                guard let unitRows = rows[unit.id] else {
                    line.markNoPlan()
                    continue
                }
                let oddPeriods = unitRows.periods.split(separator: ",").contains { !knownPeriods.contains(String($0)) }
                let mayBeDamaged = try oddPeriods || unitRows.mayBeDamaged
                    || unitRows.hasParentElsewhere(cascade: cascade(unitRows.boardID).items, cascadeIsASCII: cascade(unitRows.boardID).isASCII)
                if mayBeDamaged,
                   let damage = try Self.damage(unitID: unit.id, year: year, periods: unitRows.periods, db) {
                    line.error = damage
                    continue
                }
                guard knownBoards.contains(unitRows.boardID) else {
                    line.error = PlanError.noPlan(unit: unit.displayName, year: year).errorDescription
                    continue
                }
                readable.append(unitRows)
                guard Self.periods(unitRows.periods).contains(period) else {
                    line.state = .notStarted
                    line.gaps = 0
                    continue
                }
                let counts = PeriodCounts(unitRows, cascade: try cascade(unitRows.boardID).items, period: period, periodEnd: periodEnd)
                line.gaps = counts.gaps
                line.state = PeriodState.started(gapCount: counts.gaps, handedIn: handedIn.contains(unit.id))
                line.ratings = counts.ratings
                line.deviations = counts.deviations
            }
            return (lines, readable)
        }
        if !lines.contains(where: { !$0.noPlan }) {
            throw RollupError.noPlansForYear(scope: scope.organisation.name, year: year, years: try planYears(of: scope))
        }
        if !readable.isEmpty, !readable.contains(where: { Self.periods($0.periods).contains(period) }) {
            throw RollupError.periodInNoPlan(scope: scope.organisation.name, year: year, period: period)
        }
        return BoardStatus(scope: scope, year: year, period: period, lines: lines)
    }
}

/// One unit's lines lacking something, ratings and deviations in a period it has, counted from
/// its period rows by the rules of `Completeness` over the items `PlanDocument.walk(in:)` would
/// visit: a line (item or required section) counts once however much it lacks, as
/// `Completeness.missingLines` counts.
struct PeriodCounts {
    var gaps = 0
    var ratings = RatingCounts()
    var deviations = 0

    init(_ rows: UnitPeriodRows, cascade: [String: StatusItem], period: ReportPeriod, periodEnd: String) {
        // The cascade items the plan shows: what it inherits and everything above that.
        var shownCascade: Set<String> = []
        for id in rows.inherited {
            var current: String? = id
            while let itemID = current, let item = cascade[itemID], shownCascade.insert(itemID).inserted {
                current = item.parentID
            }
        }
        // The items the plan holds, numbered: the unit's own and the shown cascade items it
        // does not replace, each with the number of its parent when that is one of them. Ids
        // are looked up once each, not on every step of every walk up the tree.
        var ids: [String] = [], nodes: [StatusItem] = []
        var number: [String: Int] = [:]
        number.reserveCapacity(rows.items.count + shownCascade.count)
        for (id, item) in rows.items {
            number[id] = nodes.count
            ids.append(id)
            nodes.append(item)
        }
        for id in shownCascade where rows.items[id] == nil {
            guard let item = cascade[id] else { continue }
            number[id] = nodes.count
            ids.append(id)
            nodes.append(item)
        }
        let parents = nodes.map { $0.parentID.flatMap { number[$0] } }
        let shown = nodes.indices.map { index -> Bool in
            guard period.isFollowUp else { return true }
            if nodes[index].kind == .indicator && nodes[index].author == .council { return false }
            return rows.notFollowedUp.isEmpty || !rows.notFollowedUp.contains(ids[index])
        }
        // Whether the walk reaches an item: it is shown and so is every item above it, up to a
        // goal whose parent is not in the plan. A cycle of parents is reached by no walk.
        var reached = [Bool?](repeating: nil, count: nodes.count)
        func isReached(_ start: Int) -> Bool {
            var chain: [Int] = []
            var current = start
            var answer: Bool
            while true {
                if let known = reached[current] { answer = known; break }
                guard shown[current] else { answer = false; chain.append(current); break }
                chain.append(current)
                reached[current] = false
                guard let parent = parents[current] else { answer = nodes[current].kind == .goal; break }
                current = parent
            }
            for link in chain { reached[link] = answer }
            return answer
        }

        for id in SectionTemplate.entries(for: period).filter(\.required).map(\.id) where !rows.filledSections.contains(id) {
            gaps += 1
        }
        for index in nodes.indices where isReached(index) {
            count(ids[index], nodes[index], rows: rows, period: period, periodEnd: periodEnd)
        }
    }

    /// Whether `Completeness` finds one item the walk reaches lacking something; its rating or deviation.
    private mutating func count(_ id: String, _ item: StatusItem, rows: UnitPeriodRows, period: ReportPeriod, periodEnd: String) {
        guard period.isFollowUp else {
            guard item.author == .unit else { return }
            switch item.kind {
            case .goal: gaps += item.blankGoalFields > 0 ? 1 : 0
            case .activity: gaps += item.datesMissing ? 1 : 0
            case .indicator: gaps += item.targetMissing ? 1 : 0
            }
            return
        }
        let followUp = rows.followUps[id]
        switch item.kind {
        case .goal:
            guard item.level == .unitGoal else { return }
            ratings.add(followUp?.rating)
            if followUp?.rating == nil || followUp?.analysisBlank ?? true { gaps += 1 }
        case .activity:
            if followUp?.status == .deviation { deviations += 1 }
            guard PlanItem.activityIsDue(start: item.start, periodEnd: periodEnd) else { return }
            if followUp?.status == nil {
                gaps += 1
            } else if followUp?.status == .deviation && followUp?.analysisBlank ?? true {
                gaps += 1
            }
        case .indicator:
            guard item.author != .council, item.periodicity.duePeriods.contains(period) else { return }
            if !(followUp?.hasOutcome ?? false) { gaps += 1 }
        }
    }
}
