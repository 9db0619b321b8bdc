import Foundation

/// Who may change what. The store applies these before every change; a front end asks them
/// to show what is locked.
public enum EditRules {
    /// Throws the reason a change of `ref` is refused, or returns when it is allowed.
    /// `item` is the item the field belongs to (nil for sections), `inPlan` whether the plan shows it.
    public static func check(_ ref: FieldRef, item: PlanItem?, inPlan: Bool, periods: [ReportPeriod]) throws {
        if let period = ref.period, !periods.contains(period) {
            throw PlanError.periodNotInPlan(period)
        }
        guard case .sectionText = ref else {
            // What someone else wrote stays theirs, whether or not this plan shows it.
            switch ref {
            case .itemText, .itemDate:
                if let item, item.author != .unit { throw PlanError.inherited(itemID: item.id, author: item.author) }
            default:
                break
            }
            guard let item, inPlan, let itemID = ref.itemID else {
                throw PlanError.unknownItem(ref.itemID ?? "")
            }
            try checkItemField(ref, item: item, itemID: itemID)
            return
        }
    }

    private static func checkItemField(_ ref: FieldRef, item: PlanItem, itemID: String) throws {
        switch ref {
        case .itemText(_, let field):
            guard item.author == .unit else { throw PlanError.inherited(itemID: itemID, author: item.author) }
            let allowed: [TextField] = switch item.kind {
            case .goal: [.title] + TextField.goalBody
            case .activity: [.title]
            case .indicator: [.title, .comment]
            }
            guard allowed.contains(field) else {
                throw PlanError.fieldNotApplicable(itemID: itemID, field: Strings.fieldLabel(field))
            }
        case .itemDate(_, let field):
            guard item.author == .unit else { throw PlanError.inherited(itemID: itemID, author: item.author) }
            guard item.kind == .activity else {
                throw PlanError.fieldNotApplicable(itemID: itemID, field: Strings.dateLabel(field))
            }
        case .rating(_, let period):
            guard item.kind == .goal else { throw PlanError.fieldNotApplicable(itemID: itemID, field: Strings.judgementLabel) }
            guard item.level == .unitGoal else { throw PlanError.notRatedByUnit(itemID: itemID) }
            guard period.isFollowUp else { throw PlanError.fieldNotApplicable(itemID: itemID, field: Strings.judgementLabel) }
        case .status(_, let period):
            guard item.kind == .activity, period.isFollowUp else {
                throw PlanError.fieldNotApplicable(itemID: itemID, field: "status")
            }
        case .outcome(_, let period):
            guard item.kind == .indicator, period.isFollowUp else {
                throw PlanError.fieldNotApplicable(itemID: itemID, field: Strings.outcome)
            }
        case .analysis(_, let period):
            guard period.isFollowUp else { throw PlanError.fieldNotApplicable(itemID: itemID, field: Strings.analysis) }
        case .sectionText, .itemRecord:
            break
        }
    }

    /// Whether the unit may change an item's own texts (its title, Beskrivning, ...).
    public static func canEditTexts(of item: PlanItem) -> Bool {
        item.author == .unit
    }

    /// Checks an ISO date (YYYY-MM-DD) that the calendar knows.
    public static func validateDate(_ text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else {
            throw PlanError.invalidDate(text)
        }
        var components = DateComponents()
        components.year = year
        components.month = month
        let calendar = Calendar(identifier: .gregorian)
        guard let date = calendar.date(from: components),
              let days = calendar.range(of: .day, in: .month, for: date), days.contains(day) else {
            throw PlanError.invalidDate(text)
        }
    }
}
