import Foundation
import PlanKit

/// On a server, the copy holds what the app has shown: a plan is read when it is opened, and
/// the chooser's lines of plans others changed are read again as the server announces them.
extension EffectRunner {
    /// The plan as the store has it, read from the server first when the copy does not hold it
    /// or others changed it since.
    func loadWhole(_ ref: PlanRef) throws -> PlanDocument {
        try server?.bringIn(ref)
        return try store.loadPlan(ref)
    }

    /// Plans others changed, read into the copy's list since the last tick: their period states
    /// are read again, and the list arranged again when a plan came or its periods changed.
    /// While the chooser is away the server only notes them, and reads them once it is shown.
    func chooserNews(_ state: AppState, _ server: any PlanServer) -> [Message] {
        server.showChooser(state.page == .chooser)
        guard let changed = server.takeChangedPlans() else { return [] }
        stateWorker.forget(changed.plans)
        var list: ChooserData?
        if changed.listChanged, cachedChoices != nil {
            cachedChoices = nil
            list = try? chooserData().data
        }
        return [.plansChangedElsewhere(changed.plans, list: list)]
    }
}
