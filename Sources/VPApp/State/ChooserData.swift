import Foundation
import PlanKit

/// A unit in the chooser, with the board and department it sits under and its plans by year.
public struct ChooserUnit: Sendable {
    public var unit: Organisation
    public var board: Organisation?
    /// The nearest department above the unit; nil for a unit straight under its board.
    public var department: Organisation?
    /// The unit's plans, earliest year first.
    public var plans: [PlanSummary]
    /// The unit's, department's and board's names, case and accents folded: what a filter matches.
    let searchText: String
}

/// What the chooser lists: every unit that has a plan, grouped by board and then department,
/// and the years each board has a cascade for (next year's plan can start only under one). Read
/// once per change to the database; filtering and drawing work on it without the store.
public struct ChooserData: Sendable {
    /// Board by board, in the organisation's order; within a board the units straight under it
    /// first, then department by department; within a group the units by name.
    public private(set) var units: [ChooserUnit] = []
    public private(set) var cascades: Set<BoardYear> = []
    /// Every plan and period that can be opened, in the chooser's order.
    public private(set) var choices: [PlanChoice] = []

    public static let empty = ChooserData()

    private init() {}

    public init(plans: [PlanSummary], organisations: [Organisation], cascades: Set<BoardYear>) {
        self.cascades = cascades
        let byID = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let order = Dictionary(organisations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var plansOfUnit: [String: [PlanSummary]] = [:]
        var unitsInOrder: [Organisation] = []
        for plan in plans {
            if plansOfUnit[plan.unit.id] == nil { unitsInOrder.append(plan.unit) }
            plansOfUnit[plan.unit.id, default: []].append(plan)
        }
        var grouped: [(key: (Int, Int, String), unit: ChooserUnit)] = []
        for unit in unitsInOrder {
            let unitPlans = plansOfUnit[unit.id, default: []].sorted { $0.year < $1.year }
            var department: Organisation?
            var board: Organisation?
            var current = unit.parentID.flatMap { byID[$0] }
            var seen: Set<String> = []
            while let organisation = current, seen.insert(organisation.id).inserted, board == nil {
                if organisation.kind == .department && department == nil { department = organisation }
                if organisation.kind == .board { board = organisation }
                current = organisation.parentID.flatMap { byID[$0] }
            }
            // A unit the organisation tree does not place goes under the board its plans are written for.
            if board == nil, let boardID = unitPlans.last?.boardID { board = byID[boardID] }
            let search = [unit.displayName, department?.name ?? "", board?.name ?? ""].map(Self.folded).joined(separator: "\u{1F}")
            let key = (board.flatMap { order[$0.id] } ?? Int.max, department.flatMap { order[$0.id] } ?? -1, Self.sortKey(unit.displayName))
            grouped.append((key, ChooserUnit(unit: unit, board: board, department: department, plans: unitPlans, searchText: search)))
        }
        grouped.sort { $0.key < $1.key }
        units = grouped.map(\.unit)
        choices = units.flatMap { unit in
            unit.plans.flatMap { plan in
                plan.periods.sorted().map { PlanChoice(unitID: unit.unit.id, unitName: unit.unit.displayName, year: plan.year, period: $0) }
            }
        }
    }

    /// The period a plan would start next: the first of the year's order it lacks. A plan with a
    /// VB but no T1 (the city allows a VB first) can still start its T1.
    static func nextPeriod(after periods: [ReportPeriod]) -> ReportPeriod? {
        ReportPeriod.allCases.first { !periods.contains($0) }
    }

    /// Case and accents do not matter in a filter: "hag" finds Hägersten.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Names in Swedish order, where å, ä and ö come after z.
    static func sortKey(_ name: String) -> String {
        String(name.lowercased().map { character -> Character in
            switch character {
            case "å": return "\u{7B}"
            case "ä": return "\u{7C}"
            case "ö": return "\u{7D}"
            default: return character
            }
        })
    }
}
