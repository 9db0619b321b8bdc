import PlanKit

/// Words and marks for plan items: their outline label, their state at a glance, their details.
struct Describe {
    let plan: PlanDocument
    let period: ReportPeriod
    let theme: Theme

    func label(_ target: OutlineTarget) -> String {
        switch target {
        case .section(let id):
            return "§ " + (plan.section(id, in: period)?.title ?? id)
        case .item(let id):
            guard let item = plan.items[id] else { return id }
            let title = item.title(in: period)
            switch item.kind {
            case .goal:
                switch item.level {
                case .councilDirection?, .councilArea?: return "KF \(item.number ?? "") \(title)"
                case .boardGoal?: return "\(Strings.levelLabel(.boardGoal)): \(title)"
                default: return "\(Strings.levelLabel(.unitGoal)): \(title)"
                }
            case .activity: return "\(Strings.activity): \(title)"
            case .indicator: return "\(Strings.indicator): \(title)"
            }
        }
    }

    /// The state of a line at a glance: rating, activity mark, outcome against target.
    func badge(_ target: OutlineTarget) -> (String, Style)? {
        switch target {
        case .section(let id):
            guard let section = plan.section(id, in: period), section.text.allSatisfy(\.isWhitespace) else { return nil }
            return (Strings.App.emptySection, SectionTemplate.isRequired(id, in: period) ? theme.error : theme.dim)
        case .item(let id):
            if isDeclined(target) { return (Strings.App.declinedBadge, theme.dim) }
            guard let item = plan.items[id], period.isFollowUp else { return nil }
            let followUp = plan.followUp(id, period)
            switch item.kind {
            case .goal:
                guard item.level == .unitGoal else { return nil }
                guard let rating = followUp.rating else { return (Strings.App.noRating, theme.error) }
                return ("\(theme.ratedMark) \(Strings.App.ratingShort(rating))", theme.style(for: rating))
            case .activity:
                guard let status = followUp.status else { return (Strings.App.noStatus, theme.error) }
                let text = status == .done ? "\(theme.doneMark) \(Strings.status(status))" : Strings.status(status)
                return (text, theme.style(for: status))
            case .indicator:
                return indicatorBadge(item, followUp)
            }
        }
    }

    private func indicatorBadge(_ item: PlanItem, _ followUp: FollowUp) -> (String, Style)? {
        guard let spec = item.indicator else { return nil }
        let target = spec.target ?? spec.councilTarget ?? "–"
        guard let outcome = followUp.outcome else {
            return plan.isOutcomeDue(item, in: period) ? ("– / \(target)", theme.error) : ("\(target)", theme.dim)
        }
        let judgement = plan.judgement(of: item, in: period)
        let value = spec.outcomeText(outcome)
        let verdict = judgement == .cannotJudge ? "" : " " + Strings.App.ratingShort(judgement.asRating)
        return ("\(value) / \(target)\(verdict)", theme.style(for: judgement))
    }

    /// One of the board's items that the unit does not follow up (shown in the plan only).
    func isDeclined(_ target: OutlineTarget) -> Bool {
        guard case .item(let id) = target else { return false }
        return plan.notFollowedUp.contains(id)
    }

    func isInherited(_ target: OutlineTarget) -> Bool {
        guard case .item(let id) = target, let item = plan.items[id] else { return false }
        return item.author != .unit
    }

    /// The detail of a line as styled lines wrapped to a width.
    /// - Parameter limit: the lines wanted; texts are wrapped only as far as that (a pane shows a screenful).
    func detail(_ target: OutlineTarget, width: Int, limit: Int = .max) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        func heading(_ text: String) { lines.append(("", .plain)); lines.append((text, theme.label)) }
        func body(_ text: String, style: Style = .plain) {
            guard lines.count < limit else { return }
            for line in Wrap.lines(text.isEmpty ? Strings.App.empty : text, width: width, limit: limit - lines.count) {
                lines.append((line, text.isEmpty ? theme.dim : style))
            }
        }
        switch target {
        case .section(let id):
            guard let section = plan.section(id, in: period) else { return [] }
            body(section.title, style: theme.label)
            lines.append(("", .plain))
            body(section.text)
        case .item(let id):
            guard let item = plan.items[id] else { return [] }
            body(label(target), style: theme.label)
            let origin = item.author == .unit
                ? Strings.App.own
                : "\(theme.lockMark) \(Strings.inheritedLabel(item.author))"
            lines.append((origin, item.author == .unit ? theme.ok : theme.inherited))
            if let (text, style) = badge(target) { lines.append((text, style)) }
            // In a follow-up the unit's own words for the period come first. KF's goals are
            // followed up by the board, not in the unit's report.
            if period.isFollowUp && !(item.kind == .goal && item.author == .council) {
                heading("\(Strings.analysis) (\(Strings.periodName(period)))")
                body(plan.followUp(id, period).analysis)
                // What the previous period said, beside this period's value: T1 beside T2, T2 beside VB.
                if let previous = plan.previousFollowUp(id, before: period),
                   item.kind != .goal || item.level == .unitGoal {
                    heading(Strings.App.previousPeriod(previous.period))
                    body(Strings.App.previousValue(previous.value, kind: item.kind, measureUnit: item.indicator?.outcomeUnit),
                         style: theme.dim)
                    if !previous.value.analysis.isEmpty { body(previous.value.analysis, style: theme.dim) }
                }
            }
            switch item.kind {
            case .goal:
                let fields: [TextField] = item.author == .unit ? TextField.goalBody : [.description, .expectedResult, .comment]
                // An own goal's empty fields are shown, to be written; but not a description,
                // which the unit does not write (`Rules.editableTexts`).
                for field in fields where !item.text(field, in: period).isEmpty || (item.author == .unit && field != .description) {
                    heading(Strings.fieldLabel(field))
                    body(item.text(field, in: period))
                }
            case .activity:
                heading("\(Strings.startDate) – \(Strings.endDate)")
                body("\(item.start ?? "–") – \(item.end ?? "–")")
            case .indicator:
                if let spec = item.indicator {
                    heading(Strings.annualTarget)
                    body(spec.target ?? "–")
                    heading(Strings.councilAnnualTarget)
                    body(spec.councilTarget ?? "–")
                    heading(Strings.periodicityLabel)
                    body("\(Strings.periodicity(spec.periodicity)), \(Strings.App.directionLabel(spec.direction))")
                }
                if !item.text(.comment).isEmpty {
                    heading(Strings.fieldLabel(.comment))
                    body(item.text(.comment))
                }
            }
        }
        return lines
    }
}

extension Judgement {
    var asRating: Rating? {
        switch self {
        case .fully: return .fully
        case .partly: return .partly
        case .not: return .not
        case .cannotJudge: return nil
        }
    }
}
