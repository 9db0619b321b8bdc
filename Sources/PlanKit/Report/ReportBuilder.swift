/// Builds a unit's report for one period in the order and with the headings of the City's
/// documents (the VB of Resursenheten 2021 is the model): sections before the goals, the goal
/// cascade from KF:s inriktningsmål down to the enhetsmål with their activities and
/// indicators, then the sections after the goals.
public struct ReportBuilder {
    public let plan: PlanDocument
    public let period: ReportPeriod
    /// Marks to use: Unicode where the terminal or file can show it, ASCII otherwise.
    public let marks: Marks

    public struct Marks: Sendable {
        public var done: String
        public var rated: String
        public var none: String
        /// An own goal the unit has not rated yet: not the mark of levels that are never rated.
        public var unrated: String = Strings.unratedMark
        public var notStarted: String = Strings.notStartedMark
        public var ongoing: String = Strings.ongoingMark

        public static let unicode = Marks(done: Strings.doneMark, rated: Strings.ratingMark, none: Strings.noRatingMark)
        public static let ascii = Marks(done: "[x]", rated: "*", none: "- Ingen", unrated: "o", notStarted: "[ ]", ongoing: "[~]")
    }

    public init(plan: PlanDocument, period: ReportPeriod, marks: Marks = .unicode) {
        self.plan = plan
        self.period = period
        self.marks = marks
    }

