import Foundation

/// What the units of a board or department said in a period, gathered under the board's goals
/// in cascade order: the board's own report is written from this.
public struct Rollup: Codable, Sendable {
    public struct UnitName: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
    }

    public struct UnitGoal: Codable, Equatable, Sendable {
        public var unit: UnitName
        public var goalID: String
        public var title: String
        public var rating: Rating?
        public var analysis: String?
    }

    /// The units under each rating, in the order of the units.
    public struct UnitsByRating: Codable, Equatable, Sendable {
        public var fully: [String] = []
        public var partly: [String] = []
        public var not: [String] = []
        public var unrated: [String] = []
    }

    public struct StatusCounts: Codable, Equatable, Sendable {
        public var notStarted = 0
        public var ongoing = 0
        public var done = 0
        public var deviation = 0
        public var noStatus = 0
    }

    public struct Deviation: Codable, Equatable, Sendable {
        public var unit: UnitName
        public var activityID: String
        public var activity: String
        public var analysis: String?
    }

    public struct Activity: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        /// Units whose report has the activity.
        public var units: Int
        public var statuses: StatusCounts
        public var deviations: [Deviation]
    }

    public struct Outcome: Codable, Equatable, Sendable {
        public var unit: UnitName
        public var outcome: Decimal?
    }

    public struct Summary: Codable, Equatable, Sendable {
        public var value: Decimal?
        public var min: Decimal?
        public var max: Decimal?
        /// Units with an outcome, of those that report the indicator.
        public var units: Int
    }

    public struct Indicator: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var measureUnit: String?
        public var target: String?
        public var consolidation: Consolidation
        public var outcomes: [Outcome]
        public var summary: Summary
    }

    /// One goal of the board's cascade with what the units said under it.
    public struct Goal: Codable, Equatable, Sendable {
        public var id: String
        public var level: GoalLevel
        public var number: String?
        public var title: String
        /// Only for nämndmål: the units' enhetsmål under it.
        public var ratings: RatingCounts?
        public var unitsByRating: UnitsByRating?
        public var unitGoals: [UnitGoal]
        public var activities: [Activity]
        /// Avvikelse in the units' own activities under their enhetsmål here.
        public var ownDeviations: [Deviation]
        public var indicators: [Indicator]
    }

    public struct UnitText: Codable, Equatable, Sendable {
        public var unit: UnitName
        public var title: String
        public var text: String
    }

    public struct Damaged: Codable, Equatable, Sendable {
        public var unit: UnitName
        public var error: String
    }

    public var boardID: String
    public var board: String
    public var departmentID: String?
    public var department: String?
    public var year: Int
    public var period: ReportPeriod
    /// The units whose report of the period is gathered here.
    public var units: [UnitName]
    /// Units of the scope without the period's report (no plan, or the plan lacks the period).
    public var missing: [UnitName]
    public var damaged: [Damaged]
    /// Every goal of the cascade, depth first in document order.
    public var goals: [Goal]
    /// The units' summarising analyses (Sammanfattande analys) of the period.
    public var summaries: [UnitText]
}
