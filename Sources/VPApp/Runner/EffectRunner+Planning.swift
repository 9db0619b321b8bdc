import PlanKit

/// Performs planning's effects: the store checks each change again, so a refusal here (another
/// session changed the plan meanwhile) comes back as a message and changes nothing. The change
/// is made on a `FieldSaving`, so that the same code saves it in the file and on a server.
extension EffectRunner {
    func run(_ effect: PlanningEffect, _ state: AppState) throws -> [Message] {
        let added = try Self.make(effect, in: try ref(state), on: store)
        return try planned(effect, added: added, state)
    }

    /// Makes the effect's change; returns the id of the indicator or section it added.
    static func make(_ effect: PlanningEffect, in plan: PlanRef, on saving: FieldSaving) throws -> String? {
        switch effect {
        case .saveIndicator(let form):
            let unit = form.measureUnit.isEmpty ? nil : form.measureUnit
            guard let id = form.indicator else {
                return try saving.addIndicator(name: form.name, under: form.unitGoal, target: form.target, targetKind: form.kind,
                                               measureUnit: unit, periodicity: form.periodicity, direction: form.direction, in: plan)
            }
            try saving.setIndicator(id, target: form.target, targetKind: form.kind, measureUnit: unit,
                                    periodicity: form.periodicity, direction: form.direction, in: plan)
        case .setDates(let activity, let start, let end):
            try saving.setActivityDates(start: start, end: end, activity: activity, in: plan)
        case .addSection(let title, let placement, let period):
            return try saving.addSection(title: title, period: period, placement: placement, in: plan)
        case .renameSection(let id, let title, let period):
            try saving.renameSection(id, to: title, period: period, in: plan)
        case .removeSection(let id, let period):
            try saving.removeSection(id, period: period, in: plan)
        case .reopen(let period, let reason):
            try saving.reopen(plan, period: period, reason: reason)
        }
        return nil
    }

    /// What the screen is told once the change is made (`state` is from before it).
    func planned(_ effect: PlanningEffect, added: String?, _ state: AppState) throws -> [Message] {
        switch effect {
        case .saveIndicator(let form):
            guard let id = form.indicator else { return [.added(itemID: added ?? "", try readPlan(state))] }
            return [try changed(.itemRecord(item: id), state, focusing: true, status: Strings.App.indicatorSaved(form.target))]
        case .setDates(let activity, let start, let end):
            return [try changed(.itemDate(item: activity, field: .end), state, focusing: false, status: Strings.App.datesSaved(start, end))]
        case .addSection(let title, _, let period):
            return [try changed(.sectionRecord(section: added ?? "", period: period), state, focusing: true,
                                status: Strings.App.sectionAdded(title))]
        case .renameSection(let id, _, let period):
            return [try changed(.sectionTitle(section: id, period: period), state, focusing: true, status: Strings.App.saved)]
        case .removeSection(let id, let period):
            let title = state.plan?.section(id, in: period)?.title ?? id
            return [try changed(.sectionRecord(section: id, period: period), state, focusing: false, status: Strings.App.sectionRemoved(title))]
        case .reopen(let period, _):
            // The hand-ins read again: the report takes changes once its hand-in is no longer in force.
            return try runYear(.load(try ref(state)), state) + [.note(Strings.App.reopened(period))]
        }
    }
}
