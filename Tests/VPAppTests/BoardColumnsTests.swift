import Testing
@testable import VPApp

/// The board's table gives the unit's name its room first and drops the columns that matter
/// least as the screen narrows.
@Suite("The board table's columns for a width of screen")
struct BoardColumnsTests {
    typealias Column = BoardColumns.Column

    func columns(_ width: Int, longest: Int = 27, department: Bool = true) -> [Column: Int] {
        Dictionary(uniqueKeysWithValues: BoardColumns(width: width, longestUnit: longest, withDepartment: department).shown
            .map { ($0.column, $0.width) })
    }

    func total(_ width: Int, longest: Int = 27, department: Bool = true) -> Int {
        let shown = BoardColumns(width: width, longestUnit: longest, withDepartment: department).shown
        return shown.map(\.width).reduce(0, +) + BoardColumns.gap * (shown.count - 1)
    }

    @Test("Wide: every column, the name whole and the department beside it", arguments: [118, 158])
    func wide(width: Int) {
        let shown = columns(width)
        #expect(Set(shown.keys) == Set(Column.allCases))
        #expect(shown[.unit]! >= 27 && shown[.department]! >= 14)
        #expect(total(width) == width)
    }

    @Test("80 columns: the department gives way so that names are not cut")
    func eighty() {
        let shown = columns(78)
        #expect(shown[.department] == nil)
        #expect(shown[.unit]! >= 27 && shown[.ratings] != nil && shown[.deviations] != nil)
        #expect(total(78) == 78)
    }

    @Test("Narrow: then the ratings, then the deviations go; the name stays whole while it can")
    func narrow() {
        let sixty = columns(58)
        #expect(sixty[.ratings] == nil && sixty[.deviations] != nil && sixty[.unit]! >= 27)
        let fifty = columns(48)
        #expect(Set(fifty.keys) == [.unit, .state, .gaps] && fifty[.unit]! >= 27)
        let tiny = columns(30)
        #expect(Set(tiny.keys) == [.unit, .state, .gaps] && tiny[.unit]! >= 10)
    }

    @Test("One department's table has no department column, however wide")
    func oneDepartment() {
        #expect(columns(158, department: false)[.department] == nil)
        #expect(total(158, department: false) == 158)
    }

    @Test("A very long name is cut on a wide screen rather than squeezing the department out")
    func longName() {
        let shown = columns(118, longest: 90)
        #expect(shown[.department]! >= 14)
    }

    @Test("Wide: the name gets its longest, the department the rest, so that neither is cut", arguments: [118, 158])
    func wideGivesDepartmentTheRest(width: Int) {
        let shown = Dictionary(uniqueKeysWithValues: BoardColumns(width: width, longestUnit: 29, longestDepartment: 33,
                                                                  withDepartment: true).shown.map { ($0.column, $0.width) })
        #expect(shown[.unit] == 29)
        #expect(shown[.department]! >= 33)
        #expect(shown.values.reduce(0, +) + BoardColumns.gap * (shown.count - 1) == width)
    }

    @Test("A name longer than the cap is whole when the departments leave the room for it")
    func longNameShortDepartments() {
        let board = BoardColumns(width: 158, longestUnit: 60, longestDepartment: 20, withDepartment: true).shown
        let shown = Dictionary(uniqueKeysWithValues: board.map { ($0.column, $0.width) })
        #expect(shown[.unit] == 60)
        #expect(shown[.department]! >= 20)
        // Long departments too: the name is cut at the cap rather than the department squeezed.
        let both = Dictionary(uniqueKeysWithValues: BoardColumns(width: 118, longestUnit: 60, longestDepartment: 60,
                                                                 withDepartment: true).shown.map { ($0.column, $0.width) })
        #expect(both[.unit] == 40 && both[.department] == 118 - 42 - 40)
    }
}
