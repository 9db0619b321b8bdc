import PlanKit

/// Performs planning's effects: the store checks each change again, so a refusal here (another
/// session changed the plan meanwhile) comes back as a message and changes nothing.
extension EffectRunner {
    func run(_ effect: PlanningEffect, _ state: AppState) throws -> [Message] {
        let plan = try ref(state)
        switch effect {
        case .saveIndicator(let form):
            let unit = form.measureUnit.isEmpty ? nil : form.measureUnit
            guard let id = form.indicator else {
                let id = try store.addIndicator(name: form.name, under: form.unitGoal, target: form.target, targetKind: form.kind,
                                                measureUnit: unit, periodicity: form.periodicity, direction: form.direction, in: plan)
                return [.added(itemID: id, try readPlan(state))]
            }
            try store.setIndicator(id, target: form.target, targetKind: form.kind, measureUnit: unit,
                                   periodicity: form.periodicity, direction: form.direction, in: plan)
            return [try changed(.itemRecord(item: id), state, focusing: true, status: Strings.App.indicatorSaved(form.target))]
        case .setDates(let activity, let start, let end):
            try store.setActivityDates(start: start, end: end, activity: activity, in: plan)
            return [try changed(.itemDate(item: activity, field: .end), state, focusing: false, status: Strings.App.datesSaved(start, end))]
        case .addSection(let title, let placement, let period):
            let id = try store.addSection(title: title, period: period, placement: placement, in: plan)
            return [try changed(.sectionRecord(section: id, period: period), state, focusing: true, status: Strings.App.sectionAdded(title))]
        case .renameSection(let id, let title, let period):
            try store.renameSection(id, to: title, period: period, in: plan)
            return [try changed(.sectionTitle(section: id, period: period), state, focusing: true, status: Strings.App.saved)]
        case .removeSection(let id, let period):
            let title = state.plan?.section(id, in: period)?.title ?? id
            try store.removeSection(id, period: period, in: plan)
            return [try changed(.sectionRecord(section: id, period: period), state, focusing: false, status: Strings.App.sectionRemoved(title))]
        }
    }
}
