import PlanKit

/// One screen line of the roll-up page, wrapped to the width it was laid out for.
public struct RollupLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case title, council, boardGoal, heading, plain, dim, warning
    }

    public var text: String
    public var indent: Int
    public var kind: Kind
    /// The unit the line speaks of: Enter opens its report.
    public var unitID: String?
    public var unitName: String?
    /// The nämndmål (its place among the nämndmål, from 0) whose part of the page the line is in.
    public var goal: Int?
    /// The first line of a nämndmål's heading: where Tab, n and N go.
    public var startsGoal = false
}

/// Lays the roll-up report out as lines of the page: the cascade's goals in order and under
/// each nämndmål what the units said. Everything shown is read from the `Rollup` value, the
/// same report the export renders; nothing is counted here.
enum RollupLines {
    private typealias Words = Strings.RollupPage
    private typealias ReportWords = Strings.Rollup

    static func build(_ rollup: Rollup, width: Int) -> [RollupLine] {
        var builder = Builder(width: max(20, width - 2))
        let followUp = rollup.period.isFollowUp
        builder.add(ReportWords.title(rollup.period, year: rollup.year, board: rollup.board, department: rollup.department), kind: .title)
        builder.add(ReportWords.basis(reported: rollup.units.count, of: rollup.units.count + rollup.missing.count + rollup.damaged.count,
                                      period: rollup.period, year: rollup.year), kind: .dim)
        if !rollup.missing.isEmpty {
            builder.add(ReportWords.missingLabel(rollup.period) + " " + ReportWords.unitList(rollup.missing.map(\.name)), kind: .warning, hanging: 2)
        }
        if !rollup.damaged.isEmpty {
            builder.add(ReportWords.damagedLabel, kind: .warning)
            for damaged in rollup.damaged {
                builder.add("\(damaged.unit.name): \(damaged.error)", indent: 2, kind: .warning, hanging: 2)
            }
        }
        if !rollup.goals.contains(where: { $0.level == .boardGoal }) {
            builder.blank()
            builder.add(Words.noGoals, kind: .dim)
        }
        for goal in rollup.goals {
            switch goal.level {
            case .councilDirection, .councilArea:
                builder.blank()
                builder.add("\(Strings.levelLabel(goal.level)): \(goal.number.map { "\($0). " } ?? "")\(goal.title)", kind: .council, hanging: 2)
            case .boardGoal:
                // The blank line above a nämndmål's heading still belongs to the one before it.
                builder.blank()
                builder.goal = (builder.goal ?? -1) + 1
                builder.add("\(Strings.levelLabel(goal.level)): \(goal.title)", kind: .boardGoal, hanging: 2, startsGoal: true)
                boardGoal(goal, followUp: followUp, &builder)
            case .unitGoal:
                continue
            }
        }
        if !rollup.summaries.isEmpty {
            builder.goal = nil
            builder.blank()
            builder.add(ReportWords.summariesHeading, kind: .council)
            for summary in rollup.summaries {
                builder.add(Words.summaryTitle(unit: summary.unit.name, title: summary.title), indent: 2, kind: .heading, unit: summary.unit)
                builder.add(summary.text, indent: 4, kind: .plain, unit: summary.unit)
            }
        }
        return builder.lines
    }

