import PlanKit

/// Starting a period or next year's plan, and placing or letting go of what the year carried
/// over, are made on a `FieldSaving`: the file's store, or the server when the app saves there,
/// which brings the copy of the plan to its state before the plan is read back.
extension EffectRunner {
    /// Runs a change of `plan` where the app saves it.
    func changing<T>(_ plan: PlanRef, _ body: (FieldSaving) throws -> T) throws -> T {
        guard let server else { return try body(store) }
        return try server.change(plan, body)
    }

    /// Starts the period through PlanKit and opens it, saying what it started from. One that
    /// another session started meanwhile is opened as it is, and said so.
    func start(_ request: StartRequest, _ state: AppState) throws -> [Message] {
        let ref = PlanRef(unitID: request.unitID, year: request.year)
        let note: String
        do {
            if request.period == .vp {
                let started = try changing(ref) { try $0.startYear(unit: request.unitID, year: request.year, from: request.fromYear) }
                note = Strings.Chooser.startedYear(started, unit: request.unitName)
            } else {
                let started = try changing(ref) { try $0.startPeriod(request.period, in: ref) }
                note = Strings.Chooser.startedPeriod(started, unit: request.unitName, layout: Layout(state))
            }
        } catch YearError.periodExists(let period, let year) where period == request.period && year == request.year {
            note = Strings.Chooser.startedMeanwhile(request)
        }
        // The list changed under the chooser: read again when it is next shown.
        cachedChoices = nil
        var messages = try open(request.choice, state, reload: true)
        messages.append(.note(note))
        return messages
    }
}
