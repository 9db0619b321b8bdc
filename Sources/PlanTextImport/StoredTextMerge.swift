import Foundation
import PlanKit

/// A text already stored that an import would replace with a different one.
public struct StoredTextChange: Equatable, Sendable, CustomStringConvertible {
    public var id: String
    public var field: String
    public var old: String
    public var new: String

    public var description: String { Strings.TextImport.storedChange(id: id, field: field, old: old, new: new) }
}

/// A stored item of the board's cascade that a new version of the board's text no longer has.
public struct VanishedItem: Equatable, Sendable, CustomStringConvertible {
    public var id: String
    public var kind: ItemKind
    public var title: String
    /// The units whose plans depend on it: follow-ups on it or under it, own items under it.
    public var units: [String]

    public var description: String { Strings.TextImport.vanishedItem(id: id, kind: kind, title: title, units: units) }
}

/// Merges goals read from a text with the same goals as stored, so that an import into a year
/// that exists loses nothing:
///
/// - an empty or missing text never replaces a stored one (a file of bare headings blanks nothing);
/// - a text equal to the stored one but for whitespace keeps the stored form;
/// - a different text is a change: listed, and applied only when the caller allows it;
/// - an indicator whose direction the text does not state keeps the stored direction;
/// - revisions that later documents added to a goal are kept.
struct StoredTextMerge {
    private(set) var changes: [StoredTextChange] = []
    private let stored: [String: GoalRecord]
    private let storedIndicators: [String: IndicatorRecord]
    private let storedActivities: [String: ActivityRecord]
    private let unsureDirections: Set<String>

    init(stored: [GoalRecord], unsureDirections: Set<String>) {
        func flatten(_ goal: GoalRecord) -> [GoalRecord] { [goal] + (goal.children ?? []).flatMap(flatten) }
        let all = stored.flatMap(flatten)
        self.stored = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        storedIndicators = Dictionary(all.flatMap { $0.indicators ?? [] }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        storedActivities = Dictionary(all.flatMap { $0.activities ?? [] }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.unsureDirections = unsureDirections
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.split(whereSeparator: \.isWhitespace) == rhs.split(whereSeparator: \.isWhitespace)
    }

    /// The text to store for one field, recording a change.
    private mutating func merged(_ new: String?, _ old: String?, id: String, field: String) -> String? {
        guard let old, !old.isEmpty else { return new }
        guard let new, !new.isEmpty else { return old }
        if Self.same(new, old) { return old }
        changes.append(StoredTextChange(id: id, field: field, old: old, new: new))
        return new
    }

    mutating func merge(_ goals: [GoalRecord]) -> [GoalRecord] { goals.map { merge($0) } }

    private mutating func merge(_ goal: GoalRecord) -> GoalRecord {
        var goal = goal
        if let old = stored[goal.id] {
            goal.title = merged(goal.title, old.title, id: goal.id, field: "title") ?? goal.title
            goal.description = merged(goal.description, old.description, id: goal.id, field: "description")
            goal.expectedResult = merged(goal.expectedResult, old.expectedResult, id: goal.id, field: "expectedResult")
            goal.method = merged(goal.method, old.method, id: goal.id, field: "method")
            goal.resources = merged(goal.resources, old.resources, id: goal.id, field: "resources")
            goal.followUp = merged(goal.followUp, old.followUp, id: goal.id, field: "followUp")
            goal.development = merged(goal.development, old.development, id: goal.id, field: "development")
            goal.comment = merged(goal.comment, old.comment, id: goal.id, field: "comment")
            if goal.revisions == nil { goal.revisions = old.revisions }
        }
        goal.indicators = goal.indicators?.map { indicator in
            var indicator = indicator
            guard let old = storedIndicators[indicator.id] else { return indicator }
            indicator.name = merged(indicator.name, old.name, id: indicator.id, field: "name") ?? indicator.name
            indicator.target = merged(indicator.target, old.target, id: indicator.id, field: "target")
            indicator.councilTarget = merged(indicator.councilTarget, old.councilTarget, id: indicator.id, field: "councilTarget")
            indicator.comment = merged(indicator.comment, old.comment, id: indicator.id, field: "comment")
            indicator.measureUnit = indicator.measureUnit ?? old.measureUnit
            if unsureDirections.contains(indicator.id) { indicator.direction = old.direction }
            return indicator
        }
        goal.activities = goal.activities?.map { activity in
            var activity = activity
            guard let old = storedActivities[activity.id] else { return activity }
            activity.title = merged(activity.title, old.title, id: activity.id, field: "title") ?? activity.title
            activity.start = merged(activity.start, old.start, id: activity.id, field: "start")
            activity.end = merged(activity.end, old.end, id: activity.id, field: "end")
            return activity
        }
        goal.children = goal.children.map { merge($0) }
        return goal
    }
}
