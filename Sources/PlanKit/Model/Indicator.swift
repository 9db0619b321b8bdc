/// Whether a higher or a lower outcome is the better one. Stored with each indicator.
public enum Direction: String, Codable, CaseIterable, Sendable {
    case higherIsBetter, lowerIsBetter
}

/// How often an indicator is measured.
public enum Periodicity: String, Codable, CaseIterable, Sendable {
    case tertial, term, halfYear, year

    /// The report periods in which an outcome is due.
    /// Tertial: every tertial report and the VB. Halvår and Termin: mid-year (T2) and the VB.
    /// År: the VB only. Nothing is measured in the plan (VP).
    public var duePeriods: Set<ReportPeriod> {
        switch self {
        case .tertial: return [.t1, .t2, .vb]
        case .term, .halfYear: return [.t2, .vb]
        case .year: return [.vb]
        }
    }
}

/// The indicator-specific part of an item.
public struct IndicatorSpec: Hashable, Codable, Sendable {
    public var measureUnit: String?
    /// Årsmål as written.
    public var target: String?
    /// KF:s årsmål as written.
    public var councilTarget: String?
    public var periodicity: Periodicity
    public var direction: Direction

    public init(measureUnit: String? = nil, target: String? = nil, councilTarget: String? = nil,
                periodicity: Periodicity, direction: Direction) {
        self.measureUnit = measureUnit
        self.target = target
        self.councilTarget = councilTarget
        self.periodicity = periodicity
        self.direction = direction
    }

    public var parsedTarget: Target { Target(written: target) }
    public var parsedCouncilTarget: Target { Target(written: councilTarget) }
}
