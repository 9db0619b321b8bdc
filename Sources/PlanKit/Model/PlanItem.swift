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
public struct PlanItem: Hashable, Sendable, Identifiable {
    public var id: String
    public var kind: ItemKind
    /// Set for goals only.
    public var level: GoalLevel?
    public var author: Author
    public var parentID: String?
    /// Order among the siblings of the same kind.
    public var position: Int
    /// "1" or "1.3" for council goals.
    public var number: String?
    public var texts: [TextField: String]
    /// Texts the author changed later in the year, in force from the given period on.
    public var revisions: [ReportPeriod: [TextField: String]]
    /// ISO dates of an activity.
    public var start: String?
    public var end: String?
    public var indicator: IndicatorSpec?
    /// Bumped on every change of the item's own fields.
    public var revision: Int

    public init(id: String, kind: ItemKind, level: GoalLevel? = nil, author: Author, parentID: String? = nil,
                position: Int = 0, number: String? = nil, texts: [TextField: String] = [:],
                revisions: [ReportPeriod: [TextField: String]] = [:], start: String? = nil, end: String? = nil,
                indicator: IndicatorSpec? = nil, revision: Int = 1) {
        self.id = id
        self.kind = kind
        self.level = level
        self.author = author
        self.parentID = parentID
        self.position = position
        self.number = number
        self.texts = texts
        self.revisions = revisions
        self.start = start
        self.end = end
        self.indicator = indicator
        self.revision = revision
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
        guard kind == .activity, period.isFollowUp else { return false }
        guard let start, start.count >= 10 else { return true }
        let (month, day) = period.endsOn
        // Built by hand: String(format:) was a noticeable part of finding a plan's gaps.
        let periodEnd = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        return String(start.prefix(10)) <= periodEnd
    }
}

