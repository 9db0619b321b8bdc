import PlanKit

/// What the selected line allows, as PlanKit's `EditRules` answers it, with the reason in the
/// app's words. The key tables use these both to refuse a key and to leave out its hint.
enum Rules {
    /// PlanKit's answer for a change of `ref` of the open plan.
    static func refusal(_ ref: FieldRef, _ state: AppState) -> EditRules.Refusal? {
        guard let plan = state.plan else { return .unknownItem }
        return EditRules.refusal(ref, item: ref.itemID.flatMap { plan.items[$0] }, inPlan: true, periods: plan.periods)
    }

    @Sendable static func rating(_ state: AppState) -> Availability {
        guard let item = state.selectedItem else { return .refused(Strings.App.notAGoal) }
        switch refusal(.rating(item: item.id, period: state.period), state) {
        case nil: return .available
        case .wrongKind?: return .refused(Strings.App.notAGoal)
        case .onlyInFollowUp?: return .refused(Strings.App.noFollowUpInPlan)
        default: return .refused(Strings.App.noRatingHere)
        }
    }

    @Sendable static func status(_ state: AppState) -> Availability {
        guard let item = state.selectedItem else { return .refused(Strings.App.notAnActivity) }
        switch refusal(.status(item: item.id, period: state.period), state) {
        case nil: return .available
        case .onlyInFollowUp?: return .refused(Strings.App.noFollowUpInPlan)
        default: return .refused(Strings.App.notAnActivity)
        }
    }

    @Sendable static func outcome(_ state: AppState) -> Availability {
        guard let item = state.selectedItem else { return .refused(Strings.App.notAnIndicator) }
        switch refusal(.outcome(item: item.id, period: state.period), state) {
        case nil: return .available
        case .onlyInFollowUp?: return .refused(Strings.App.noFollowUpInPlan)
        default: return .refused(Strings.App.notAnIndicator)
        }
    }

    /// The period's analysis of the selected item (or the text of the selected section). KF's
    /// goals are followed up by the board: the unit writes its analysis under its own goals.
    @Sendable static func analysis(_ state: AppState) -> Availability {
        if state.selectedSection != nil {
            return state.period.isFollowUp ? .available : .refused(Strings.App.analysisOnlyInFollowUp)
        }
        guard let item = state.selectedItem else { return .refused(Strings.App.analysisOnlyInFollowUp) }
        if refusal(.analysis(item: item.id, period: state.period), state) != nil {
            return .refused(EditRules.canEditTexts(of: item) ? Strings.App.analysisOnlyInFollowUp : Strings.App.inheritedReadOnly)
        }
        if item.kind == .goal && item.author == .council { return .refused(Strings.App.councilGoalNoAnalysis) }
        return .available
    }

    /// The texts of the selected item the unit writes in the plan, in the order offered.
    static func editableTexts(_ item: PlanItem, _ state: AppState) -> [TextField] {
        ([.title] + TextField.goalBody.filter { $0 != .description } + [.comment])
            .filter { refusal(.itemText(item: item.id, field: $0), state) == nil }
    }

    /// Own goals and activities are named in the plan (VP); the follow-ups report on them.
    @Sendable static func rename(_ state: AppState) -> Availability {
        if let section = state.selectedSection { return ownSection(section, state) }
        guard let item = state.selectedItem,
              refusal(.itemText(item: item.id, field: .title), state) == nil else { return .refused(Strings.App.inheritedReadOnly) }
        return state.period.isFollowUp ? .refused(Strings.App.renameOnlyInPlan) : .available
    }

    /// A new unit goal under a board goal, a new activity under an own goal or beside an own activity.
    @Sendable static func add(_ state: AppState) -> Availability {
        if let section = state.selectedSection { return addSection(section, state) }
        guard !state.period.isFollowUp else { return .refused(Strings.App.onlyInPlan) }
        guard let item = state.selectedItem else { return .refused(Strings.App.addWhere) }
        switch (item.level, item.kind) {
        case (.boardGoal?, _), (.unitGoal?, _): return .available
        case (_, .activity) where EditRules.canEditTexts(of: item) && item.parentID != nil: return .available
        default: return .refused(Strings.App.addWhere)
        }
    }

    @Sendable static func delete(_ state: AppState) -> Availability {
        if let section = state.selectedSection { return ownSection(section, state) }
        guard let item = state.selectedItem else { return .refused(Strings.App.cannotDeleteInherited) }
        guard EditRules.canEditTexts(of: item) else { return .refused(Strings.App.cannotDeleteInherited) }
        return state.period.isFollowUp ? .refused(Strings.App.deleteOnlyInPlan) : .available
    }
}
