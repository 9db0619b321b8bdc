/// Gathers the units' reports of a period under the board's goals (see `Rollup`).
public enum RollupBuilder {
    public static func build(_ plans: BoardPlans, period: ReportPeriod) -> Rollup {
        let scope = plans.scope
        var reports: [(name: Rollup.UnitName, plan: PlanDocument)] = []
        var missing: [Rollup.UnitName] = []
        var damaged: [Rollup.Damaged] = []
        for (unit, plan) in plans.units {
            let name = Rollup.UnitName(id: unit.id, name: unit.displayName)
            switch plan {
            case .plan(let document) where document.periods.contains(period): reports.append((name, document))
            case .plan, .noPlan: missing.append(name)
            case .damaged(let error): damaged.append(Rollup.Damaged(unit: name, error: error))
            }
        }
        // The cascade as a document of its own gives its goals in the units' document order.
        let cascade = PlanDocument(ref: PlanRef(unitID: scope.board.id, year: plans.year), unit: scope.board, board: scope.board,
                                   periods: [period], items: plans.cascade, followUps: [:], sections: [:])
        var goals: [Rollup.Goal] = []
        for item in cascade.walk() where item.kind == .goal {
            guard let level = item.level else { continue }
            goals.append(goal(item, level: level, cascade: cascade, reports: reports, plans: plans, period: period))
        }
        var summaries: [Rollup.UnitText] = []
        for (name, plan) in reports {
            for section in plan.sections(in: period) where SectionTemplate.isRequired(section.id, in: period)
                && !Completeness.isBlank(section.text) {
                summaries.append(Rollup.UnitText(unit: name, title: section.title, text: section.text))
            }
        }
        return Rollup(boardID: scope.board.id, board: scope.board.name, departmentID: scope.department?.id,
                      department: scope.department?.name, year: plans.year, period: period, units: reports.map(\.name),
                      missing: missing, damaged: damaged, goals: goals, summaries: summaries)
    }

    private static func goal(_ item: PlanItem, level: GoalLevel, cascade: PlanDocument,
                             reports: [(name: Rollup.UnitName, plan: PlanDocument)], plans: BoardPlans,
                             period: ReportPeriod) -> Rollup.Goal {
        let children = cascade.children(of: item.id)
        var result = Rollup.Goal(id: item.id, level: level, number: item.number, title: item.title(in: period),
                                 ratings: nil, unitsByRating: nil, unitGoals: [], activities: [], ownDeviations: [], indicators: [])
        result.activities = children.filter { $0.kind == .activity }.map { activity(for: $0, reports: reports, period: period) }
        result.indicators = children.filter { $0.kind == .indicator && $0.author != .council }.map {
            indicator(for: $0, reports: reports, plans: plans, period: period)
        }
        guard level == .boardGoal else { return result }
        var ratings = RatingCounts()
        var byRating = Rollup.UnitsByRating()
        for (name, plan) in reports where plan.items[item.id] != nil && plan.isShown(item.id, in: period) {
            for unitGoal in unitGoals(under: item.id, in: plan, period: period) {
                let followUp = plan.followUp(unitGoal.id, period)
                let rating = period.isFollowUp ? followUp.rating : nil
                ratings.add(rating)
                switch rating {
                case .fully: byRating.fully.append(name.name)
                case .partly: byRating.partly.append(name.name)
                case .not: byRating.not.append(name.name)
                case nil: byRating.unrated.append(name.name)
                }
                let analysis = period.isFollowUp && !Completeness.isBlank(followUp.analysis) ? followUp.analysis : nil
                result.unitGoals.append(Rollup.UnitGoal(unit: name, goalID: unitGoal.id, title: unitGoal.title(in: period),
                                                        rating: rating, analysis: analysis))
                for own in plan.children(of: unitGoal.id, in: period) where own.kind == .activity {
                    let followUp = plan.followUp(own.id, period)
                    if period.isFollowUp && followUp.status == .deviation {
                        result.ownDeviations.append(Rollup.Deviation(unit: name, activityID: own.id, activity: own.title,
                                                                     analysis: Completeness.isBlank(followUp.analysis) ? nil : followUp.analysis))
                    }
                }
            }
        }
        result.ratings = ratings
        result.unitsByRating = byRating
        return result
    }

    /// The unit's enhetsmål under a goal of the cascade, nested ones included, in document order.
    private static func unitGoals(under id: String, in plan: PlanDocument, period: ReportPeriod) -> [PlanItem] {
        var result: [PlanItem] = []
        for child in plan.children(of: id, in: period) where child.kind == .goal && child.level == .unitGoal {
            result.append(child)
            result += unitGoals(under: child.id, in: plan, period: period)
        }
        return result
    }

    private static func activity(for item: PlanItem, reports: [(name: Rollup.UnitName, plan: PlanDocument)],
                                 period: ReportPeriod) -> Rollup.Activity {
        var result = Rollup.Activity(id: item.id, title: item.title(in: period), units: 0, statuses: Rollup.StatusCounts(), deviations: [])
        for (name, plan) in reports where plan.items[item.id] != nil && plan.isShown(item.id, in: period) {
            result.units += 1
            let followUp = plan.followUp(item.id, period)
            switch period.isFollowUp ? followUp.status : nil {
            case .notStarted: result.statuses.notStarted += 1
            case .ongoing: result.statuses.ongoing += 1
            case .done: result.statuses.done += 1
            case .deviation:
                result.statuses.deviation += 1
                result.deviations.append(Rollup.Deviation(unit: name, activityID: item.id, activity: item.title(in: period),
                                                          analysis: Completeness.isBlank(followUp.analysis) ? nil : followUp.analysis))
            case nil: result.statuses.noStatus += 1
            }
        }
        return result
    }

    private static func indicator(for item: PlanItem, reports: [(name: Rollup.UnitName, plan: PlanDocument)],
                                  plans: BoardPlans, period: ReportPeriod) -> Rollup.Indicator {
        let consolidation = plans.consolidation[item.id] ?? Consolidation.defaultFor(measureUnit: item.indicator?.measureUnit)
        var outcomes: [Rollup.Outcome] = []
        for (name, plan) in reports where plan.items[item.id] != nil && plan.isShown(item.id, in: period) {
            outcomes.append(Rollup.Outcome(unit: name, outcome: period.isFollowUp ? plan.followUp(item.id, period).outcome : nil))
        }
        let values = outcomes.compactMap(\.outcome)
        var summary = Rollup.Summary(value: nil, min: nil, max: nil, units: values.count)
        switch consolidation.summarise(values) {
        case .single(let value): summary.value = value
        case .range(let low, let high): summary.min = low; summary.max = high
        case nil: break
        }
        return Rollup.Indicator(id: item.id, title: item.title(in: period), measureUnit: item.indicator?.outcomeUnit,
                                target: item.indicator?.target, consolidation: consolidation, outcomes: outcomes, summary: summary)
    }
}

extension PlanStore {
    /// The roll-up of the scope's units for the year and period.
    public func rollup(_ scope: BoardScope, year: Int, period: ReportPeriod) throws -> Rollup {
        RollupBuilder.build(try boardPlans(scope, year: year, period: period), period: period)
    }
}
