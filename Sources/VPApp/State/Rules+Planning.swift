import PlanKit

/// What the selected line allows for planning, with the reason in the app's words.
extension Rules {
    /// A new indicator under an own enhetsmål, or a changed target of an own indicator, in the VP.
    @Sendable static func indicator(_ state: AppState) -> Availability {
        guard !state.period.isFollowUp else { return .refused(Strings.App.indicatorsInPlan) }
        guard let item = state.selectedItem, item.author == .unit else { return .refused(Strings.App.indicatorWhere) }
        switch item.kind {
        case .goal where item.level == .unitGoal: return .available
        case .indicator: return .available
        default: return .refused(Strings.App.indicatorWhere)
        }
    }

    /// The dates of an own activity, set in the VP.
    @Sendable static func dates(_ state: AppState) -> Availability {
        guard let item = state.selectedItem, item.kind == .activity else { return .refused(Strings.App.datesWhere) }
        guard refusal(.itemDate(item: item.id, field: .start), state) == nil else { return .refused(Strings.App.datesWhere) }
        return state.period.isFollowUp ? .refused(Strings.App.datesInPlan) : .available
    }

    /// Taking up or declining one of the board's activities or indicators, in the VP.
    @Sendable static func followedUp(_ state: AppState) -> Availability {
        guard let item = state.selectedItem, refusal(.followedUp(item: item.id), state) == nil else {
            return .refused(Strings.App.followedUpWhere)
        }
        return state.period.isFollowUp ? .refused(Strings.App.followedUpInPlan) : .available
    }

    /// An own section is added on any section line, in any period of the plan.
    static func addSection(_ section: Section, _ state: AppState) -> Availability {
        refusal(.sectionRecord(section: Section.ownIDPrefix, period: state.period), state) == nil
            ? .available : .refused(Strings.App.noSuchPeriod)
    }

    /// Only the unit's own sections are renamed and removed.
    static func ownSection(_ section: Section, _ state: AppState) -> Availability {
        section.isOwn ? .available : .refused(Strings.App.templateSection)
    }
}
