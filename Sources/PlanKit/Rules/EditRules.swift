import Foundation

/// Who may change what. The store applies these before every change; a front end asks them
/// to show what is locked.
public enum EditRules {
    /// Why a change is not allowed: the typed answer a front end uses both to refuse a key and
    /// to leave its hint out.
    public enum Refusal: Equatable, Sendable {
        case periodNotInPlan(ReportPeriod)
        /// What someone else (the board, KF) wrote stays theirs.
        case inherited(Author)
        case unknownItem
        /// The field does not belong to this kind of item (a rating of an activity, ...).
        case wrongKind
        /// Only the unit's own goals (enhetsmål) are rated in the unit's report.
        case notRatedByUnit
        /// Follow-up fields (rating, status, outcome, analysis) exist only in T1, T2 and VB.
        case onlyInFollowUp
        /// The template's sections are not renamed or removed: only the unit's own are.
        case templateSection
    }

    /// Throws the reason a change of `ref` is refused, or returns when it is allowed.
    /// `item` is the item the field belongs to (nil for sections), `inPlan` whether the plan shows it.
    public static func check(_ ref: FieldRef, item: PlanItem?, inPlan: Bool, periods: [ReportPeriod]) throws {
        guard let refusal = refusal(ref, item: item, inPlan: inPlan, periods: periods) else { return }
        let itemID = item?.id ?? ref.itemID ?? ""
        switch refusal {
        case .periodNotInPlan(let period): throw PlanError.periodNotInPlan(period)
        case .inherited(let author): throw PlanError.inherited(itemID: itemID, author: author)
        case .unknownItem: throw PlanError.unknownItem(ref.itemID ?? "")
        case .notRatedByUnit: throw PlanError.notRatedByUnit(itemID: itemID)
        case .templateSection: throw PlanningError.notOwnSection(ref.sectionID ?? "")
        case .wrongKind, .onlyInFollowUp: throw PlanError.fieldNotApplicable(itemID: itemID, field: fieldName(ref))
        }
    }

    /// Why a change of `ref` is refused, or nil when it is allowed.
    public static func refusal(_ ref: FieldRef, item: PlanItem?, inPlan: Bool, periods: [ReportPeriod]) -> Refusal? {
        if let period = ref.period, !periods.contains(period) { return .periodNotInPlan(period) }
        if case .sectionText = ref { return nil }
        if let section = ref.sectionID { return Section.isOwnID(section) ? nil : .templateSection }
        // What someone else wrote stays theirs, whether or not this plan shows it.
        switch ref {
        case .itemText, .itemDate:
            if let item, item.author != .unit { return .inherited(item.author) }
        default:
            break
        }
        guard let item, inPlan, ref.itemID != nil else { return .unknownItem }
        return refusal(ref, of: item)
    }

    private static func refusal(_ ref: FieldRef, of item: PlanItem) -> Refusal? {
        switch ref {
        case .itemText(_, let field):
            guard item.author == .unit else { return .inherited(item.author) }
            let allowed: [TextField] = switch item.kind {
            case .goal: [.title] + TextField.goalBody
            case .activity: [.title]
            case .indicator: [.title, .comment]
            }
            return allowed.contains(field) ? nil : .wrongKind
        case .itemDate:
            guard item.author == .unit else { return .inherited(item.author) }
            return item.kind == .activity ? nil : .wrongKind
        case .rating(_, let period):
            guard item.kind == .goal else { return .wrongKind }
            guard item.level == .unitGoal else { return .notRatedByUnit }
            return period.isFollowUp ? nil : .onlyInFollowUp
        case .status(_, let period):
            guard item.kind == .activity else { return .wrongKind }
            return period.isFollowUp ? nil : .onlyInFollowUp
        case .outcome(_, let period):
            guard item.kind == .indicator else { return .wrongKind }
            return period.isFollowUp ? nil : .onlyInFollowUp
        case .analysis(_, let period):
            return period.isFollowUp ? nil : .onlyInFollowUp
        case .followedUp:
            // The board's items and KF's (taken up by the unit, as most of KF's are other boards' tasks).
            return item.author != .unit && item.kind != .goal ? nil : .wrongKind
        case .sectionText, .itemRecord, .sectionRecord, .sectionTitle:
            return nil
        }
    }

    /// The field's name in a refusal.
    private static func fieldName(_ ref: FieldRef) -> String {
        switch ref {
        case .itemText(_, let field): return Strings.fieldLabel(field)
        case .itemDate(_, let field): return Strings.dateLabel(field)
        case .rating: return Strings.judgementLabel
        case .status: return "status"
        case .outcome: return Strings.outcome
        case .analysis: return Strings.analysis
        case .followedUp: return Strings.followedUpLabel
        case .sectionText, .itemRecord, .sectionRecord, .sectionTitle: return ""
        }
    }

    /// Whether the unit may change an item's own texts (its title, Beskrivning, ...).
    public static func canEditTexts(of item: PlanItem) -> Bool {
        item.author == .unit
    }

    /// Checks that a text value can be kept as it is on both databases: without a NUL
    /// character, at which SQLite would cut it (while its log kept the whole) and which
    /// PostgreSQL refuses.
    public static func validateText(_ value: FieldValue?) throws {
        if case .text(let text)? = value, text.unicodeScalars.contains("\u{0}") { throw PlanError.nulCharacter }
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
