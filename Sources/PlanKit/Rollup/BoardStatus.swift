/// How many enhetsmål are rated each way.
public struct RatingCounts: Codable, Equatable, Sendable {
    public var fully = 0
    public var partly = 0
    public var not = 0
    public var unrated = 0

    public init() {}

    public mutating func add(_ rating: Rating?) {
        switch rating {
        case .fully: fully += 1
        case .partly: partly += 1
        case .not: not += 1
        case nil: unrated += 1
        }
    }

    public static func + (lhs: RatingCounts, rhs: RatingCounts) -> RatingCounts {
        var sum = lhs
        sum.fully += rhs.fully
        sum.partly += rhs.partly
        sum.not += rhs.not
        sum.unrated += rhs.unrated
        return sum
    }
}

/// One unit's line of the board's status table.
public struct UnitStatusLine: Codable, Equatable, Sendable {
    public var unitID: String
    public var unit: String
    public var departmentID: String?
    public var department: String?
    /// nil when the unit's rows could not be read (`error` says why).
    public var state: PeriodState?
    /// What the report still lacks (as `vp-tui check` counts it); nil without a readable plan.
    public var gaps: Int?
    /// The unit's enhetsmål in the period's report, by rating.
    public var ratings: RatingCounts
    /// Activities marked Avvikelse in the period.
    public var deviations: Int
    /// The unit has no plan for the year.
    public var noPlan: Bool
    /// Why the unit's rows could not be read.
    public var error: String?

    public var isDone: Bool { state == .complete || state == .submitted }
}

extension UnitStatusLine {
    /// The unit's line before anything of its plan is known, named as people know it.
    init(_ unit: Organisation, department: Organisation?) {
        self.init(unitID: unit.id, unit: unit.displayName, departmentID: department?.id, department: department?.displayName,
                  state: nil, gaps: nil, ratings: RatingCounts(), deviations: 0, noPlan: false, error: nil)
    }

    /// The unit has no plan for the year: nothing of it is started.
    mutating func markNoPlan() {
        state = .notStarted
        noPlan = true
    }
}

/// The status of every unit of a board or department for one period.
public struct BoardStatus: Codable, Equatable, Sendable {
    public struct Total: Codable, Equatable, Sendable {
        public var units: Int
        /// Units by state (its raw value: notStarted, ongoing, complete, submitted).
        public var byState: [String: Int]
        public var damaged: Int
        public var gaps: Int
        public var ratings: RatingCounts
        public var deviations: Int
    }

    public var scopeID: String
    public var scope: String
    public var scopeKind: OrganisationKind
    public var year: Int
    public var period: ReportPeriod
    public var lines: [UnitStatusLine]
    public var total: Total

    /// Every unit's report is complete or handed in.
    public var allDone: Bool { lines.allSatisfy(\.isDone) }

    /// `plans` read for `period` (see `PlanStore.boardPlans`), so that its hand-ins are the period's.
    /// Each unit's whole plan is walked; `PlanStore.boardStatus` gives the same from fewer rows.
    public init(_ plans: BoardPlans, period: ReportPeriod) {
        let lines = plans.units.map { unit, plan in
            var line = UnitStatusLine(unit, department: plans.scope.departmentOfUnit[unit.id])
            switch plan {
            case .noPlan:
                line.markNoPlan()
            case .damaged(let message):
                line.error = message
            case .plan(let document):
                Self.fill(&line, from: document, period: period, handedIn: plans.handedIn.contains(unit.id))
            }
            return line
        }
        self.init(scope: plans.scope, year: plans.year, period: period, lines: lines)
    }

    /// The table of the lines given, with their total.
    init(scope: BoardScope, year: Int, period: ReportPeriod, lines: [UnitStatusLine]) {
        scopeID = scope.organisation.id
        self.scope = scope.organisation.name
        scopeKind = scope.organisation.kind
        self.year = year
        self.period = period
        self.lines = lines
        var byState: [String: Int] = [:]
        for line in lines { if let state = line.state { byState[state.rawValue, default: 0] += 1 } }
        total = Total(units: lines.count, byState: byState, damaged: lines.filter { $0.error != nil }.count,
                      gaps: lines.compactMap(\.gaps).reduce(0, +),
                      ratings: lines.map(\.ratings).reduce(RatingCounts(), +),
                      deviations: lines.map(\.deviations).reduce(0, +))
    }

    private static func fill(_ line: inout UnitStatusLine, from plan: PlanDocument, period: ReportPeriod, handedIn: Bool) {
        guard plan.periods.contains(period) else {
            line.state = .notStarted
            line.gaps = 0
            return
        }
        let gaps = Completeness.missingLines(in: plan, period: period, withPaths: false).count
        line.gaps = gaps
        line.state = PeriodState.started(gapCount: gaps, handedIn: handedIn)
        // The plan (VP) has no ratings or statuses to count.
        guard period.isFollowUp else { return }
        for item in plan.walk(in: period) {
            if item.kind == .goal && item.level == .unitGoal {
                line.ratings.add(plan.followUp(item.id, period).rating)
            } else if item.kind == .activity && plan.followUp(item.id, period).status == .deviation {
                line.deviations += 1
            }
        }
    }
}
