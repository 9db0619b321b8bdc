import Foundation
import PlanKit

/// The status table of a board or department on screen: every unit's line for one period,
/// filtered by what the person types and sorted by state, gaps or name.
public struct BoardPage: Equatable, Sendable {
    public enum Sort: CaseIterable, Equatable, Sendable {
        /// Furthest behind first: damaged, not started, ongoing, complete, handed in; then most gaps.
        case state
        /// Most gaps first.
        case gaps
        case name
    }

    public private(set) var status: BoardStatus
    /// The lines have the units' names only: their counts are still being made (see
    /// `PlanStore.boardNames`), and come with `takeCounts`.
    public private(set) var isCounting = false
    public private(set) var sort: Sort = .state
    public private(set) var filter = ""
    /// The lines shown, in order: kept, and made again only when the filter or the sort changes.
    public private(set) var rows: [UnitStatusLine] = []
    public var index = 0
    public var scroll = 0
    /// Each line's unit and department names folded, in the order of `status.lines`: folded
    /// once, not on every key typed into the filter.
    private let searchKeys: [(unit: String, department: String)]
    /// The display width of the longest unit name: what the table's first column makes room for.
    let longestUnitName: Int
    /// The display width of the longest department name: what the second column may need.
    let longestDepartmentName: Int

    public init(status: BoardStatus, counting: Bool = false) {
        self.status = status
        isCounting = counting
        searchKeys = status.lines.map { (Self.folded($0.unit), Self.folded($0.department ?? "")) }
        longestUnitName = status.lines.map { DisplayWidth.of($0.unit) }.max() ?? 0
        longestDepartmentName = status.lines.map { DisplayWidth.of($0.department ?? "–") }.max() ?? 0
        arrange()
    }

    public static func == (lhs: BoardPage, rhs: BoardPage) -> Bool {
        lhs.isCounting == rhs.isCounting
            && (lhs.status, lhs.sort, lhs.filter, lhs.rows, lhs.index, lhs.scroll) == (rhs.status, rhs.sort, rhs.filter, rhs.rows, rhs.index, rhs.scroll)
    }

    /// The counted table in place of the names: the filter, the sort and the selected unit stay.
    /// Its lines are the same units in the same order, so the folded names stay too.
    public mutating func takeCounts(_ counted: BoardStatus) {
        guard counted.lines.map(\.unitID) == status.lines.map(\.unitID) else {
            let (sort, filter, unitID) = (sort, filter, selected?.unitID)
            self = BoardPage(status: counted)
            self.sort = sort
            self.filter = filter
            arrange(keeping: unitID)
            return
        }
        status = counted
        isCounting = false
        arrange(keeping: selected?.unitID)
    }

    public var selected: UnitStatusLine? { rows.indices.contains(index) ? rows[index] : nil }

    public mutating func cycleSort() {
        let all = Sort.allCases
        sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
        arrange(keeping: selected?.unitID)
    }

    public mutating func setFilter(_ text: String) {
        filter = text
        arrange(keeping: selected?.unitID)
    }

    /// Filters (unit or department name, case and accents aside) and sorts; the unit that was
    /// selected stays selected if it is still shown.
    private mutating func arrange(keeping unitID: String? = nil) {
        let needle = Self.folded(filter)
        var lines = needle.isEmpty ? status.lines : status.lines.indices.filter {
            searchKeys[$0].unit.contains(needle) || searchKeys[$0].department.contains(needle)
        }.map { status.lines[$0] }
        func rank(_ line: UnitStatusLine) -> Int {
            guard let state = line.state else { return -1 }
            return PeriodState.allCases.firstIndex(of: state)!
        }
        switch sort {
        case .state: lines.sort { (rank($0), -($0.gaps ?? 0), $0.unit) < (rank($1), -($1.gaps ?? 0), $1.unit) }
        case .gaps: lines.sort { (-($0.gaps ?? Int.max), $0.unit) < (-($1.gaps ?? Int.max), $1.unit) }
        case .name: lines.sort { $0.unit.localizedStandardCompare($1.unit) == .orderedAscending }
        }
        rows = lines
        index = unitID.flatMap { id in rows.firstIndex { $0.unitID == id } } ?? 0
        scroll = min(scroll, max(0, rows.count - 1))
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
