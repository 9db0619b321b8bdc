import PlanKit

/// One line of the chooser. Headings name the board, the department and the unit; the lines
/// under a unit are its periods (which open) and the period that can be started next.
public enum ChooserRow: Hashable, Sendable {
    /// The board of `units[unit]`, above the first unit of the board shown.
    case board(unit: Int)
    case department(unit: Int)
    case unit(Int)
    /// A period the plan of `units[unit].plans[plan]` has.
    case period(unit: Int, plan: Int, ReportPeriod)
    /// The period that can be started next in the year (next year's plan, for `.vp`).
    case start(unit: Int, year: Int, ReportPeriod)

    public var isSelectable: Bool {
        switch self {
        case .period, .start: return true
        case .board, .department, .unit: return false
        }
    }
}

/// Which periods of one plan stand where; nil: the plan's rows could not be read.
public typealias ChooserPlanStates = PlanPeriodStates?

/// The chooser on screen: what it lists, the filter typed, the lines shown and the selected one,
/// and the state of each period as far as it has been read.
public struct ChooserState: Sendable {
    public private(set) var data = ChooserData.empty {
        didSet { lines = ChooserLines() }
    }
    public private(set) var filter = ""
    public private(set) var rows: [ChooserRow] = [] {
        didSet { lines = ChooserLines() }
    }
    /// How many units the filter lets through.
    public private(set) var shownUnits = 0
    /// The selected line (always a selectable one when there is any).
    public var index = 0
    /// The first line drawn.
    public var scroll = 0
    /// The period states read so far, by plan.
    public var states: [PlanRef: ChooserPlanStates] = [:] {
        didSet { lines = ChooserLines() }
    }
    /// The lines as drawn for this data, list and states (see ChooserLines).
    var lines = ChooserLines()
    /// The line selected before a filter left no line to select.
    private var keptSelection: ChooserRow?
    /// A message too long for the status line, shown in a box over the list until the next key.
    public var notice: String?

    public init() {}

    public var selectedRow: ChooserRow? { rows.indices.contains(index) ? rows[index] : nil }

    /// The plan and period of the selected line, when it is a period line.
    public var selectedChoice: PlanChoice? { selectedRow.flatMap(choice) }

    /// Lists new data; the filter and, where it is still there, the selected line stay.
    public mutating func load(_ data: ChooserData) {
        let selected = selectedRow.flatMap(identity)
        self.data = data
        arrange(keeping: selected)
    }

    public mutating func setFilter(_ text: String) {
        // A filter that shows nothing keeps what was selected, for when a Backspace shows it again.
        let selected = selectedRow.flatMap(identity) ?? keptSelection
        filter = text
        arrange(keeping: selected)
    }

    /// Selects the period of the plan if it is listed (clearing a filter that hides it).
    public mutating func select(_ choice: PlanChoice) {
        if let found = firstRow(of: choice) {
            index = found
        } else if !filter.isEmpty {
            filter = ""
            arrange(keeping: nil)
            if let found = firstRow(of: choice) { index = found }
        }
    }

    /// The plan and period of a period line.
    public func choice(_ row: ChooserRow) -> PlanChoice? {
        guard case .period(let unit, let plan, let period) = row else { return nil }
        let entry = data.units[unit]
        return PlanChoice(unitID: entry.unit.id, unitName: entry.unit.displayName, year: entry.plans[plan].year, period: period)
    }

    /// The plan a line is about (a start line: the plan it starts from or in).
    public func planRef(_ row: ChooserRow) -> PlanRef? {
        switch row {
        case .period(let unit, let plan, _):
            return PlanRef(unitID: data.units[unit].unit.id, year: data.units[unit].plans[plan].year)
        case .start(let unit, let year, let period):
            return PlanRef(unitID: data.units[unit].unit.id, year: period == .vp ? year - 1 : year)
        default:
            return nil
        }
    }

    /// Moves the selection by `offset` selectable lines, stopping at the first and last.
    public mutating func move(by offset: Int) {
        guard let current = selectableIndex(from: index, step: offset < 0 ? -1 : 1, count: abs(offset)) else { return }
        index = current
    }

    public mutating func moveToEnd(last: Bool) {
        let candidates = last ? Array(rows.indices.reversed()) : Array(rows.indices)
        if let first = candidates.first(where: { rows[$0].isSelectable }) { index = first }
    }

    /// Keeps the selected line within the `visible` lines drawn, with its headings above it
    /// when the list has just been arranged.
    public mutating func scrollToSelection(visible: Int, centre: Bool = false) {
        let visible = max(1, visible)
        if centre {
            scroll = max(0, min(index - visible / 3, rows.count - visible))
        } else if index < scroll {
            // Moving up shows the headings just above the line too.
            var top = index
            while top > 0, !rows[top - 1].isSelectable, index - top + 1 < visible { top -= 1 }
            scroll = top
        } else if index >= scroll + visible {
            scroll = index - visible + 1
        }
        scroll = max(0, min(scroll, max(0, rows.count - visible)))
    }

