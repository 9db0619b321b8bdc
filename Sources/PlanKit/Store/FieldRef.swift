import Foundation

/// One changeable field of a plan. Every command sets one field; the edit log records which.
public enum FieldRef: Codable, Hashable, Sendable {
    /// A text of the unit's own goal, activity or indicator.
    case itemText(item: String, field: TextField)
    /// A date of the unit's own activity.
    case itemDate(item: String, field: DateField)
    case rating(item: String, period: ReportPeriod)
    case status(item: String, period: ReportPeriod)
    case outcome(item: String, period: ReportPeriod)
    case analysis(item: String, period: ReportPeriod)
    case sectionText(section: String, period: ReportPeriod)
    /// The existence of the unit's own goal or activity, with everything under it: setting it
    /// creates or deletes the item, so that adding and deleting are undone like any change.
    case itemRecord(item: String)
    /// Whether the unit follows up an activity or indicator of the board's (false: "följs inte
    /// upp av enheten"). Its value is `.flag`.
    case followedUp(item: String)
    /// The existence of a section the unit added to a period (heading, text, place): setting it
    /// adds or removes the section, so that both are undone like any change. Its value is `.section`.
    case sectionRecord(section: String, period: ReportPeriod)
    /// The heading of a section the unit added.
    case sectionTitle(section: String, period: ReportPeriod)

    public var itemID: String? {
        switch self {
        case .itemRecord(let item), .followedUp(let item):
            return item
        case .itemText(let item, _), .itemDate(let item, _), .rating(let item, _), .status(let item, _),
             .outcome(let item, _), .analysis(let item, _):
            return item
        case .sectionText, .sectionRecord, .sectionTitle:
            return nil
        }
    }

    public var period: ReportPeriod? {
        switch self {
        case .rating(_, let period), .status(_, let period), .outcome(_, let period), .analysis(_, let period),
             .sectionText(_, let period), .sectionRecord(_, let period), .sectionTitle(_, let period):
            return period
        case .itemText, .itemDate, .itemRecord, .followedUp:
            return nil
        }
    }
}

extension FieldRef {
    /// Whether setting the field adds or removes a line of the outline (an item, a section).
    public var addsOrRemoves: Bool {
        switch self {
        case .itemRecord, .sectionRecord: return true
        default: return false
        }
    }
}

/// A field's value. A missing value (nil) is an empty text, no rating, no status, no outcome.
public enum FieldValue: Codable, Hashable, Sendable {
    case text(String)
    case rating(Rating)
    case status(ActivityStatus)
    case number(Decimal)
    case record(ItemSnapshot)
    case flag(Bool)
    case section(SectionSnapshot)

    /// Empty texts are stored as no value, so "" and nil never differ.
    public static func normalized(_ value: FieldValue?) -> FieldValue? {
        if case .text(let text)? = value, text.isEmpty { return nil }
        return value
    }
}

/// An entry of the edit log: who changed what, when, from what to what.
public struct EditLogEntry: Hashable, Sendable {
    public enum Action: String, Sendable {
        case edit, undo, redo, `import`, submit, reopen, start
    }

    public var id: Int64
    public var at: String
    public var login: String
    public var action: Action
    public var field: FieldRef?
    public var oldValue: FieldValue?
    public var newValue: FieldValue?
    public var note: String?
}

/// A unit's own item with everything under it, as stored: what deleting removes and undoing
/// the deletion puts back. Revisions are left out, so that a snapshot compares equal to the
/// same content whatever edits came and were undone in between.
public struct ItemSnapshot: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        public var id: String
        public var kind: ItemKind
        public var level: GoalLevel?
        public var author: Author
        public var board: String
        public var year: Int
        public var unit: String?
        public var parent: String?
        public var position: Int
        public var number: String?
        public var texts: [String: String]
        public var start: String?
        public var end: String?
        public var indicator: IndicatorSpec?
    }

    public struct FollowUpRow: Codable, Hashable, Sendable {
        public var item: String
        public var period: ReportPeriod
        public var rating: Rating?
        public var status: ActivityStatus?
        public var outcome: Decimal?
        public var analysis: String?
    }

    /// The item first, then its descendants, parents before children.
    public var rows: [Row]
    public var followUps: [FollowUpRow]
}
