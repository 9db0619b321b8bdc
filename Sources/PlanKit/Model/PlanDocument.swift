/// Identifies one unit's plan for one year.
public struct PlanRef: Hashable, Codable, Sendable {
    public var unitID: String
    public var year: Int

    public init(unitID: String, year: Int) {
        self.unitID = unitID
        self.year = year
    }
}

/// One unit's plan for a year as a value: the cascade items it shows, its own goals,
/// its follow-ups and its sections. Read from the store; changed only through commands.
public struct PlanDocument: Sendable {
    public var ref: PlanRef
    public var unit: Organisation
    public var board: Organisation
    public var periods: [ReportPeriod]
    /// Every item shown in the plan: the inherited selection with its ancestors, and the unit's own.
    public var items: [String: PlanItem]
    /// The council directions (KF:s inriktningsmål) that head the cascade, in order.
    public var rootIDs: [String]
    public var followUps: [ReportPeriod: [String: FollowUp]]
    public var sections: [ReportPeriod: [Section]]
    /// Inherited items the plan shows but the unit does not follow up in T1, T2 and VB.
    public var notFollowedUp: Set<String>

    /// Children in document order: indicators, then activities, then goals, each by position.
    public private(set) var childIDs: [String: [String]] = [:]

    public init(ref: PlanRef, unit: Organisation, board: Organisation, periods: [ReportPeriod],
                items: [String: PlanItem], followUps: [ReportPeriod: [String: FollowUp]],
                sections: [ReportPeriod: [Section]], notFollowedUp: Set<String> = []) {
        self.ref = ref
        self.unit = unit
        self.board = board
        self.periods = periods.sorted()
        self.items = items
        self.followUps = followUps
        self.sections = sections
        self.notFollowedUp = notFollowedUp
        self.rootIDs = []
        rebuildTree()
    }

    private static func kindOrder(_ kind: ItemKind) -> Int {
        switch kind {
        case .indicator: return 0
        case .activity: return 1
        case .goal: return 2
        }
    }

    mutating func rebuildTree() {
        var children: [String: [PlanItem]] = [:]
        var roots: [PlanItem] = []
        for item in items.values {
            if let parent = item.parentID, items[parent] != nil {
                children[parent, default: []].append(item)
            } else if item.kind == .goal {
                roots.append(item)
            }
        }
        let order: (PlanItem, PlanItem) -> Bool = {
            (Self.kindOrder($0.kind), $0.position, $0.id) < (Self.kindOrder($1.kind), $1.position, $1.id)
        }
        childIDs = children.mapValues { $0.sorted(by: order).map(\.id) }
        rootIDs = roots.sorted(by: order).map(\.id)
    }

    public func children(of id: String) -> [PlanItem] {
        (childIDs[id] ?? []).compactMap { items[$0] }
    }

    public var roots: [PlanItem] { rootIDs.compactMap { items[$0] } }

    /// Whether an item belongs in the document of a period. In T1, T2 and VB the items the unit
    /// does not follow up are left out, and so are KF's own indicators, which the city measures
    /// centrally: the plan (VP) shows them for reference.
    public func isShown(_ id: String, in period: ReportPeriod?) -> Bool {
        guard let period, period.isFollowUp else { return true }
        if let item = items[id], item.kind == .indicator, item.author == .council { return false }
        return !notFollowedUp.contains(id)
    }

    /// The children an item has in the document of a period.
    public func children(of id: String, in period: ReportPeriod?) -> [PlanItem] {
        children(of: id).filter { isShown($0.id, in: period) }
    }

    /// Every item, depth first in document order; with a period, only what its document shows.
    public func walk(in period: ReportPeriod? = nil) -> [PlanItem] {
        var result: [PlanItem] = []
        func visit(_ item: PlanItem) {
            result.append(item)
            children(of: item.id, in: period).forEach(visit)
        }
        roots.filter { isShown($0.id, in: period) }.forEach(visit)
        return result
    }

    /// The items from the top of the cascade down to this one.
    public func ancestry(of id: String) -> [PlanItem] {
        var chain: [PlanItem] = []
        var current = items[id]
        while let item = current {
            chain.insert(item, at: 0)
            current = item.parentID.flatMap { items[$0] }
        }
        return chain
    }

    public func followUp(_ itemID: String, _ period: ReportPeriod) -> FollowUp {
        followUps[period]?[itemID] ?? .empty
    }

    public func sections(in period: ReportPeriod) -> [Section] {
        sections[period] ?? []
    }

    public func section(_ id: String, in period: ReportPeriod) -> Section? {
        sections(in: period).first { $0.id == id }
    }

    /// Whether the unit must report an outcome for this indicator in the period.
    /// KF's own indicators are measured centrally by the city; the unit reports the board's and its own.
    public func isOutcomeDue(_ item: PlanItem, in period: ReportPeriod) -> Bool {
        guard item.kind == .indicator, let spec = item.indicator, item.author != .council else { return false }
        return spec.periodicity.duePeriods.contains(period)
    }

    /// The judgement of an indicator's outcome in a period, against its Årsmål.
    public func judgement(of item: PlanItem, in period: ReportPeriod) -> Judgement {
        guard let spec = item.indicator else { return .cannotJudge }
        let baseline = ReportPeriod.allCases
            .filter { $0.isFollowUp && $0 < period }
            .reversed()
            .lazy
            .compactMap { self.followUp(item.id, $0).outcome }
            .first
        return IndicatorJudge.judge(outcome: followUp(item.id, period).outcome,
                                    target: spec.parsedTarget, direction: spec.direction, baseline: baseline)
    }
}
