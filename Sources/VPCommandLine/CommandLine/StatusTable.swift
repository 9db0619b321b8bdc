import PlanKit
import VPApp

/// The status as a table of aligned columns, one line per unit and a total line, fitted to a
/// width of terminal as the app's board table is: a name gets the room for the longest name
/// first, longer ones are cut with "…", and the department goes first when the width is short
/// (it is also left out of one department's table), then the four ratings become one column.
enum StatusTable {
    enum Column: Hashable, CaseIterable {
        case unit, department, state, gaps, fully, partly, not, unrated, ratings, deviations

        /// Counts stand to the right.
        var isCount: Bool { ![.unit, .department, .state].contains(self) }
    }

    typealias Words = Strings.Status

    static func render(_ status: BoardStatus, width: Int) -> String {
        let withDepartment = status.scopeKind != .department
        let layouts: [[Column]] = [
            [.unit, .department, .state, .gaps, .fully, .partly, .not, .unrated, .deviations],
            [.unit, .state, .gaps, .fully, .partly, .not, .unrated, .deviations],
            [.unit, .state, .gaps, .ratings, .deviations],
        ].filter { withDepartment || !$0.contains(.department) }
        var total = totalCells(status, unitsBeside: !withDepartment)
        // A damaged unit's message runs on over the columns of counts, so they are as wide as
        // the other lines need.
        let counted = [headers] + status.lines.filter { $0.error == nil }.map(cells) + [total]
        let named = counted + status.lines.filter { $0.error != nil }.map(cells)
        var fixed: [Column: Int] = [:]
        for column in Column.allCases where column != .unit && column != .department {
            fixed[column] = counted.map { DisplayWidth.of($0[column] ?? "") }.max() ?? 0
        }
        var longestName = named.map { DisplayWidth.of($0[.unit] ?? "") }.max() ?? 0
        let longestGroup = named.map { DisplayWidth.of($0[.department] ?? "") }.max() ?? 0
        // No wider than the widest table needs: a wide terminal does not stretch the columns.
        let widest = layouts[0].map { fixed[$0] ?? ($0 == .unit ? longestName : longestGroup) }.reduce(0, +)
            + TableColumns<Column>.gap * (layouts[0].count - 1)
        func fit(_ width: Int) -> TableColumns<Column> {
            TableColumns(width: width, layouts: layouts, name: .unit, longestName: longestName, group: .department,
                         longestGroup: longestGroup, fixed: fixed)
        }
        var columns = fit(min(width, widest))
        // Without the department column the total line names the units beside "Totalt": the
        // name column has room for that too, rather than cutting it.
        if !columns.shown.contains(where: { $0.column == .department }) {
            longestName = max(longestName, DisplayWidth.of(totalCells(status, unitsBeside: true)[.unit] ?? ""))
        }
        // Nor does a narrower layout, where the name takes what the other columns leave.
        if !columns.shown.contains(where: { $0.column == .department }),
           let unit = columns.shown.first(where: { $0.column == .unit })?.width, unit > longestName {
            columns = fit(min(width, widest) - (unit - longestName))
        }
        total = totalCells(status, unitsBeside: !columns.shown.contains { $0.column == .department })
        var text = [DisplayWidth.truncated(Words.heading(status), to: width)]
        text.append(line(headers, columns))
        for unit in status.lines {
            if let error = unit.error {
                text += damagedLines(cells(unit), error: Words.damaged(error), columns, width: width)
            } else {
                text.append(line(cells(unit), columns))
            }
        }
        text.append(line(total, columns))
        text += TextWrap.wrap(Words.summary(status), width: width)
        return text.joined(separator: "\n") + "\n"
    }

    /// The column heads, `Strings.Status.headers` in the order of the wide table.
    private static var headers: [Column: String] {
        var heads = Dictionary(uniqueKeysWithValues: zip([Column.unit, .department, .state, .gaps, .fully, .partly, .not, .unrated,
                                                          .deviations], Words.headers))
        heads[.ratings] = Words.ratingsHeader
        return heads
    }

    /// The cells in the columns shown, names cut to their column and to the left, counts to the right.
    private static func line(_ cells: [Column: String], _ columns: TableColumns<Column>) -> String {
        var text = ""
        for (index, (column, width)) in columns.shown.enumerated() {
            if index > 0 { text += String(repeating: " ", count: TableColumns<Column>.gap) }
            let cell = DisplayWidth.truncated(cells[column] ?? "", to: width)
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell)))
            text += column.isCount ? padding + cell : cell + padding
        }
        return trimmed(text)
    }

    /// A damaged unit's line: its names, and the message from the state column on, wrapped
    /// below itself rather than cut (it says what is wrong).
    private static func damagedLines(_ cells: [Column: String], error: String, _ columns: TableColumns<Column>,
                                     width: Int) -> [String] {
        guard let stateIndex = columns.shown.firstIndex(where: { $0.column == .state }) else { return [line(cells, columns)] }
        let indent = columns.shown[..<stateIndex].map(\.width).reduce(0, +) + TableColumns<Column>.gap * stateIndex
        let start = line([.unit: cells[.unit] ?? "", .department: cells[.department] ?? ""], columns)
        let lead = start + String(repeating: " ", count: max(0, indent - DisplayWidth.of(start)))
        return TextWrap.wrap(error, width: width - indent).enumerated().map { index, part in
            (index == 0 ? lead : String(repeating: " ", count: indent)) + part
        }
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    private static func cells(_ line: UnitStatusLine) -> [Column: String] {
        let state = line.noPlan ? Words.noPlan : line.state.map { Strings.periodState($0) } ?? ""
        let ratings = line.ratings
        return [.unit: line.unit, .department: line.department ?? Words.noDepartment, .state: state, .gaps: "\(line.gaps ?? 0)",
                .fully: "\(ratings.fully)", .partly: "\(ratings.partly)", .not: "\(ratings.not)", .unrated: "\(ratings.unrated)",
                .ratings: "\(ratings.fully)/\(ratings.partly)/\(ratings.not)/\(ratings.unrated)", .deviations: "\(line.deviations)"]
    }

    /// `unitsBeside`: without the department column, the number of units goes beside the word
    /// for the total.
    private static func totalCells(_ status: BoardStatus, unitsBeside: Bool) -> [Column: String] {
        let total = status.total
        let ratings = total.ratings
        let units = Words.totalUnits(total.units)
        return [.unit: unitsBeside ? "\(Words.total), \(units)" : Words.total, .department: units,
                .state: Words.doneCount(status), .gaps: "\(total.gaps)",
                .fully: "\(ratings.fully)", .partly: "\(ratings.partly)", .not: "\(ratings.not)", .unrated: "\(ratings.unrated)",
                .ratings: "\(ratings.fully)/\(ratings.partly)/\(ratings.not)/\(ratings.unrated)", .deviations: "\(total.deviations)"]
    }
}
