import PlanKit

/// Drafts left by an app that ended before they were saved (a crash, a dropped SSH link) are
/// offered when their text is opened; the status line says at once that they are there, or the
/// person might never open that text again.
extension EffectRunner {
    func waitingDrafts(in ref: PlanRef, _ state: AppState) -> [Message] {
        guard let drafts = try? self.drafts?.drafts(in: ref), let first = drafts.first else { return [] }
        let fields = Set(drafts.map(\.field))
        let place = first.field.itemID.flatMap { state.plan?.items[$0]?.title }
        return [.note(Strings.WaitingDrafts.waiting(count: fields.count, place: place, period: first.field.period))]
    }
}
