import Foundation
import PlanKit

/// Values derived from the open plan that every key and every frame needs: the outline and
/// what the report still lacks. Computing them took most of the time of a key on a large plan
/// (the outline several times per key, the gaps twice per frame); here each is computed once
/// per plan, period and folding.
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

    /// A cache for a changed version of the same plan whose items and sections are the same
    /// ones (only texts, dates or follow-ups changed): the outline carries over, the gaps do not.
    func keepingOutline() -> DerivedCache {
        lock.lock()
        defer { lock.unlock() }
        let cache = DerivedCache()
        cache.rows = rows
        return cache
    }

    func gaps(period: ReportPeriod, _ compute: () -> [CompletenessGap]) -> (gaps: [CompletenessGap], targets: Set<OutlineTarget>) {
        lock.lock()
        defer { lock.unlock() }
        if let gaps, gaps.period == period { return (gaps.gaps, gaps.targets) }
        let computed = compute()
        let targets = Set(computed.map { gap in gap.itemID.map(OutlineTarget.item) ?? .section(gap.sectionID ?? "") })
        gaps = (period, computed, targets)
        return (computed, targets)
    }
}

extension AppState {
    /// Puts in place a version of the plan in which only texts, dates or follow-ups changed, not
    /// which items and sections there are: the outline is kept, what is missing found again.
    mutating func replacePlanKeepingOutline(_ plan: PlanDocument) {
        let cache = derived.keepingOutline()
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
