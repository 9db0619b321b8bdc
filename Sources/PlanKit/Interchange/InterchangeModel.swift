/// The interchange file, field for field as docs/FORMAT.md describes it.
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
}

public struct CascadeRecord: Codable, Equatable, Sendable {
    public var board: String
    public var year: Int
    public var goals: [GoalRecord]
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
}

public struct TextRevisionRecord: Codable, Equatable, Sendable {
    public var period: ReportPeriod
    public var title: String?
    public var description: String?
    public var expectedResult: String?
}

public struct IndicatorRecord: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var measureUnit: String?
    public var target: String?
    public var councilTarget: String?
    public var periodicity: Periodicity
    public var direction: Direction
    public var comment: String?
}

public struct ActivityRecord: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var start: String?
    public var end: String?
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
}

/// "none" in the file means no rating, as does a missing field.
public enum RatingRecord: String, Codable, Equatable, Sendable {
    case fully, partly, not, none

    var rating: Rating? { Rating(rawValue: rawValue) }
    init(_ rating: Rating?) { self = rating.flatMap { RatingRecord(rawValue: $0.rawValue) } ?? .none }
}

public struct FollowUpRecord: Codable, Equatable, Sendable {
    public var item: String
    public var period: ReportPeriod
    public var rating: RatingRecord?
    public var status: ActivityStatus?
    public var outcome: Double?
    public var analysis: String?
}

public struct SectionRecord: Codable, Equatable, Sendable {
    public var period: ReportPeriod
    public var id: String
    public var parent: String?
    public var title: String
    public var placement: SectionPlacement?
    public var text: String?
}
