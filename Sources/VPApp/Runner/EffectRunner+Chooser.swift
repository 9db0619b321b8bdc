import Foundation
import PlanKit

/// The chooser's side of the store: the list of plans and the period states.
extension EffectRunner {
    /// The chooser's list, read again only when another session has committed since. `statesValid`
    /// says whether the period states read before still hold.
    func chooserData() throws -> (data: ChooserData, statesValid: Bool) {
        let counter = try store.changeCounter()
        if choicesCounter == nil, let prefetched = chooserPrefetch.take(), prefetched.counter == counter {
            cachedChoices = prefetched.data
            choicesCounter = counter
        }
        let statesValid = choicesCounter == counter
        if !statesValid || cachedChoices == nil {
            cachedChoices = ChooserData(plans: try store.plans(), organisations: try store.organisations(),
                                        cascades: try store.cascadeYears())
            if !statesValid { stateWorker.reset() }
            choicesCounter = counter
        }
        return (cachedChoices ?? .empty, statesValid)
    }

    /// The chooser's list and the store's change counter read before it, for `chooserPrefetch`;
    /// nil when the store could not be read.
    static func prefetchChoices(_ store: PlanStore) -> (data: ChooserData, counter: Int)? {
        guard let counter = try? store.changeCounter(),
              let data = try? ChooserData(plans: store.plans(), organisations: store.organisations(),
                                          cascades: store.cascadeYears()) else { return nil }
        return (data, counter)
    }

    /// Every plan and period that can be opened, in the chooser's order.
    func planChoices() throws -> [PlanChoice] {
        try chooserData().data.choices
    }

    func loadChoices(select: PlanChoice?) throws -> Message {
        // On a server, what others changed while the chooser was away is read now.
        server?.showChooser(true)
        let (data, statesValid) = try chooserData()
        return .choices(data, select: select, statesValid: statesValid)
    }
}
