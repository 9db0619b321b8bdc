import Foundation
import PlanKit

/// Values derived from the open plan that every key and every frame needs: the outline and
/// what the report still lacks. A key asks for the outline several times and a frame for the
/// gaps twice; each is computed once per plan, period and folding (docs/PERFORMANCE.md).
///
/// `AppState` gets a new cache whenever its `plan` changes, so copies of a state share a cache
/// only while they hold the same plan; period and folding are checked on every lookup.
final class DerivedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: (period: ReportPeriod, folded: Set<OutlineTarget>, rows: [OutlineRow])?
    private var gaps: (period: ReportPeriod, gaps: [CompletenessGap], targets: Set<OutlineTarget>)?
    private var search: (period: ReportPeriod, index: SearchIndex)?

    func rows(period: ReportPeriod, folded: Set<OutlineTarget>, _ compute: () -> [OutlineRow]) -> [OutlineRow] {
        lock.lock()
        defer { lock.unlock() }
        if let rows, rows.period == period, rows.folded == folded { return rows.rows }
        let computed = compute()
        rows = (period, folded, computed)
        return computed
    }

    func searchIndex(period: ReportPeriod, _ compute: () -> SearchIndex) -> SearchIndex {
        lock.lock()
        defer { lock.unlock() }
        if let search, search.period == period { return search.index }
        let computed = compute()
        search = (period, computed)
        return computed
    }

    /// The position of each item in the document of a period (`PlanDocument.walk(in:)`), which
    /// is the order of the items' gaps; found when a change first needs it.
    private var order: (period: ReportPeriod, index: [String: Int])?

    /// A cache for a changed version of the same plan whose items and sections are the same
    /// ones, in which one record changed (a follow-up, a text, a date): the outline carries over,
    /// and so do the gaps, but for those of the changed item or section, which are found again.
    func keepingOutline(changed field: FieldRef, in plan: PlanDocument) -> DerivedCache {
        lock.lock()
        defer { lock.unlock() }
        let cache = DerivedCache()
        cache.rows = rows
        if let search, let target = OutlineTarget(field) {
            cache.search = (search.period, search.index.updating(target, plan: plan, period: search.period))
        }
        guard let gaps else { return cache }
        let period = gaps.period
        let updated: [CompletenessGap]
        if let itemID = field.itemID {
            let index: [String: Int]
            if let order, order.period == period {
                index = order.index
            } else {
                index = Dictionary(plan.walk(in: period).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            }
            cache.order = (period, index)
            var kept = gaps.gaps.filter { $0.itemID != itemID }
            if let position = index[itemID], let item = plan.items[itemID] {
                let fresh = Completeness.gaps(of: item, in: plan, period: period, withPaths: false)
                // Section gaps (no item) come first, then items in document order.
                let at = kept.firstIndex { gap in gap.itemID.flatMap { index[$0] }.map { $0 > position } ?? false } ?? kept.endIndex
                kept.insert(contentsOf: fresh, at: at)
            }
            updated = kept
        } else {
            cache.order = order
            updated = Completeness.sectionGaps(in: plan, period: period) + gaps.gaps.filter { $0.itemID != nil }
        }
        cache.gaps = (period, updated, Self.targets(of: updated))
        return cache
    }

    private static func targets(of gaps: [CompletenessGap]) -> Set<OutlineTarget> {
        Set(gaps.map(OutlineTarget.init))
    }

    func gaps(period: ReportPeriod, _ compute: () -> [CompletenessGap]) -> (gaps: [CompletenessGap], targets: Set<OutlineTarget>) {
        lock.lock()
        defer { lock.unlock() }
        if let gaps, gaps.period == period { return (gaps.gaps, gaps.targets) }
        let computed = compute()
        let targets = Self.targets(of: computed)
        gaps = (period, computed, targets)
        return (computed, targets)
    }
}

extension AppState {
    /// Puts in place a version of the plan in which `field` changed, not which items and sections
    /// there are: the outline is kept, and what is missing is found again for that field's record.
    mutating func replacePlanKeepingOutline(_ plan: PlanDocument, changed field: FieldRef) {
        let cache = derived.keepingOutline(changed: field, in: plan)
        self.plan = plan
        derived = cache
    }

    /// What the report of the shown period still lacks (Completeness.gaps), computed once per plan and period.
    public var gaps: [CompletenessGap] {
        guard let plan else { return [] }
        return derived.gaps(period: period) { Completeness.gaps(in: plan, period: period, withPaths: false) }.gaps
    }

    /// The searchable texts of every line of the shown period, computed once per plan and period.
    var searchIndex: SearchIndex? {
        guard let plan else { return nil }
        return derived.searchIndex(period: period) { SearchIndex(plan: plan, period: period) }
    }

    /// The outline lines that have something missing: the lines marked in the outline.
    var missingTargets: Set<OutlineTarget> {
        guard let plan else { return [] }
        return derived.gaps(period: period) { Completeness.gaps(in: plan, period: period, withPaths: false) }.targets
    }
}
