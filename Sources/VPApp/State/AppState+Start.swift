import PlanKit

extension AppState {
    /// Whether a period or next year's plan of the request's unit may be started here: on a
    /// server when the login may change the unit's plans, on a file when the file may be changed.
    func mayStart(_ request: StartRequest) -> Bool {
        guard savesOnServer else { return !readOnly }
        return serverWritableUnits?.contains(request.unitID) ?? true
    }
}
