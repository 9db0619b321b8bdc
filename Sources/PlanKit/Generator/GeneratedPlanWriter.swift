import GRDB

/// Writes generated plans straight into the tables, with prepared statements reused for every
/// row: the importer compiles each of its many small queries anew (GRDB's statement authorizer
/// makes that the main cost), which takes minutes for a district. The rows written are exactly
/// the importer's (`vp-tui-bench verify-generator` compares the two on a small district); the
/// checks are left out because the generator makes only valid records.
struct GeneratedPlanWriter {
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
        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO item (id, kind, level, author, board_id, year, unit_id, parent_id, position, number, title,
                description, expected_result, method, resources, follow_up, development, comment, start_date, end_date,
                measure_unit, target, council_target, periodicity, direction, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        let insertFollowUp = try db.cachedStatement(sql: """
            INSERT INTO follow_up (unit_id, year, item_id, period, rating, status, outcome, analysis, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (unit_id, year, item_id, period) DO UPDATE SET rating = excluded.rating, status = excluded.status,
                outcome = excluded.outcome, analysis = excluded.analysis, revision = revision + 1
            """)
        let insertSection = try db.cachedStatement(sql: """
            INSERT INTO section (unit_id, year, period, id, parent_id, title, placement, position, text, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (unit_id, year, period, id) DO UPDATE SET parent_id = excluded.parent_id, title = excluded.title,
                placement = excluded.placement, position = excluded.position, text = excluded.text, revision = revision + 1
            """)

        func nonEmpty(_ text: String?) -> String? {
            guard let text, !text.isEmpty else { return nil }
            return text
        }

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
                try insertItem.execute(arguments: [
                    goal.id, ItemKind.goal.rawValue, GoalLevel.unitGoal.rawValue, Author.unit.rawValue, plan.board, plan.year,
                    plan.unit, parent, index, goal.number, nonEmpty(goal.title) ?? "", nonEmpty(goal.description),
                    nonEmpty(goal.expectedResult), nonEmpty(goal.method), nonEmpty(goal.resources), nonEmpty(goal.followUp),
                    nonEmpty(goal.development), nonEmpty(goal.comment), nil, nil, nil, nil, nil, nil, nil,
                ])
                summary.goals += 1
                for (position, indicator) in (goal.indicators ?? []).enumerated() {
                    try insertItem.execute(arguments: [
                        indicator.id, ItemKind.indicator.rawValue, nil, Author.unit.rawValue, plan.board, plan.year, plan.unit,
                        goal.id, position, nil, nonEmpty(indicator.name) ?? "", nil, nil, nil, nil, nil, nil,
                        nonEmpty(indicator.comment), nil, nil, indicator.measureUnit, indicator.target, indicator.councilTarget,
                        indicator.periodicity.rawValue, indicator.direction.rawValue,
                    ])
                    summary.indicators += 1
                }
                for (position, activity) in (goal.activities ?? []).enumerated() {
                    try insertItem.execute(arguments: [
                        activity.id, ItemKind.activity.rawValue, nil, Author.unit.rawValue, plan.board, plan.year, plan.unit,
                        goal.id, position, nil, nonEmpty(activity.title) ?? "", nil, nil, nil, nil, nil, nil, nil,
                        activity.start, activity.end, nil, nil, nil, nil, nil,
                    ])
                    summary.activities += 1
                }
            }
            for followUp in plan.followUps ?? [] {
                try insertFollowUp.execute(arguments: [
                    plan.unit, plan.year, followUp.item, followUp.period.rawValue, followUp.rating?.rating?.rawValue,
                    followUp.status?.rawValue, followUp.outcome, nonEmpty(followUp.analysis),
                ])
                summary.followUps += 1
            }
            var placements: [String: SectionPlacement] = [:]
            for (index, section) in (plan.sections ?? []).enumerated() {
                let key = "\(section.period.rawValue)/\(section.id)"
                let inherited = section.parent.flatMap { placements["\(section.period.rawValue)/\($0)"] }
                let template = SectionTemplate.entries(for: section.period).first { $0.id == section.id }
                let placement = section.placement ?? inherited ?? template?.placement ?? .afterGoals
                placements[key] = placement
                try insertSection.execute(arguments: [
                    plan.unit, plan.year, section.period.rawValue, section.id, section.parent, section.title,
                    placement.rawValue, index, nonEmpty(section.text),
                ])
                summary.sections += 1
            }
            try PlanStore.log(.import, nil, old: nil, new: nil, plan: PlanRef(unitID: plan.unit, year: plan.year),
                              login: login, note: note, db)
            summary.plans += 1
        }
        return summary
    }
}
