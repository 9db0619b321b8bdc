import Foundation

/// The interchange file, field for field as docs/FORMAT.md describes it. The records have public
/// initialisers (optional fields default to nil) for the modules that build them.
public struct InterchangeFile: Codable, Equatable, Sendable {
    public static let formatName = "vp-tui-plan"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var organisations: [OrganisationRecord]?
    public var cascades: [CascadeRecord]?
    public var plans: [PlanRecord]?

    public init(organisations: [OrganisationRecord]? = nil, cascades: [CascadeRecord]? = nil, plans: [PlanRecord]? = nil) {
        format = Self.formatName
        version = Self.currentVersion
        self.organisations = organisations
        self.cascades = cascades
        self.plans = plans
    }
}

public struct OrganisationRecord: Codable, Hashable, Sendable {
    public var id: String
    public var kind: OrganisationKind
    public var name: String
    public var parent: String?

    public init(id: String, kind: OrganisationKind, name: String, parent: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.parent = parent
    }
}

public struct CascadeRecord: Codable, Equatable, Sendable {
    public var board: String
    public var year: Int
    public var goals: [GoalRecord]

    public init(board: String, year: Int, goals: [GoalRecord]) {
        self.board = board
        self.year = year
        self.goals = goals
    }
}

public struct GoalRecord: Codable, Equatable, Sendable {
    public var id: String
    public var level: GoalLevel
    public var parent: String?
    public var number: String?
    public var title: String
    public var description: String?
    public var expectedResult: String?
    public var method: String?
    public var resources: String?
    public var followUp: String?
    public var development: String?
    /// Kommentar: a note the author added after the goal's texts.
    public var comment: String?
    public var indicators: [IndicatorRecord]?
    public var activities: [ActivityRecord]?
    public var children: [GoalRecord]?
    public var revisions: [TextRevisionRecord]?

    public init(id: String, level: GoalLevel, parent: String? = nil, number: String? = nil, title: String,
                description: String? = nil, expectedResult: String? = nil, method: String? = nil,
                resources: String? = nil, followUp: String? = nil, development: String? = nil,
                comment: String? = nil, indicators: [IndicatorRecord]? = nil, activities: [ActivityRecord]? = nil,
                children: [GoalRecord]? = nil, revisions: [TextRevisionRecord]? = nil) {
        self.id = id
        self.level = level
        self.parent = parent
        self.number = number
        self.title = title
        self.description = description
        self.expectedResult = expectedResult
        self.method = method
        self.resources = resources
        self.followUp = followUp
        self.development = development
        self.comment = comment
        self.indicators = indicators
        self.activities = activities
        self.children = children
        self.revisions = revisions
    }
}

public struct TextRevisionRecord: Codable, Equatable, Sendable {
    public var period: ReportPeriod
    public var title: String?
    public var description: String?
    public var expectedResult: String?

    public init(period: ReportPeriod, title: String? = nil, description: String? = nil,
                expectedResult: String? = nil) {
        self.period = period
        self.title = title
        self.description = description
        self.expectedResult = expectedResult
    }
}

public struct IndicatorRecord: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var measureUnit: String?
    public var target: String?
    public var councilTarget: String?
    public var periodicity: Periodicity
    public var direction: Direction
    /// How the board adds up the units' outcomes; absent means the default for `measureUnit`.
    public var consolidation: Consolidation?
    public var comment: String?

    public init(id: String, name: String, measureUnit: String? = nil, target: String? = nil,
                councilTarget: String? = nil, periodicity: Periodicity, direction: Direction,
                consolidation: Consolidation? = nil, comment: String? = nil) {
        self.id = id
        self.name = name
        self.measureUnit = measureUnit
        self.target = target
        self.councilTarget = councilTarget
        self.periodicity = periodicity
        self.direction = direction
        self.consolidation = consolidation
        self.comment = comment
    }
}

public struct ActivityRecord: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var start: String?
    public var end: String?

    public init(id: String, title: String, start: String? = nil, end: String? = nil) {
        self.id = id
        self.title = title
        self.start = start
        self.end = end
    }
}

public struct PlanRecord: Codable, Equatable, Sendable {
    public var unit: String
    public var year: Int
    public var board: String
    public var periods: [ReportPeriod]
    public var inherits: [String]?
    /// Inherited items the plan shows but the unit does not follow up in T1, T2 and VB.
    public var notFollowedUp: [String]?
    public var goals: [GoalRecord]?
    public var followUps: [FollowUpRecord]?
    public var sections: [SectionRecord]?

    public init(unit: String, year: Int, board: String, periods: [ReportPeriod], inherits: [String]? = nil,
                notFollowedUp: [String]? = nil, goals: [GoalRecord]? = nil, followUps: [FollowUpRecord]? = nil,
                sections: [SectionRecord]? = nil) {
        self.unit = unit
        self.year = year
        self.board = board
        self.periods = periods
        self.inherits = inherits
        self.notFollowedUp = notFollowedUp
        self.goals = goals
        self.followUps = followUps
        self.sections = sections
    }
}

/// "none" in the file means no rating, as does a missing field.
public enum RatingRecord: String, Codable, Equatable, Sendable {
    case fully, partly, not, none

    public var rating: Rating? { Rating(rawValue: rawValue) }
    public init(_ rating: Rating?) { self = rating.flatMap { RatingRecord(rawValue: $0.rawValue) } ?? .none }
}

public struct FollowUpRecord: Codable, Equatable, Sendable {
    public var item: String
    public var period: ReportPeriod
    public var rating: RatingRecord?
    public var status: ActivityStatus?
    public var outcome: Decimal?
    public var analysis: String?

    public init(item: String, period: ReportPeriod, rating: RatingRecord? = nil, status: ActivityStatus? = nil,
                outcome: Decimal? = nil, analysis: String? = nil) {
        self.item = item
        self.period = period
        self.rating = rating
        self.status = status
        self.outcome = outcome
        self.analysis = analysis
    }
}

public struct SectionRecord: Codable, Equatable, Sendable {
    public var period: ReportPeriod
    public var id: String
    public var parent: String?
    public var title: String
    public var placement: SectionPlacement?
    public var text: String?

    public init(period: ReportPeriod, id: String, parent: String? = nil, title: String,
                placement: SectionPlacement? = nil, text: String? = nil) {
        self.period = period
        self.id = id
        self.parent = parent
        self.title = title
        self.placement = placement
        self.text = text
    }
}
