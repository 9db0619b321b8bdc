import PlanKit

/// Completeness per goal area (KF:s inriktningsmål) and in total: how many of the things a
/// report needs are done.
enum Overview {
    struct Area {
        var title: String
        var done: Int
        var total: Int
        /// Where Enter goes: the area's goal, or the first section.
        var target: OutlineTarget?
    }

    /// Counts of lines, as the header's "N punkter saknar något" and `n` count them: a line (an item or a
    /// section) is done when the report lacks nothing of it. What is asked of a line is
    /// PlanKit's `Completeness`.
    static func summary(plan: PlanDocument, period: ReportPeriod, gaps: [CompletenessGap]) -> (areas: [Area], total: Area) {
        let missingItems = Set(gaps.compactMap(\.itemID))
        var areas: [Area] = []
        for root in plan.roots where plan.isShown(root.id, in: period) {
            let asked = subtree(root.id, plan: plan, period: period)
                .filter { Completeness.asksSomething(of: $0, in: plan, period: period) }
            let missing = asked.filter { missingItems.contains($0.id) }.count
            areas.append(Area(title: "KF \(root.number ?? "") \(root.title(in: period))", done: asked.count - missing,
                              total: asked.count, target: .item(root.id)))
        }
        let sections = Completeness.requiredSectionIDs(in: plan, period: period)
        if !sections.isEmpty {
            let missing = Set(gaps.compactMap(\.sectionID)).intersection(sections).count
            let first = Completeness.orderedSections(plan.sections(in: period)).first.map { OutlineTarget.section($0.id) }
            areas.insert(Area(title: Strings.App.sectionsArea, done: sections.count - missing, total: sections.count,
                              target: first), at: 0)
        }
        let total = Area(title: Strings.App.overviewTotal, done: areas.map(\.done).reduce(0, +),
                         total: areas.map(\.total).reduce(0, +), target: nil)
        return (areas, total)
    }

    private static func subtree(_ id: String, plan: PlanDocument, period: ReportPeriod) -> [PlanItem] {
        guard let item = plan.items[id] else { return [] }
        return [item] + plan.children(of: id, in: period).flatMap { subtree($0.id, plan: plan, period: period) }
    }

    static func bar(done: Int, total: Int, width: Int, unicode: Bool) -> String {
        guard total > 0 else { return String(repeating: unicode ? "█" : "#", count: width) }
        let filled = done * width / total
        return String(repeating: unicode ? "█" : "#", count: filled) + String(repeating: unicode ? "░" : ".", count: width - filled)
    }
}
