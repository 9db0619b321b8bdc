import PlanKit

/// What the app knows of the plan's year beyond the plan itself: which periods are handed in,
/// and what starting the year carried over from the year before.
public struct YearState: Equatable, Sendable {
    /// The plan these facts are about: facts of another plan are never shown.
    public var ref: PlanRef?
    /// The hand-ins in force (handed in and not reopened), by period.
    public var handIns: [ReportPeriod: HandIn] = [:]
    public var carryOver: [CarryOverEntry] = []
    public var carryOverFromYear: Int?
    /// Plans whose carry-over list this session has opened by itself already.
    public var carryOverShown: Set<PlanRef> = []
    /// The selected line of the carry-over list.
    public var carryOverIndex = 0

    public var undecided: Int { carryOver.filter(\.needsDecision).count }
}

/// A list to walk in a modal: the gaps that stop a hand-in, or the nämndmål to place an item under.
public struct YearList: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// What is missing; each line leads to its place in the outline.
        case gaps([OutlineTarget])
        /// The nämndmål (ids) a held item can be placed under.
        case placement(sourceID: String, goals: [String])
    }

    public var kind: Kind
    public var title: String
    public var lines: [String]
    public var index = 0
}

/// The year's modals: the j/n questions and the lists.
public enum YearModal: Equatable, Sendable {
    case confirmHandIn(ReportPeriod)
    case confirmDrop(sourceID: String, title: String)
    case list(YearList)
}

/// The year's effects, performed by the runner (EffectRunner+Year).
public enum YearEffect: Equatable, Sendable {
    /// Read the hand-ins and the carry-over list of the plan.
    case load(PlanRef)
    case handIn(ReportPeriod)
    /// Copy the previous period's analysis of an item into the (empty) analysis of this period.
    case copyAnalysis(item: String, period: ReportPeriod, from: ReportPeriod)
    /// Place a held item under a nämndmål, or confirm a close match (`under` nil).
    case place(sourceID: String, under: String?)
    case drop(sourceID: String)
}

/// What the runner found out about the year.
public enum YearMessage: Sendable {
    case loaded(PlanRef, handIns: [HandIn], carryOver: [CarryOverEntry], fromYear: Int?)
    case handedIn(HandIn)
    /// The carry-over list and the plan after a placement or a drop.
    case carryOverChanged([CarryOverEntry], PlanDocument, status: String)
}

extension AppState {
    /// The hand-in in force of the period on the screen: the report is then read-only.
    public var handIn: HandIn? {
        guard let ref = plan?.ref, year.ref == ref else { return nil }
        return year.handIns[period]
    }

    /// The carry-over list of the plan on the screen.
    var carryOver: [CarryOverEntry] {
        guard let ref = plan?.ref, year.ref == ref else { return [] }
        return year.carryOver
    }
}
