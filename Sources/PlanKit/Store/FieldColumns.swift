import GRDB

/// Where a field's value lives in the tables and what is written there, and what the rules of a
/// change look at: the pieces a store that saves a field in a few combined statements (the
/// city's PostgreSQL server) shares with the SQLite store's statement-by-statement commands.
public struct ChangeFacts: Sendable {
    /// The plan's report periods.
    public var periods: [ReportPeriod]
    /// Whether the field's period (the plan itself for item fields) is handed in and not reopened.
    public var handedIn: Bool
    /// The field's item, when it has one and it exists.
    public var item: PlanItem?
    /// Whether the plan holds the item; for a follow-up, whether the unit follows it up.
    public var inPlan: Bool
    /// For a section's text: whether the section exists in the plan's period.
    public var sectionExists: Bool

    public init(periods: [ReportPeriod], handedIn: Bool, item: PlanItem?, inPlan: Bool, sectionExists: Bool) {
        self.periods = periods
        self.handedIn = handedIn
        self.item = item
        self.inPlan = inPlan
        self.sectionExists = sectionExists
    }
}

extension PlanStore {
    /// Refuses a change of `ref` that the rules forbid, given what they look at. For the fields
    /// `column(of:)` names; whole items and own sections have rules of their own.
    public static func checkAllowed(_ ref: FieldRef, facts: ChangeFacts) throws {
        try checkAllowed(ref, periods: facts.periods, handedIn: facts.handedIn, item: facts.item, inPlan: facts.inPlan,
                         sectionExists: facts.sectionExists)
    }

    /// `checkAllowed(_:facts:)` with the facts one by one, as the SQLite store reads them: the
    /// item is passed as it is, not copied into a `ChangeFacts` on every saved key.
    static func checkAllowed(_ ref: FieldRef, periods: [ReportPeriod], handedIn: Bool, item: PlanItem?, inPlan: Bool,
                             sectionExists: Bool) throws {
        if handedIn { throw YearError.handedIn(ref.period ?? .vp) }
        if case .sectionText(let section, let period) = ref {
            try EditRules.check(ref, item: nil, inPlan: true, periods: periods)
            if !sectionExists { throw PlanError.unknownSection(section, period) }
            return
        }
        try EditRules.check(ref, item: item, inPlan: inPlan, periods: periods)
    }

    /// The table and column that hold a field, for the fields saved one column at a time; nil
    /// for whole items and own sections.
    public static func column(of ref: FieldRef) -> (table: String, column: String)? {
        switch ref {
        case .itemText(_, let field): ("item", column(for: field))
        case .itemDate(_, let field): ("item", field == .start ? "start_date" : "end_date")
        case .rating: ("follow_up", "rating")
        case .status: ("follow_up", "status")
        case .outcome: ("follow_up", "outcome")
        case .analysis: ("follow_up", "analysis")
        case .followedUp: ("plan_inherits", "followed_up")
        case .sectionText: ("section", "text")
        case .itemRecord, .sectionRecord, .sectionTitle: nil
        }
    }

    /// What is written in `column(of: ref)` for a value.
    public static func stored(_ value: FieldValue?, at ref: FieldRef) -> DatabaseValue {
        let text: String? = if case .text(let text)? = value { text } else { nil }
        return switch (ref, value) {
        // The title column is NOT NULL: an emptied title is stored as "".
        case (.itemText(_, .title), _): (text ?? "").databaseValue
        case (.rating, .rating(let rating)?): rating.rawValue.databaseValue
        case (.status, .status(let status)?): status.rawValue.databaseValue
        case (.outcome, .number(let number)?): OutcomeColumn.stored(number).databaseValue
        case (.rating, _), (.status, _), (.outcome, _): .null
        case (.followedUp, .flag(let flag)?): flag.databaseValue
        case (.followedUp, _): true.databaseValue
        default: text.databaseValue
        }
    }

    /// The field's value as read from `column(of: ref)`.
    public static func value(of ref: FieldRef, stored: DatabaseValue) -> FieldValue? {
        switch ref {
        case .rating: (String.fromDatabaseValue(stored)).flatMap(Rating.init(rawValue:)).map(FieldValue.rating)
        case .status: (String.fromDatabaseValue(stored)).flatMap(ActivityStatus.init(rawValue:)).map(FieldValue.status)
        case .outcome: OutcomeColumn.value(stored).map(FieldValue.number)
        case .followedUp: .flag(Bool.fromDatabaseValue(stored) ?? false)
        default: FieldValue.normalized(String.fromDatabaseValue(stored).map(FieldValue.text))
        }
    }

    /// An item read from its table's row (`SELECT * FROM item`).
    public static func decodedItem(_ row: Row) -> PlanItem {
        item(row)
    }

    /// The edit log's columns, in the order of `logArguments`.
    public static let logColumns = "at, login, unit_id, year, action, field, old_value, new_value, state, refers_to, note"

    /// The values of one edit log row, as both stores write it.
    @inline(__always)
    public static func logArguments(_ action: EditLogEntry.Action, _ ref: FieldRef?, old: FieldValue?, new: FieldValue?, plan: PlanRef?,
                                    login: String, refersTo: Int64? = nil, note: String? = nil) -> StatementArguments {
        [timestamp(), login, plan?.unitID, plan?.year, action.rawValue, encode(ref),
         encode(old), encode(new), action == .edit ? "active" : nil, refersTo, note]
    }
}
