import PlanKit

extension AppState {
    /// On a server, a plan opens writable when the login may change it and read-only when it
    /// may only read it; on a file the file decides once for every plan.
    mutating func takeServerRights(for plan: PlanRef) {
        guard savesOnServer else { return }
        readOnly = !(serverWritableUnits?.contains(plan.unitID) ?? true)
    }
}

extension Rules {
    /// On a server, what it does not take yet (own sections, own indicators) is refused at the
    /// key, before a title or a form is asked for.
    static func notOnServer(_ state: AppState) -> Availability? {
        state.savesOnServer ? .refused(Strings.notOnServerYet) : nil
    }
}
