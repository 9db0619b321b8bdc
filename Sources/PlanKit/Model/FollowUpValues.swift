import Foundation

/// The unit's assessment of a goal in a period. "Ingen bedömning" is the absence of a rating.
public enum Rating: String, Codable, CaseIterable, Sendable {
    case fully, partly, not
}

/// The state of an activity in a period.
public enum ActivityStatus: String, Codable, CaseIterable, Sendable {
    case notStarted, ongoing, done, deviation
}

/// The unit's follow-up of one item in one period.
public struct FollowUp: Hashable, Codable, Sendable {
    public var rating: Rating?
    public var status: ActivityStatus?
    /// Kept exactly as typed or imported (see `ExactDecimal`).
    public var outcome: Decimal?
    public var analysis: String
    /// Bumped on every change of any field of this follow-up.
    public var revision: Int

    public init(rating: Rating? = nil, status: ActivityStatus? = nil, outcome: Decimal? = nil,
                analysis: String = "", revision: Int = 0) {
        self.rating = rating
        self.status = status
        self.outcome = outcome
        self.analysis = analysis
        self.revision = revision
    }

    public static let empty = FollowUp()
}
