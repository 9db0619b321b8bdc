import PlanKit

/// Completeness per goal area (KF:s inriktningsmål) and in total: how many of the things a
/// report needs are done.
enum Overview {
    struct Area {
        var title: String
        var done: Int
        var total: Int
    }

    static func summary(plan: PlanDocument, period: ReportPeriod) -> (areas: [Area], total: Area) {
        let gaps = Completeness.gaps(in: plan, period: period)
        var areas: [Area] = []
        for root in plan.roots where plan.isShown(root.id, in: period) {
            let items = subtree(root.id, plan: plan, period: period)
            let required = items.filter { needsSomething($0, plan: plan, period: period) }
            let missing = Set(gaps.compactMap(\.itemID)).intersection(items.map(\.id))
            areas.append(Area(title: "KF \(root.number ?? "") \(root.title(in: period))", done: required.count - missing.count, total: required.count))
        }
        let requiredSections = plan.sections(in: period).filter { SectionTemplate.isRequired($0.id, in: period) }
        let missingSections = gaps.filter { $0.sectionID != nil }.count
        if !requiredSections.isEmpty {
            areas.insert(Area(title: Strings.App.sectionsArea, done: requiredSections.count - missingSections,
                              total: requiredSections.count), at: 0)
        }
        let total = Area(title: Strings.App.overviewTotal, done: areas.map(\.done).reduce(0, +), total: areas.map(\.total).reduce(0, +))
        return (areas, total)
    }

    private static func subtree(_ id: String, plan: PlanDocument, period: ReportPeriod) -> [PlanItem] {
        guard let item = plan.items[id] else { return [] }
        return [item] + plan.children(of: id, in: period).flatMap { subtree($0.id, plan: plan, period: period) }
    }

    /// Whether the report needs anything of this item in the period.
    private static func needsSomething(_ item: PlanItem, plan: PlanDocument, period: ReportPeriod) -> Bool {
        if !period.isFollowUp { return item.author == .unit }
        switch item.kind {
        case .goal: return item.level == .unitGoal
        case .activity: return item.isDue(in: period, year: plan.ref.year)
        case .indicator: return plan.isOutcomeDue(item, in: period)
        }
    }

    static func bar(done: Int, total: Int, width: Int, unicode: Bool) -> String {
        guard total > 0 else { return String(repeating: unicode ? "█" : "#", count: width) }
        let filled = done * width / total
        return String(repeating: unicode ? "█" : "#", count: filled) + String(repeating: unicode ? "░" : ".", count: width - filled)
    }
}
