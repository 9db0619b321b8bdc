import PlanKit

/// Starting a period or next year's plan where others start them too, and where rights are per unit.
extension Strings.Chooser {
    /// The period (or the year's plan) was started by another session since the chooser was read.
    public static func startedMeanwhile(_ request: StartRequest) -> String {
        "\(started(request)) för \(request.unitName) har redan startats av någon annan; den visas här."
    }

    /// On a server: the login may read the unit's plans but not change them.
    public static func mayOnlyRead(_ request: StartRequest) -> String {
        "Du har bara läsrätt till \(request.unitName): \(started(request)) kan inte startas."
    }

    private static func started(_ request: StartRequest) -> String {
        request.period == .vp ? "VP \(request.year)" : "\(Strings.periodName(request.period)) \(request.year)"
    }
}
