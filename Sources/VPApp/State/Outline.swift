import PlanKit

/// What a line of the outline stands for. Stable ids, never row numbers, so that the selection
/// survives reloads, folding and other sessions' changes.
public enum OutlineTarget: Hashable, Sendable {
    case item(String)
    case section(String)

    /// The line a gap is about.
    init(_ gap: CompletenessGap) {
        self = gap.itemID.map(OutlineTarget.item) ?? .section(gap.sectionID ?? "")
    }

    /// The line of the outline that lacks something.
    init(_ line: MissingLine) {
        self = line.itemID.map(OutlineTarget.item) ?? .section(line.sectionID ?? "")
    }

    /// The line whose record a field belongs to (nil for none: every field has one).
    init?(_ field: FieldRef) {
        if let item = field.itemID {
            self = .item(item)
        } else if case .sectionText(let section, _) = field {
            self = .section(section)
        } else if let section = field.sectionID {
            self = .section(section)
        } else {
            return nil
        }
    }
}

/// One visible line of the outline.
public struct OutlineRow: Hashable, Sendable {
    public var target: OutlineTarget
    public var depth: Int
    public var hasChildren: Bool
    public var isFolded: Bool
}

/// The document of one period as an outline: the sections before the goals, the goal cascade
/// with its activities and indicators, then the sections after the goals.
public enum Outline {
    public static func rows(plan: PlanDocument, period: ReportPeriod, folded: Set<OutlineTarget>) -> [OutlineRow] {
        var rows: [OutlineRow] = []
        let sections = Completeness.orderedSections(plan.sections(in: period))
        let sectionChildren = Dictionary(grouping: sections, by: { $0.parentID ?? "" })
        func addSection(_ section: Section, depth: Int) {
            let target = OutlineTarget.section(section.id)
            let children = sectionChildren[section.id] ?? []
            let isFolded = folded.contains(target)
            rows.append(OutlineRow(target: target, depth: depth, hasChildren: !children.isEmpty, isFolded: isFolded))
            if !isFolded { children.forEach { addSection($0, depth: depth + 1) } }
        }
        func addItem(_ item: PlanItem, depth: Int) {
            let target = OutlineTarget.item(item.id)
            let children = plan.children(of: item.id, in: period)
            let isFolded = folded.contains(target)
            rows.append(OutlineRow(target: target, depth: depth, hasChildren: !children.isEmpty, isFolded: isFolded))
            if !isFolded { children.forEach { addItem($0, depth: depth + 1) } }
        }
        for section in sectionChildren[""] ?? [] where section.placement == .beforeGoals { addSection(section, depth: 0) }
        for root in plan.roots where plan.isShown(root.id, in: period) { addItem(root, depth: 0) }
        for section in sectionChildren[""] ?? [] where section.placement == .afterGoals { addSection(section, depth: 0) }
        return rows
    }

    /// The parent of a target in the outline, for ← and for unfolding what a jump lands in.
    public static func parent(of target: OutlineTarget, in plan: PlanDocument, period: ReportPeriod) -> OutlineTarget? {
        switch target {
        case .item(let id):
            return plan.items[id]?.parentID.flatMap { plan.items[$0] != nil ? .item($0) : nil }
        case .section(let id):
            return plan.section(id, in: period)?.parentID.map { .section($0) }
        }
    }

    /// Every ancestor of a target, nearest first.
    public static func ancestors(of target: OutlineTarget, in plan: PlanDocument, period: ReportPeriod) -> [OutlineTarget] {
        var result: [OutlineTarget] = []
        var current = parent(of: target, in: plan, period: period)
        while let next = current {
            result.append(next)
            current = parent(of: next, in: plan, period: period)
        }
        return result
    }
}
