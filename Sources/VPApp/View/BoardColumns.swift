import PlanKit

/// The columns of the board's status table and their widths for a width of screen. A unit's
/// name is what a person reads the table by, so it gets the room for the longest name first and
/// the department the rest; the columns that matter least give way when the screen is narrow:
/// the department (also redundant when the table is one department's), then the ratings, then
/// the deviations.
struct BoardColumns: Equatable {
    enum Column: Int, CaseIterable {
        case unit, department, state, gaps, ratings, deviations

        /// Counts stand to the right.
        var isCount: Bool { self == .gaps || self == .deviations }
    }

    let table: TableColumns<Column>
    /// The columns shown, in order, with their widths.
    var shown: [(column: Column, width: Int)] { table.shown }

    static let gap = TableColumns<Column>.gap
    private static let fixedWidths: [Column: Int] = [.state: 11, .gaps: 6, .ratings: 11, .deviations: 4]

    /// `longestUnit`, `longestDepartment`: the display widths of the longest unit and department
    /// names in the table (filtered or not, so that the columns stay put while a filter is typed).
    init(width: Int, longestUnit: Int, longestDepartment: Int? = nil, withDepartment: Bool) {
        let layouts: [[Column]] = [
            [.unit, .department, .state, .gaps, .ratings, .deviations],
            [.unit, .state, .gaps, .ratings, .deviations],
            [.unit, .state, .gaps, .deviations],
            [.unit, .state, .gaps],
        ].filter { withDepartment || !$0.contains(.department) }
        let heads = Strings.Board.headers
        table = TableColumns(width: width, layouts: layouts, name: .unit, longestName: max(longestUnit, DisplayWidth.of(heads[0])),
                             group: .department, longestGroup: longestDepartment.map { max($0, DisplayWidth.of(heads[1])) },
                             fixed: Self.fixedWidths)
    }
}
