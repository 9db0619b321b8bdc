import Foundation

/// The roll-up as report blocks, for the same Markdown and text renderers as a unit's report:
/// the cascade's headings as in the units' documents, and under each goal what the units said.
public struct RollupReportBuilder {
    public let rollup: Rollup

    public init(rollup: Rollup) {
        self.rollup = rollup
    }

    private typealias Words = Strings.Rollup

    public func build() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.title(Words.title(rollup.period, year: rollup.year, board: rollup.board, department: rollup.department))]
        blocks.append(.paragraphs(Words.basis(reported: rollup.units.count, of: rollup.units.count + rollup.missing.count + rollup.damaged.count,
                                              period: rollup.period, year: rollup.year)))
        if !rollup.missing.isEmpty {
            blocks += [.label(Words.missingLabel(rollup.period)), .paragraphs(rollup.missing.map(\.name).joined(separator: ", "))]
        }
        if !rollup.damaged.isEmpty {
            blocks += [.label(Words.damagedLabel), .paragraphs(rollup.damaged.map { "- \($0.unit.name): \($0.error)" }.joined(separator: "\n"))]
        }
        if rollup.period.isFollowUp { blocks.append(.heading(level: 1, text: Strings.councilGoalsHeading)) }
        for goal in rollup.goals { blocks += goalBlocks(goal) }
        if !rollup.summaries.isEmpty {
            blocks.append(.heading(level: 1, text: Words.summariesHeading))
            for summary in rollup.summaries {
                blocks += [.heading(level: 2, text: "\(summary.unit.name): \(summary.title)"), .paragraphs(summary.text)]
            }
        }
        return blocks
    }

    private func goalBlocks(_ goal: Rollup.Goal) -> [ReportBlock] {
        let heading: String
        let depth: Int
        switch goal.level {
        case .councilDirection, .councilArea:
            heading = "\(Strings.levelLabel(goal.level)): \(goal.number.map { "\($0). " } ?? "")\(goal.title)"
            depth = goal.level == .councilDirection ? 2 : 3
        case .boardGoal, .unitGoal:
            heading = "\(Strings.levelLabel(goal.level)): \(goal.title)"
            depth = 4
        }
        var blocks: [ReportBlock] = [.heading(level: depth, text: heading)]
        let unitGoals = goal.ratings.map { $0.fully + $0.partly + $0.not + $0.unrated } ?? 0
        if goal.level == .boardGoal && unitGoals == 0 {
            blocks.append(.mark(Words.noUnitGoals))
        } else if let ratings = goal.ratings, let byRating = goal.unitsByRating, rollup.period.isFollowUp {
            blocks.append(.label(Words.ratingsLabel(goals: ratings.fully + ratings.partly + ratings.not + ratings.unrated)))
            let rows: [(Rating?, Int, [String])] = [(.fully, ratings.fully, byRating.fully), (.partly, ratings.partly, byRating.partly),
                                                    (.not, ratings.not, byRating.not), (nil, ratings.unrated, byRating.unrated)]
            blocks.append(.table(ReportTable(headers: [Words.ratingColumn, Words.countColumn, Words.unitsColumn],
                                             rows: rows.map { .cells([Words.rating($0.0), "\($0.1)", Words.unitList($0.2)]) })))
        }
        // What no unit's report has is left out of the document (the JSON keeps it, with 0 units).
        let indicators = goal.indicators.filter { !$0.outcomes.isEmpty }
        if !indicators.isEmpty { blocks += indicatorBlocks(indicators) }
        let activities = goal.activities.filter { $0.units > 0 }
        if !activities.isEmpty { blocks.append(.table(activityTable(activities))) }
        if !goal.ownDeviations.isEmpty {
            blocks.append(.label(Words.ownDeviationsLabel))
            blocks.append(.table(ReportTable(headers: [Words.unitColumn, Strings.activity], rows: goal.ownDeviations.flatMap(deviationRows))))
        }
        let analyses = goal.unitGoals.filter { $0.analysis != nil }
        if !analyses.isEmpty && rollup.period.isFollowUp {
            blocks.append(.label(Words.analysesLabel))
            for entry in analyses {
                blocks += [.mark(Words.unitGoalLine(unit: entry.unit.name, title: entry.title, rating: entry.rating)),
                           .paragraphs(entry.analysis ?? "")]
            }
        }
        return blocks
    }

    private func deviationRows(_ deviation: Rollup.Deviation) -> [ReportTable.Row] {
        var rows: [ReportTable.Row] = [.cells([deviation.unit.name, deviation.activity])]
        rows.append(.note(label: Strings.analysis, text: deviation.analysis ?? Words.noAnalysis))
        return rows
    }

    /// Status counts go in a note under each activity: seven narrow columns left the activity's
    /// title a few letters wide in an 80-column text report.
    private func activityTable(_ activities: [Rollup.Activity]) -> ReportTable {
        var rows: [ReportTable.Row] = []
        for activity in activities {
            rows.append(.cells([activity.title, "\(activity.units)"]))
            if rollup.period.isFollowUp { rows.append(.note(label: Words.statusLabel, text: Words.statusCounts(activity.statuses))) }
            for deviation in activity.deviations {
                rows.append(.note(label: Words.deviationBy(deviation.unit.name), text: deviation.analysis ?? Words.noAnalysis))
            }
        }
        return ReportTable(headers: [Strings.activity, Words.unitsColumn], rows: rows)
    }

    private func indicatorBlocks(_ indicators: [Rollup.Indicator]) -> [ReportBlock] {
        var rows: [ReportTable.Row] = []
        for indicator in indicators {
            rows.append(.cells([indicator.title, indicator.target ?? "", Words.summary(indicator.summary, indicator.consolidation,
                                                                                   unit: indicator.measureUnit),
                                "\(indicator.summary.units) / \(indicator.outcomes.count)"]))
            if rollup.period.isFollowUp && !indicator.outcomes.isEmpty {
                let each = indicator.outcomes.map { "\($0.unit.name) \(Words.value($0.outcome, unit: indicator.measureUnit))" }
                rows.append(.note(label: Words.outcomesLabel, text: each.joined(separator: "; ")))
            }
        }
        return [.table(ReportTable(headers: [Strings.indicator, Strings.annualTarget, Words.summaryColumn, Words.reportedColumn], rows: rows))]
    }
}

extension Rollup {
    /// The roll-up as indented JSON with sorted keys, the same bytes for the same database.
    public func json() throws -> Data {
        try ReadableJSON.encode(self)
    }
}

extension BoardStatus {
    public func json() throws -> Data {
        try ReadableJSON.encode(self)
    }
}
