import PlanKit

extension AppState {
    /// On a server, a plan opens writable when the login may change it and read-only when it
    /// may only read it; on a file the file decides once for every plan.
    mutating func takeServerRights(for plan: PlanRef) {
        guard savesOnServer else { return }
        readOnly = !(serverWritableUnits?.contains(plan.unitID) ?? true)
    }
}
