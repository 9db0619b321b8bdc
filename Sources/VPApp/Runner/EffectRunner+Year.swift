import Foundation
import PlanKit

/// The year's effects against the store: reading hand-ins and the carry-over list, handing in,
/// copying an analysis, placing and letting go of carried items (where the app saves them).
extension EffectRunner {
    func runYear(_ effect: YearEffect, _ state: AppState) throws -> [Message] {
        switch effect {
        case .load(let ref):
            let carryOver = try store.carryOver(ref)
            let fromYear = carryOver.isEmpty ? nil : try store.carryOverFromYear(ref)
            return [.year(.loaded(ref, handIns: try store.handIns(ref), carryOver: carryOver, fromYear: fromYear))]
        case .handIn(let period):
            return [.year(.handedIn(try store.submit(try yearRef(state), period: period)))]
        case .copyAnalysis(let item, let period, let from):
            let ref = try yearRef(state)
            try store.copyPreviousAnalysis(item: item, period: period, in: ref)
            let field = FieldRef.analysis(item: item, period: period)
            guard let plan = state.plan else { return [] }
            return [.changed(field, try store.refreshing(plan, after: field), reloaded: false, focusing: false,
                             status: Strings.App.copiedAnalysis(from: from))]
        case .place(let sourceID, let under):
            let ref = try yearRef(state)
            let entry = try changing(ref) { try $0.placeCarriedItem(sourceID, under: under, in: ref) }
            let plan = try freshPlan(ref)
            let status = under == nil ? Strings.App.confirmedPlacement(entry.title)
                : Strings.App.placed(entry.title, under: plan.items[under ?? ""]?.title(in: .vp) ?? "")
            return [.year(.carryOverChanged(try store.carryOver(ref), plan, status: status))]
        case .drop(let sourceID):
            let ref = try yearRef(state)
            let title = state.carryOver.first { $0.sourceID == sourceID }?.title ?? sourceID
            try changing(ref) { try $0.dropCarriedItem(sourceID, in: ref) }
            return [.year(.carryOverChanged(try store.carryOver(ref), try freshPlan(ref), status: Strings.App.dropped(title)))]
        }
    }

    private func yearRef(_ state: AppState) throws -> PlanRef {
        guard let ref = state.plan?.ref else { throw PlanError.noPlan(unit: "", year: 0) }
        return ref
    }

    /// The plan read again after items came: the change counter is taken first, so that only
    /// another session's later commit counts as news.
    private func freshPlan(_ ref: PlanRef) throws -> PlanDocument {
        let counter = (try? store.changeCounter()) ?? seenChanges
        let plan = try store.loadPlan(ref)
        seen(counter)
        return plan
    }
}
