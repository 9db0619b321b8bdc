import PlanKit

/// The columns of the board's status table and their widths for a width of screen. A unit's
/// name is what a person reads the table by, so it gets the room for the longest name first;
/// the columns that matter least give way when the screen is narrow: the department (also
/// redundant when the table is one department's), then the ratings, then the deviations.
struct BoardColumns: Equatable {
    enum Column: Int, CaseIterable {
        case unit, department, state, gaps, ratings, deviations

        /// Counts stand to the right.
        var isCount: Bool { self == .gaps || self == .deviations }
    }

    /// The columns shown, in order, with their widths.
    let shown: [(column: Column, width: Int)]

    static let gap = 2
    private static let fixedWidths: [Column: Int] = [.state: 11, .gaps: 6, .ratings: 11, .deviations: 4]
    private static let departmentMinimum = 14
    private static let unitMinimum = 10
    /// Longer names than this are cut even on a wide screen, so that the department has room.
    private static let unitMaximum = 40

    static func == (lhs: BoardColumns, rhs: BoardColumns) -> Bool {
        lhs.shown.map(\.column) == rhs.shown.map(\.column) && lhs.shown.map(\.width) == rhs.shown.map(\.width)
    }

    /// `longestUnit`: the display width of the longest unit name in the table (filtered or not,
    /// so that the columns stay put while a filter is typed).
    init(width: Int, longestUnit: Int, withDepartment: Bool) {
        let wanted = min(max(longestUnit, DisplayWidth.of(Strings.Board.headers[0]), Self.unitMinimum), Self.unitMaximum)
        let choices: [[Column]] = [
            [.unit, .department, .state, .gaps, .ratings, .deviations],
            [.unit, .state, .gaps, .ratings, .deviations],
            [.unit, .state, .gaps, .deviations],
            [.unit, .state, .gaps],
        ].filter { withDepartment || !$0.contains(.department) }
        for (index, columns) in choices.enumerated() {
            let fixed = columns.compactMap { Self.fixedWidths[$0] }.reduce(0, +) + Self.gap * (columns.count - 1)
            let rest = width - fixed
            let fits = columns.contains(.department) ? rest >= wanted + Self.departmentMinimum : rest >= wanted
            guard fits || index == choices.count - 1 else { continue }
            var unit = max(Self.unitMinimum, rest)
            var department = 0
            if columns.contains(.department) {
                unit = min(max(wanted, rest * 3 / 5), rest - Self.departmentMinimum)
                department = rest - unit
            }
            shown = columns.map { column in
                switch column {
                case .unit: return (column, unit)
                case .department: return (column, department)
                default: return (column, Self.fixedWidths[column] ?? 0)
                }
            }
            return
        }
        shown = []
    }
}
