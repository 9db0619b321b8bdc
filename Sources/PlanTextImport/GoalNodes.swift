import Foundation
import PlanKit

/// A goal while the text is being read.
final class GoalNode {
    let level: GoalLevel
    let line: Int
    var titleLastLine: Int
    var number: String?
    var title: String
    var fields: [TextField: [TextJoiner.Paragraph]] = [:]
    /// The description so far came without a "Beskrivning" label (text right after the title).
    var implicitDescription = false
    /// The order (see `TextPlanParser.fieldOrder`) of the last field a label opened.
    var lastFieldOrder = -1
    var indicators: [IndicatorNode] = []
    var activities: [ActivityNode] = []
    var children: [GoalNode] = []

    init(level: GoalLevel, line: Int, titleLastLine: Int, number: String?, title: String) {
        self.level = level
        self.line = line
        self.titleLastLine = titleLastLine
        self.number = number
        self.title = title
    }

    /// The last line of the text that went into this goal or anything below it.
    var lastLine: Int {
        let fieldEnd = fields.values.flatMap { $0 }.map(\.lastLine).max() ?? 0
        return max(titleLastLine, fieldEnd, indicators.map(\.lastLine).max() ?? 0, activities.map(\.lastLine).max() ?? 0,
                   children.map(\.lastLine).max() ?? 0)
    }
}

final class IndicatorNode {
    let line: Int
    var lastLine: Int
    var name: String
    var target: String?
    var councilTarget: String?
    var periodicity: Periodicity
    var direction: Direction
    /// Set when the direction is decided, after the goal's texts are read.
    var directionIsStated = false
    var comment: String?

    init(line: Int, lastLine: Int, name: String, target: String?, councilTarget: String?, periodicity: Periodicity,
         direction: Direction) {
        self.line = line
        self.lastLine = lastLine
        self.name = name
        self.target = target
        self.councilTarget = councilTarget
        self.periodicity = periodicity
        self.direction = direction
    }
}

final class ActivityNode {
    let line: Int
    var lastLine: Int
    var title: String
    var start: String?
    var end: String?

    init(line: Int, lastLine: Int, title: String, start: String?, end: String?) {
        self.line = line
        self.lastLine = lastLine
        self.title = title
        self.start = start
        self.end = end
    }
}

extension GoalNode {
    func contains(level: GoalLevel) -> Bool { self.level == level || children.contains { $0.contains(level: level) } }

    var activityEndYears: [Int] {
        activities.compactMap { $0.end.flatMap { Int($0.prefix(4)) } } + children.flatMap(\.activityEndYears)
    }

    var allNodes: [GoalNode] { [self] + children.flatMap(\.allNodes) }
}
