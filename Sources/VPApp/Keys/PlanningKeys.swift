import PlanKit

/// The plan page's keys for planning the VP: own indicators, activity dates, the board's items
/// taken up or declined. Part of `PlanKeys.table`, after its own keys of the plan.
enum PlanningKeys {
    static let bindings: [Binding] = [
        Binding([.character("i")], .plan,
                "Ny egen indikator under det egna enhetsmålet; på en egen indikator: ändra årsmål, enhet, periodicitet, riktning",
                hint: Hint("i", "Indikator"), changesReport: true, when: Rules.indicator) { _, state in Update.openIndicator(&state) },
        Binding([.character("T")], .plan, "Start- och slutdatum för egen aktivitet (ÅÅÅÅ-MM-DD)",
                hint: Hint("T", "Datum"), changesReport: true, when: Rules.dates) { _, state in Update.openDates(&state) },
        Binding([.character("f")], .plan, "Nämndens eller KF:s aktivitet eller indikator: följs upp av enheten, eller inte",
                hint: Hint("f", "Följs upp"), changesReport: true, when: Rules.followedUp) { _, state in Update.toggleFollowedUp(&state) },
    ]
}