    public func build() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.title(Strings.documentTitle(period, year: plan.ref.year, unit: plan.unit.displayName))]
        // A report that cannot be handed in yet says so at its top.
        let missing = Completeness.missingLines(in: plan, period: period, withPaths: false).count
        if missing > 0 { blocks.append(.mark(Strings.draftLine(missing))) }
        let sections = Completeness.orderedSections(plan.sections(in: period))
        blocks += sectionBlocks(sections, placement: .beforeGoals)
        if period.isFollowUp {
            blocks.append(.heading(level: 1, text: Strings.councilGoalsHeading))
        }
        for root in plan.roots where plan.isShown(root.id, in: period) {
            blocks += goalBlocks(root)
        }
        blocks += sectionBlocks(sections, placement: .afterGoals)
        return blocks
    }

    private func sectionBlocks(_ sections: [Section], placement: SectionPlacement) -> [ReportBlock] {
        let byID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func depth(_ section: Section) -> Int {
            var depth = 1
            var parent = section.parentID.flatMap { byID[$0] }
            while let current = parent {
                depth += 1
                parent = current.parentID.flatMap { byID[$0] }
            }
            return depth
        }
        func top(_ section: Section) -> Section {
            var current = section
            while let parent = current.parentID.flatMap({ byID[$0] }) { current = parent }
            return current
        }
        var blocks: [ReportBlock] = []
        for section in sections where top(section).placement == placement {
            blocks.append(.heading(level: depth(section), text: section.title))
            if !section.text.isEmpty { blocks.append(.paragraphs(section.text)) }
        }
        return blocks
    }

    private func goalBlocks(_ goal: PlanItem) -> [ReportBlock] {
        guard let level = goal.level else { return [] }
        let title = goal.title(in: period)
        let heading: String
        switch level {
        case .councilDirection, .councilArea:
            heading = "\(Strings.levelLabel(level)): \(goal.number.map { "\($0). " } ?? "")\(title)"
        case .boardGoal, .unitGoal:
            heading = "\(Strings.levelLabel(level)): \(title)"
        }
        let depth: Int = switch level {
        case .councilDirection: 2
        case .councilArea: 3
        case .boardGoal: 4
        case .unitGoal: 5
        }
        var blocks: [ReportBlock] = [.heading(level: depth, text: heading)]
        let followUp = plan.followUp(goal.id, period)
        if period.isFollowUp && level != .councilDirection {
            // T1 and T2 rate the forecast for the whole year; the VB rates the year.
            let forecast = period == .vb ? "" : Strings.forecastLabel + ": "
            if level == .unitGoal, let rating = followUp.rating {
                blocks.append(.mark("\(marks.rated) \(forecast)\(Strings.rating(rating))"))
            } else if level == .unitGoal {
                blocks.append(.mark("\(marks.unrated) \(forecast)\(Strings.unrated)"))
            } else {
                blocks.append(.mark(marks.none))
            }
        }
        // The council's goals are shown by title only; the board's and the unit's with their texts.
        if level == .boardGoal || level == .unitGoal {
            let fields: [TextField] = level == .boardGoal || period.isFollowUp
                ? [.description, .expectedResult] : TextField.goalBody
            for field in fields {
                let text = goal.text(field, in: period)
                if !text.isEmpty { blocks += [.label(Strings.fieldLabel(field)), .paragraphs(text)] }
            }
            if period.isFollowUp && !followUp.analysis.isEmpty {
                blocks += [.label(Strings.analysis), .paragraphs(followUp.analysis)]
            }
        }
        let children = plan.children(of: goal.id, in: period)
        let indicators = children.filter { $0.kind == .indicator }
        if !indicators.isEmpty { blocks.append(.table(indicatorTable(indicators))) }
        let activities = children.filter { $0.kind == .activity }
        if !activities.isEmpty { blocks.append(.table(activityTable(activities))) }
        for child in children where child.kind == .goal {
            blocks += goalBlocks(child)
        }
        return blocks
    }

    private func activityTable(_ activities: [PlanItem]) -> ReportTable {
        if !period.isFollowUp {
            return ReportTable(headers: [Strings.activity, Strings.startDate, Strings.endDate],
                               rows: activities.map { .cells([planTitle($0), $0.start ?? "", $0.end ?? ""]) })
        }
        var rows: [ReportTable.Row] = []
        for activity in activities {
            let followUp = plan.followUp(activity.id, period)
            // Each status its own mark; Avvikelse has its column.
            let title = switch followUp.status {
            case .done: "\(marks.done) \(activity.title)"
            case .ongoing: "\(marks.ongoing) \(activity.title)"
            case .notStarted: "\(marks.notStarted) \(activity.title)"
            case .deviation, nil: activity.title
            }
            let deviation = followUp.status == .deviation ? Strings.deviationColumn : ""
            rows.append(.cells([title, activity.start ?? "", activity.end ?? "", deviation]))
            if !followUp.analysis.isEmpty {
                rows.append(.note(label: Strings.analysis, text: followUp.analysis))
            }
        }
        return ReportTable(headers: [Strings.activity, Strings.startDate, Strings.endDate, Strings.deviationColumn], rows: rows)
    }

    /// An item's title in the plan (VP), which says when the unit does not follow the board's item up.
    private func planTitle(_ item: PlanItem) -> String {
        plan.notFollowedUp.contains(item.id) ? "\(item.title) (\(Strings.notFollowedUp.lowercased()))" : item.title
    }

    private func indicatorTable(_ indicators: [PlanItem]) -> ReportTable {
        if !period.isFollowUp {
            return ReportTable(headers: [Strings.indicator, Strings.annualTarget, Strings.councilAnnualTarget, Strings.periodicityLabel],
                               rows: indicators.map { indicator in
                                   .cells([planTitle(indicator), indicator.indicator?.target ?? "", indicator.indicator?.councilTarget ?? "",
                                           indicator.indicator.map { Strings.periodicity($0.periodicity) } ?? ""])
                               })
        }
        var rows: [ReportTable.Row] = []
        for indicator in indicators {
            let followUp = plan.followUp(indicator.id, period)
            let outcome = followUp.outcome.map { value in
                IndicatorSpec.outcomeText(value, unit: indicator.indicator?.outcomeUnit)
            } ?? ""
            let judgement = plan.judgement(of: indicator, in: period)
            rows.append(.cells([indicator.title, outcome, indicator.indicator?.target ?? "",
                                indicator.indicator.map { Strings.periodicity($0.periodicity) } ?? "",
                                followUp.outcome == nil ? "" : Strings.judgement(judgement)]))
            if !followUp.analysis.isEmpty {
                rows.append(.note(label: Strings.analysis, text: followUp.analysis))
            }
        }
        return ReportTable(headers: [Strings.indicator, Strings.outcome, Strings.annualTarget, Strings.periodicityLabel,
                                     Strings.judgementLabel], rows: rows)
    }
}
