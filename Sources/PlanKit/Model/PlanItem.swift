import Foundation

/// What kind of element of the cascade an item is.
public enum ItemKind: String, Codable, Sendable {
    case goal, activity, indicator
}

/// The text fields of an item. Goals use the first seven, activities only `title`,
/// indicators `title` (the indicator's name) and `comment`.
public enum TextField: String, Codable, CaseIterable, Sendable {
    case title, description, expectedResult, method, resources, followUp, development, comment

    /// The fields a goal shows, in the order of the documents.
    public static let goalBody: [TextField] = [.description, .expectedResult, .method, .resources, .followUp, .development]
}

/// An activity's dates.
public enum DateField: String, Codable, Sendable {
    case start, end
}

/// A goal, activity or indicator with a stable id.
///
/// A value like any other, but its fields live in one shared, copy-on-write box: the app copies
/// items all the time (walking the outline, finding what is missing, drawing a frame), and a
/// copy of a dozen strings and dictionaries was most of that work; a copy of the box is one
/// reference count. Changing a field of a shared item copies the box first.
public struct PlanItem: Hashable, Sendable, Identifiable {
    struct Fields: Hashable, Sendable {
        var id: String
        var kind: ItemKind
        var level: GoalLevel?
        var author: Author
        var parentID: String?
        var position: Int
        var number: String?
        var texts: [TextField: String]
        var revisions: [ReportPeriod: [TextField: String]]
        var start: String?
        var end: String?
        var indicator: IndicatorSpec?
        var revision: Int
    }

    /// Mutated only while uniquely referenced (see `fields`), which is what makes sharing it safe.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    public var id: String {
        get { storage.fields.id }
        _modify { yield &fields.id }
    }
    public var kind: ItemKind {
        get { storage.fields.kind }
        _modify { yield &fields.kind }
    }
    /// Set for goals only.
    public var level: GoalLevel? {
        get { storage.fields.level }
        _modify { yield &fields.level }
    }
    public var author: Author {
        get { storage.fields.author }
        _modify { yield &fields.author }
    }
    public var parentID: String? {
        get { storage.fields.parentID }
        _modify { yield &fields.parentID }
    }
    /// Order among the siblings of the same kind.
    public var position: Int {
        get { storage.fields.position }
        _modify { yield &fields.position }
    }
    /// "1" or "1.3" for council goals.
    public var number: String? {
        get { storage.fields.number }
        _modify { yield &fields.number }
    }
    public var texts: [TextField: String] {
        get { storage.fields.texts }
        _modify { yield &fields.texts }
    }
    /// Texts the author changed later in the year, in force from the given period on.
    public var revisions: [ReportPeriod: [TextField: String]] {
        get { storage.fields.revisions }
        _modify { yield &fields.revisions }
    }
    /// ISO dates of an activity.
    public var start: String? {
        get { storage.fields.start }
        _modify { yield &fields.start }
    }
    public var end: String? {
        get { storage.fields.end }
        _modify { yield &fields.end }
    }
    public var indicator: IndicatorSpec? {
        get { storage.fields.indicator }
        _modify { yield &fields.indicator }
    }
    /// Bumped on every change of the item's own fields.
    public var revision: Int {
        get { storage.fields.revision }
        _modify { yield &fields.revision }
    }

    public init(id: String, kind: ItemKind, level: GoalLevel? = nil, author: Author, parentID: String? = nil,
                position: Int = 0, number: String? = nil, texts: [TextField: String] = [:],
                revisions: [ReportPeriod: [TextField: String]] = [:], start: String? = nil, end: String? = nil,
                indicator: IndicatorSpec? = nil, revision: Int = 1) {
        storage = Storage(Fields(id: id, kind: kind, level: level, author: author, parentID: parentID, position: position,
                                 number: number, texts: texts, revisions: revisions, start: start, end: end,
                                 indicator: indicator, revision: revision))
    }

    public static func == (lhs: PlanItem, rhs: PlanItem) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    public var title: String { texts[.title] ?? "" }

    /// The text of a field as it stands in a period: the latest revision at or before it.
    public func text(_ field: TextField, in period: ReportPeriod? = nil) -> String {
        if let period {
            for candidate in ReportPeriod.allCases.reversed() where candidate <= period {
                if let revised = revisions[candidate]?[field] { return revised }
            }
        }
        return texts[field] ?? ""
    }

    public func title(in period: ReportPeriod) -> String { text(.title, in: period) }

    /// Whether an activity should be followed up in a period: it has started by the period's end.
    public func isDue(in period: ReportPeriod, year: Int) -> Bool {
        guard kind == .activity else { return false }
        return Self.activityIsDue(start: start, in: period, year: year)
    }

    /// Whether an activity starting on `start` (YYYY-MM-DD, or nil) is due in a period.
    static func activityIsDue(start: String?, in period: ReportPeriod, year: Int) -> Bool {
        guard period.isFollowUp else { return false }
        return activityIsDue(start: start, periodEnd: periodEnd(period, year: year))
    }

    /// `periodEnd` as `periodEnd(_:year:)` gives it, found once for many activities.
    static func activityIsDue(start: String?, periodEnd: String) -> Bool {
        guard let start, start.count >= 10 else { return true }
        return String(start.prefix(10)) <= periodEnd
    }

    /// The last day of a period as YYYY-MM-DD.
    static func periodEnd(_ period: ReportPeriod, year: Int) -> String {
        let (month, day) = period.endsOn
        // Built by hand: String(format:) was a noticeable part of finding a plan's gaps.
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