    private static func boardGoal(_ goal: Rollup.Goal, followUp: Bool, _ builder: inout Builder) {
        let ratings = goal.ratings ?? RatingCounts()
        let unitGoals = ratings.fully + ratings.partly + ratings.not + ratings.unrated
        if unitGoals == 0 {
            builder.add(ReportWords.noUnitGoals, indent: 2, kind: .dim)
        } else if followUp, let byRating = goal.unitsByRating {
            builder.add(ReportWords.ratingsLabel(goals: unitGoals), indent: 2, kind: .heading)
            let rows: [(Rating?, Int, [String])] = [(.fully, ratings.fully, byRating.fully), (.partly, ratings.partly, byRating.partly),
                                                    (.not, ratings.not, byRating.not), (nil, ratings.unrated, byRating.unrated)]
            for (rating, count, units) in rows {
                builder.add(Words.ratingLine(rating, count: count, units: units), indent: 4, kind: .plain, hanging: 2)
            }
        }
        let indicators = goal.indicators.filter { !$0.outcomes.isEmpty }
        if !indicators.isEmpty {
            builder.add(Words.indicatorsHeading, indent: 2, kind: .heading)
            for indicator in indicators {
                builder.add(indicator.title, indent: 4, kind: .plain, hanging: 2)
                let summary = ReportWords.summary(indicator.summary, indicator.consolidation, unit: indicator.measureUnit)
                builder.add(Words.indicatorFacts(target: indicator.target, summary: summary, reported: indicator.summary.units,
                                                 of: indicator.outcomes.count), indent: 6, kind: .dim, hanging: 2)
                guard followUp else { continue }
                for outcome in indicator.outcomes {
                    builder.add(Words.outcome(unit: outcome.unit.name, value: ReportWords.value(outcome.outcome, unit: indicator.measureUnit)),
                                indent: 6, kind: .plain, hanging: 2, unit: outcome.unit)
                }
            }
        }
        let activities = goal.activities.filter { $0.units > 0 }
        if !activities.isEmpty {
            builder.add(Words.activitiesHeading, indent: 2, kind: .heading)
            for activity in activities {
                builder.add(Words.activity(activity.title, units: activity.units), indent: 4, kind: .plain, hanging: 2)
                if followUp { builder.add(Words.statusLine(activity.statuses), indent: 6, kind: .dim, hanging: 2) }
                for deviation in activity.deviations {
                    builder.add(Words.deviation(unit: deviation.unit.name, analysis: deviation.analysis), indent: 6, kind: .warning,
                                hanging: 2, unit: deviation.unit)
                }
            }
        }
        if !goal.ownDeviations.isEmpty {
            builder.add(ReportWords.ownDeviationsLabel, indent: 2, kind: .heading)
            for deviation in goal.ownDeviations {
                builder.add(Words.ownDeviation(unit: deviation.unit.name, activity: deviation.activity, analysis: deviation.analysis),
                            indent: 4, kind: .warning, hanging: 2, unit: deviation.unit)
            }
        }
        if !goal.unitGoals.isEmpty {
            builder.add(Words.unitGoalsHeading, indent: 2, kind: .heading)
            for entry in goal.unitGoals {
                builder.add(Words.unitGoal(unit: entry.unit.name, title: entry.title, rating: entry.rating, followUp: followUp),
                            indent: 4, kind: .plain, hanging: 2, unit: entry.unit)
                if let analysis = entry.analysis, followUp {
                    builder.add(analysis, indent: 6, kind: .dim, unit: entry.unit)
                }
            }
        }
    }

    private struct Builder {
        let width: Int
        var lines: [RollupLine] = []
        var goal: Int?

        mutating func blank() {
            if let last = lines.last, last.text.isEmpty { return }
            lines.append(RollupLine(text: "", indent: 0, kind: .plain, goal: goal))
        }

        /// The text wrapped at the page's width (by display width); `hanging` indents the lines after the first.
        mutating func add(_ text: String, indent: Int = 0, kind: RollupLine.Kind, hanging: Int = 0, unit: Rollup.UnitName? = nil,
                          startsGoal: Bool = false) {
            let room = max(8, width - indent - hanging)
            let wrapped = Wrap.lines(text, width: room)
            for (index, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                lines.append(RollupLine(text: part, indent: indent + (index == 0 ? 0 : hanging), kind: kind, unitID: unit?.id,
                                        unitName: unit?.name, goal: goal, startsGoal: startsGoal && index == 0))
            }
        }
    }
}
