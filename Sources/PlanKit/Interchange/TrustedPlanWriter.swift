import GRDB

extension PlanStore {
    /// Writes plan records straight into the tables, in one transaction, without the importer's
    /// checks and lookups: for records that are valid by construction (a generated district,
    /// whose checks would take minutes). The organisations, cascades and inherited items they
    /// name must already be stored. `vp-tui-bench verify-generator` compares the rows with an
    /// import of the same records.
    @discardableResult
    public func writeTrustedPlans(_ plans: [PlanRecord], note: String) throws -> ImportSummary {
        try write { db in try TrustedPlanWriter(db: db, login: login, note: note).write(plans) }
    }
}

/// Writes plans through the store's shared row writers (the statements the importer uses too).
struct TrustedPlanWriter {
    let db: Database
    let login: String
    let note: String

    func write(_ plans: [PlanRecord]) throws -> ImportSummary {
        var summary = ImportSummary()
        let insertPlan = try db.cachedStatement(sql: """
            INSERT INTO plan (unit_id, year, board_id, periods) VALUES (?, ?, ?, ?)
            ON CONFLICT (unit_id, year) DO UPDATE SET board_id = excluded.board_id, periods = excluded.periods
            """)
        let clearInherits = try db.cachedStatement(sql: "DELETE FROM plan_inherits WHERE unit_id = ? AND year = ?")
        let inherit = try db.cachedStatement(sql: "INSERT OR IGNORE INTO plan_inherits (unit_id, year, item_id) VALUES (?, ?, ?)")
        let notFollowed = try db.cachedStatement(sql: "UPDATE plan_inherits SET followed_up = 0 WHERE unit_id = ? AND year = ? AND item_id = ?")
        for plan in plans {
            let periods = Array(Set(plan.periods)).sorted()
            try insertPlan.execute(arguments: [plan.unit, plan.year, plan.board, periods.map(\.rawValue).joined(separator: ",")])
            if let inherits = plan.inherits {
                try clearInherits.execute(arguments: [plan.unit, plan.year])
                for id in inherits { try inherit.execute(arguments: [plan.unit, plan.year, id]) }
            }
            for id in plan.notFollowedUp ?? [] { try notFollowed.execute(arguments: [plan.unit, plan.year, id]) }
            for (index, goal) in (plan.goals ?? []).enumerated() {
                guard let parent = goal.parent else { continue }
                try inherit.execute(arguments: [plan.unit, plan.year, parent])
                func row(_ id: String, _ kind: ItemKind, level: GoalLevel? = nil, parent: String, position: Int,
                         number: String? = nil, texts: [TextField: String?], start: String? = nil, end: String? = nil,
                         indicator: IndicatorSpec? = nil) -> ItemSnapshot.Row {
                    var stored: [String: String] = [:]
                    for (field, text) in texts { if let text { stored[field.rawValue] = text } }
                    return ItemSnapshot.Row(id: id, kind: kind, level: level, author: .unit, board: plan.board, year: plan.year,
                                            unit: plan.unit, parent: parent, position: position, number: number,
                                            texts: stored, start: start, end: end, indicator: indicator)
                }
                try PlanStore.writeItem(row(goal.id, .goal, level: .unitGoal, parent: parent, position: index, number: goal.number,
                                            texts: [.title: goal.title, .description: goal.description,
                                                    .expectedResult: goal.expectedResult, .method: goal.method,
                                                    .resources: goal.resources, .followUp: goal.followUp,
                                                    .development: goal.development, .comment: goal.comment]), db)
                summary.goals += 1
                for (position, indicator) in (goal.indicators ?? []).enumerated() {
                    try PlanStore.writeItem(row(indicator.id, .indicator, parent: goal.id, position: position,
                                                texts: [.title: indicator.name, .comment: indicator.comment],
                                                indicator: IndicatorSpec(measureUnit: indicator.measureUnit, target: indicator.target,
                                                                         councilTarget: indicator.councilTarget,
                                                                         periodicity: indicator.periodicity,
                                                                         direction: indicator.direction)), db)
                    if let consolidation = indicator.consolidation {
                        try ConsolidationColumn.write(id: indicator.id, consolidation, measureUnit: indicator.measureUnit, db)
                    }
                    summary.indicators += 1
                }
                for (position, activity) in (goal.activities ?? []).enumerated() {
                    try PlanStore.writeItem(row(activity.id, .activity, parent: goal.id, position: position,
                                                texts: [.title: activity.title], start: activity.start, end: activity.end), db)
                    summary.activities += 1
                }
            }
            for followUp in plan.followUps ?? [] {
                try PlanStore.writeFollowUp(ItemSnapshot.FollowUpRow(item: followUp.item, period: followUp.period,
                                                                     rating: followUp.rating?.rating, status: followUp.status,
                                                                     outcome: followUp.outcome, analysis: followUp.analysis),
                                            in: PlanRef(unitID: plan.unit, year: plan.year), db)
                summary.followUps += 1
            }
            var placements: [String: SectionPlacement] = [:]
            for (index, section) in (plan.sections ?? []).enumerated() {
                let key = "\(section.period.rawValue)/\(section.id)"
                let placement = section.resolvedPlacement(
                    parentPlacement: section.parent.flatMap { placements["\(section.period.rawValue)/\($0)"] })
                placements[key] = placement
                try PlanStore.writeSection(section.section(placement: placement), period: section.period, position: index,
                                           in: PlanRef(unitID: plan.unit, year: plan.year), db)
                summary.sections += 1
            }
            try PlanStore.log(.import, nil, old: nil, new: nil, plan: PlanRef(unitID: plan.unit, year: plan.year),
                              login: login, note: note, db)
            summary.plans += 1
        }
        return summary
    }
}
