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
    public var target: String? {
        didSet { parsedTarget = Target(written: target) }
    }
    /// KF:s årsmål as written.
    public var councilTarget: String?
    public var periodicity: Periodicity
    public var direction: Direction
    /// The Årsmål read as a rule, kept with the text: every frame judges the outcome of each
    /// indicator on the screen, and reading the text again each time was a tenth of a frame.
    public private(set) var parsedTarget: Target

    public init(measureUnit: String? = nil, target: String? = nil, councilTarget: String? = nil,
                periodicity: Periodicity, direction: Direction) {
        self.measureUnit = measureUnit
        self.target = target
        self.councilTarget = councilTarget
        self.periodicity = periodicity
        self.direction = direction
        parsedTarget = Target(written: target)
    }

    private enum CodingKeys: String, CodingKey {
        case measureUnit, target, councilTarget, periodicity, direction
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(measureUnit: try container.decodeIfPresent(String.self, forKey: .measureUnit),
                  target: try container.decodeIfPresent(String.self, forKey: .target),
                  councilTarget: try container.decodeIfPresent(String.self, forKey: .councilTarget),
                  periodicity: try container.decode(Periodicity.self, forKey: .periodicity),
                  direction: try container.decode(Direction.self, forKey: .direction))
    }
}
