import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The board's table shows at once with the units' names, and takes its counts when they come.
@Suite("The board page before its counts")
struct AppBoardCountingTests {
    @Test("The first frame has every unit's name and says it counts; the counts come in with the selection kept")
    func namesFirst() throws {
        let store = try BoardFixture.store()
        let scope = try store.boardScope(board: BoardFixture.board, department: nil)
        let expected = try store.boardStatus(scope, year: BoardFixture.year, period: .vb)
        let app = try BoardFixture.namesOnly(store)
        let board = try #require(app.state.board)
        #expect(board.isCounting)
        #expect(board.status.lines.map(\.unitID) == expected.lines.map(\.unitID))
        var screen = app.render().text
        #expect(screen.contains("Räknar läget för \(expected.lines.count) enheter …"), "\(screen)")
        #expect(screen.contains("räknar …"))
        #expect(!screen.contains(" klara · "))
        for line in expected.lines { #expect(screen.contains(String(line.unit.prefix(12))), "\(line.unit)") }
        // Moving and filtering work meanwhile; the unit chosen stays chosen when the counts come.
        app.send(.down)
        app.send(.down)
        let chosen = try #require(app.state.board?.selected?.unitID)
        app.waitForBackgroundWork()
        let counted = try #require(app.state.board)
        #expect(!counted.isCounting)
        #expect(counted.status == expected)
        #expect(counted.selected?.unitID == chosen)
        #expect(counted.index >= counted.scroll && counted.index < counted.scroll + BoardView.visibleRows(app.state))
        screen = app.render().text
        #expect(!screen.contains("räknar"))
        #expect(screen.contains(" klara · "))
    }

    @Test("Counts of another table, or counts that could not be made, do not stand in for the table's")
    func otherCounts() throws {
        let store = try BoardFixture.store()
        let scope = try store.boardScope(board: BoardFixture.board, department: nil)
        let app = try BoardFixture.namesOnly(store)
        var state = app.state
        _ = Update.handle(.boardCounted(try store.boardStatus(scope, year: BoardFixture.year, period: .t2)), &state)
        #expect(state.board?.isCounting == true)
        _ = Update.handle(.boardCountFailed("Databasen kan inte läsas."), &state)
        #expect(state.board == nil && state.page == .chooser)
        #expect(state.status?.text == "Databasen kan inte läsas." && state.status?.isError == true)
        // Counts that come after the table was counted change nothing.
        app.waitForBackgroundWork()
        var counted = app.state
        _ = Update.handle(.boardCounted(try store.boardStatus(scope, year: BoardFixture.year, period: .vb)), &counted)
        _ = Update.handle(.boardCountFailed("fel"), &counted)
        #expect(counted.board == app.state.board && counted.page == .board)
    }

    @Test("Of two counts started, only the later one is taken, once")
    func laterCountWins() throws {
        let store = try BoardFixture.store()
        let scope = try store.boardScope(board: BoardFixture.board, department: nil)
        let worker = EffectRunner(store: store).boardCounter
        let count = { (period: ReportPeriod) in
            worker.start { Result { try store.boardStatus(scope, year: BoardFixture.year, period: period) } }
        }
        count(.vb)
        worker.waitUntilIdle()
        // The VB's count, done and not taken, goes with the next start.
        count(.t1)
        if let early = worker.take() { #expect(try early.get().period == .t1) }
        count(.t2)
        worker.waitUntilIdle()
        #expect(worker.isBusy)
        let taken = try #require(worker.take())
        #expect(try taken.get().period == .t2)
        #expect(worker.take() == nil)
        #expect(!worker.isBusy)
    }
}
