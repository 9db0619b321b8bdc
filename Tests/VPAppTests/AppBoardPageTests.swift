import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The board's status table driven in-process: sorting, filtering, opening a unit and coming
/// back to the table as it was, and the way to the roll-up.
@Suite("The board page")
struct AppBoardPageTests {
    /// The unit names of the table's lines as drawn, top to bottom.
    static func shownUnits(_ app: AppController) throws -> [String] {
        let board = try #require(app.state.board)
        let screen = app.render()
        let rows = Array(board.rows.dropFirst(board.scroll).prefix(BoardView.visibleRows(app.state)))
        return rows.enumerated().map { offset, line in
            #expect(screen.text(ofRow: 4 + offset).contains(String(line.unit.prefix(12))), "line \(offset) is not \(line.unit)")
            return line.unit
        }
    }

    @Test("Tab sorts by state, gaps and name, in that order, and says how")
    func sorting() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.boardPage(store)
        let status = try store.boardStatus(try store.boardScope(board: BoardFixture.board, department: nil), year: 2021, period: .vb)
        #expect(app.state.board?.sort == .state)
        app.send(.tab)
        #expect(app.state.board?.sort == .gaps)
        #expect(app.render().text.contains("Sorterat efter antal saknade (flest först)"))
        let byGaps = status.lines.sorted { (-($0.gaps ?? 0), $0.unit) < (-($1.gaps ?? 0), $1.unit) }.map(\.unit)
        #expect(try Self.shownUnits(app) == byGaps)
        app.send(.tab)
        #expect(app.render().text.contains("Sorterat efter namn"))
        #expect(try Self.shownUnits(app) == status.lines.map(\.unit).sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        app.send(.tab)
        #expect(app.state.board?.sort == .state)
    }

    @Test("Typing filters by unit or department, accents aside; Backspace and Esc undo it")
    func filtering() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.boardPage(store)
        let all = try #require(app.state.board?.rows.map(\.unit))
        // "aldre" finds Äldreomsorgsavdelningen's units.
        for character in "aldre" { app.send(.character(character)) }
        let board = try #require(app.state.board)
        let expected = board.status.lines.filter { ($0.department ?? "").hasPrefix("Äldreomsorg") }.map(\.unit)
        #expect(!expected.isEmpty)
        #expect(Set(try Self.shownUnits(app)) == Set(expected))
        #expect(app.render().text.contains("filter \"aldre\": \(expected.count) visas"))
        app.send(.backspace)
        #expect(app.state.board?.filter == "aldr")
        app.send(.escape)
        #expect(app.state.board?.filter == "" && app.state.page == .board)
        #expect(app.state.board?.rows.map(\.unit) == all)
        app.send(.escape)
        #expect(app.state.page == .chooser)
    }

    @Test("Enter opens the unit's report for the period; Esc comes back with the filter and the selection kept")
    func openAndReturn() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.boardPage(store)
        app.send(.tab)
        for character in "enhet" { app.send(.character(character)) }
        app.send(.down)
        let before = try #require(app.state.board)
        let chosen = try #require(before.selected)
        #expect(before.rows.count > 1 && before.index == 1)
        app.send(.enter)
        #expect(app.state.page == .plan)
        #expect(app.state.plan?.ref == PlanRef(unitID: chosen.unitID, year: 2021) && app.state.period == .vb)
        #expect(app.render().text(ofRow: 0).contains("\(chosen.unit) · Verksamhetsberättelse 2021 (VB)"))
        app.send(.escape)
        #expect(app.state.page == .board)
        let after = try #require(app.state.board)
        #expect(after.filter == "enhet" && after.sort == .gaps)
        #expect(after.selected?.unitID == chosen.unitID && after.index == before.index && after.scroll == before.scroll)
        #expect(app.render().text.contains("filter \"enhet\""))
    }

    @Test("Ctrl-R shows the roll-up of the table's board and period; Esc comes back to the table as it was")
    func rollupAndBack() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.boardPage(store)
        for character in "för" { app.send(.character(character)) }
        app.send(.end)
        let before = try #require(app.state.board)
        #expect(app.render().text.split(separator: "\n").last?.contains("Ctrl-R Sammanställning") == true)
        app.send(.control("r"))
        #expect(app.state.page == .rollup)
        let rollup = try #require(app.state.rollup?.rollup)
        #expect(rollup.boardID == BoardFixture.board && rollup.year == 2021 && rollup.period == .vb)
        #expect(app.render().text.contains("Sammanställning verksamhetsberättelse 2021 – Hägersten-Älvsjö stadsdelsnämnd"))
        app.send(.escape)
        #expect(app.state.page == .board && app.state.rollup == nil)
        #expect(app.state.board?.filter == "för" && app.state.board?.index == before.index)
    }
}