    // MARK: Arranging

    /// Where a line stands, independent of the filter: kept selected across a change of filter.
    private func identity(_ row: ChooserRow) -> ChooserRow? { row.isSelectable ? row : nil }

    private func matches(_ row: ChooserRow, _ choice: PlanChoice) -> Bool {
        guard case .period(let unit, let plan, let period) = row else { return false }
        return period == choice.period && data.units[unit].unit.id == choice.unitID && data.units[unit].plans[plan].year == choice.year
    }

    private func firstRow(of choice: PlanChoice) -> Int? {
        rows.firstIndex { matches($0, choice) }
    }

    /// Builds the lines of the units the filter lets through. Every word of the filter must be
    /// in the unit's, its department's or its board's name.
    private mutating func arrange(keeping selected: ChooserRow?) {
        let words = ChooserData.folded(filter).split(separator: " ").map(String.init)
        var rows: [ChooserRow] = []
        rows.reserveCapacity(words.isEmpty ? data.units.count * 8 : 64)
        var lastBoard: String?? = .none
        var lastDepartment: String?? = .none
        var shown = 0
        for (unitIndex, unit) in data.units.enumerated() {
            if !words.isEmpty, !words.allSatisfy({ unit.searchText.contains($0) }) { continue }
            shown += 1
            if lastBoard != .some(unit.board?.id) {
                rows.append(.board(unit: unitIndex))
                lastBoard = .some(unit.board?.id)
                lastDepartment = .none
            }
            if let department = unit.department, lastDepartment != .some(department.id) {
                rows.append(.department(unit: unitIndex))
                lastDepartment = .some(department.id)
            } else if unit.department == nil {
                lastDepartment = .some(nil)
            }
            rows.append(.unit(unitIndex))
            for (planIndex, plan) in unit.plans.enumerated() {
                let periods = plan.periods.sorted()
                for period in periods { rows.append(.period(unit: unitIndex, plan: planIndex, period)) }
                if let next = ChooserData.nextPeriod(after: periods), next != .vp {
                    rows.append(.start(unit: unitIndex, year: plan.year, next))
                }
            }
            if let last = unit.plans.last {
                rows.append(.start(unit: unitIndex, year: last.year + 1, .vp))
            }
        }
        self.rows = rows
        shownUnits = shown
        keptSelection = rows.isEmpty ? selected : nil
        if let selected, let found = rows.firstIndex(of: selected) {
            index = found
        } else {
            index = rows.firstIndex(where: \.isSelectable) ?? 0
            scroll = 0
        }
    }

    private func selectableIndex(from start: Int, step: Int, count: Int) -> Int? {
        var position = start
        var found: Int?
        var remaining = count
        while remaining > 0 {
            var next = position + step
            while rows.indices.contains(next), !rows[next].isSelectable { next += step }
            guard rows.indices.contains(next) else { break }
            position = next
            found = next
            remaining -= 1
        }
        return found
    }
}

/// A period to start, as the person confirms it: in the plan of `year` (T1, T2, VB), or the
/// plan of `year` itself (VP) from the plan of `fromYear`.
public struct StartRequest: Equatable, Sendable {
    public var unitID: String
    public var unitName: String
    public var year: Int
    public var period: ReportPeriod
    /// The period the new one follows on from (what is shown beside it).
    public var startsFrom: ReportPeriod
    /// Follow-up periods between the two that were never started.
    public var skipped: [ReportPeriod]
    /// For a new year's plan: the year it starts from.
    public var fromYear: Int

    public var choice: PlanChoice { PlanChoice(unitID: unitID, unitName: unitName, year: year, period: period) }
}

extension ChooserState {
    /// What a start line would start, if it can be started here; else why not.
    public func startRequest(_ row: ChooserRow) -> Result<StartRequest, StartRefusal>? {
        guard case .start(let unitIndex, let year, let period) = row else { return nil }
        let unit = data.units[unitIndex]
        if period == .vp {
            guard let last = unit.plans.last else { return nil }
            guard data.cascades.contains(BoardYear(boardID: last.boardID, year: year)) else {
                return .failure(StartRefusal(board: unit.board?.name ?? last.boardID, year: year))
            }
            return .success(StartRequest(unitID: unit.unit.id, unitName: unit.unit.displayName, year: year, period: .vp,
                                         startsFrom: .vp, skipped: [], fromYear: last.year))
        }
        let periods = unit.plans.first { $0.year == year }?.periods ?? []
        let from = periods.filter { $0.isFollowUp && $0 < period }.max() ?? .vp
        let skipped = ReportPeriod.allCases.filter { $0.isFollowUp && $0 > from && $0 < period }
        return .success(StartRequest(unitID: unit.unit.id, unitName: unit.unit.displayName, year: year, period: period,
                                     startsFrom: from, skipped: skipped, fromYear: year))
    }
}

/// Why next year's plan cannot be started from the chooser: the board's goals for it are not in
/// the database.
public struct StartRefusal: Error, Equatable, Sendable {
    public var board: String
    public var year: Int
}
