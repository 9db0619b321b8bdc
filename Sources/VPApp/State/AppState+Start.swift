import PlanKit

extension AppState {
    /// Whether a period or next year's plan of the request's unit may be started here: on a
    /// server when the login may change the unit's plans, on a file when the file may be changed.
    func mayStart(_ request: StartRequest) -> Bool {
        mayStart(unitID: request.unitID)
    }

    /// The same for a unit. Fixed for the session (the server's rights are read when the app
    /// starts), so the chooser's lines, drawn once and kept, may show it.
    func mayStart(unitID: String) -> Bool {
        guard savesOnServer else { return !readOnly }
        return serverWritableUnits?.contains(unitID) ?? true
    }

    /// What Enter on a start line of a unit whose plans may only be read says.
    func startRefusal(unitName: String, year: Int, period: ReportPeriod) -> String {
        savesOnServer ? Strings.Chooser.mayOnlyRead(unitName: unitName, year: year, period: period)
            : Strings.Chooser.cannotStart(readOnlyBanner, year: year, period: period)
    }
}
