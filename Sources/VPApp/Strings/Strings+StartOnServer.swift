import PlanKit

/// Starting a period or next year's plan where others start them too, and where rights are per unit.
extension Strings.Chooser {
    /// The period (or the year's plan) was started by another session since the chooser was read.
    public static func startedMeanwhile(_ request: StartRequest) -> String {
        "\(started(request)) för \(request.unitName) har redan startats av någon annan; den visas här."
    }

    /// On a server: the login may read the unit's plans but not change them.
    public static func mayOnlyRead(_ request: StartRequest) -> String {
        mayOnlyRead(unitName: request.unitName, year: request.year, period: request.period)
    }

    public static func mayOnlyRead(unitName: String, year: Int, period: ReportPeriod) -> String {
        "Du har bara läsrätt till \(unitName): \(started(period, year)) kan inte startas."
    }

    /// Where nothing may be changed (the file is read-only, or the plans were read from a server
    /// into memory): why, then what cannot be started.
    public static func cannotStart(_ readOnlyBanner: String, year: Int, period: ReportPeriod) -> String {
        "\(readOnlyBanner) \(started(period, year)) kan inte startas."
    }

    private static func started(_ request: StartRequest) -> String { started(request.period, request.year) }

    private static func started(_ period: ReportPeriod, _ year: Int) -> String {
        period == .vp ? "VP \(year)" : "\(Strings.periodName(period)) \(year)"
    }
}
