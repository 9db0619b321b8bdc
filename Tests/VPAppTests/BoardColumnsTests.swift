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
}
