import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The roll-up page driven in-process: the counts it shows against counts made from each unit's
/// own JSON export, jumping between nämndmål, opening a unit and coming back, and its layout.
@Suite("The roll-up page")
struct AppRollupPageTests {
    static let ratingKeys: [(key: String, rating: Rating?)] = [("fully", .fully), ("partly", .partly), ("not", .not), ("unrated", nil)]

    /// Each unit's counts, from its own export.
    static func unitCounts(_ store: PlanStore, period: ReportPeriod) throws -> [UnitJSONCounts] {
        try store.boardScope(board: BoardFixture.board, department: nil).units.map { unit in
            try UnitJSONCounts(json: try store.exportJSON(PlanRef(unitID: unit.id, year: BoardFixture.year)), period: period.rawValue)
        }
    }

    /// The page's lines of each nämndmål, in order.
    static func linesByGoal(_ page: RollupPage) -> [[RollupLine]] {
        var result = Array(repeating: [RollupLine](), count: page.goalStarts.count)
        for line in page.lines { if let goal = line.goal { result[goal].append(line) } }
        return result
    }

    @Test("Under each nämndmål the ratings and deviations shown are those counted from the units' own exports")
    func countsAgreeWithTheUnits() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.rollupPage(store)
        let page = try #require(app.state.rollup)
        let units = try Self.unitCounts(store, period: .vb)
        let goals = page.rollup.goals.filter { $0.level == .boardGoal }
        #expect(goals.count == page.goalStarts.count && goals.count > 5)
        var ratedSomewhere = 0, deviationsSomewhere = 0
        for (goal, lines) in zip(goals, Self.linesByGoal(page)) {
            #expect(lines.first?.text.hasPrefix("Nämndmål:") == true)
            let texts = lines.map(\.text)
            let total = units.reduce(0) { $0 + ($1.ratingsByBoardGoal[goal.id]?.values.reduce(0, +) ?? 0) }
            if total == 0 {
                #expect(texts.contains(Strings.Rollup.noUnitGoals), "\(goal.title)")
                continue
            }
            #expect(texts.contains(Strings.Rollup.ratingsLabel(goals: total)), "\(goal.title): \(texts)")
            for (key, rating) in Self.ratingKeys {
                let count = units.reduce(0) { $0 + ($1.ratingsByBoardGoal[goal.id]?[key] ?? 0) }
                let prefix = "\(Strings.Rollup.rating(rating)) \(count):"
                #expect(texts.contains { $0.hasPrefix(prefix) }, "\(goal.title): no line \"\(prefix)\" in \(texts)")
                if rating != nil { ratedSomewhere += count }
            }
            let deviations = units.reduce(0) { $0 + ($1.deviationsByBoardGoal[goal.id] ?? 0) }
            let shown = lines.filter { $0.text.hasPrefix("Avvikelse, ") && $0.unitID != nil }.count
            #expect(shown == deviations, "\(goal.title)")
            deviationsSomewhere += deviations
        }
        // The district has ratings and deviations to count, or the test proves little.
        #expect(ratedSomewhere > 10 && deviationsSomewhere > 0)
    }

    @Test("Tab and n go to the next nämndmål, N to the previous; the heading comes to the top")
    func jumping() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.rollupPage(store, width: 80, height: 24)
        let count = try #require(app.state.rollup?.goalStarts.count)
        #expect(app.render().text(ofRow: 1).contains("\(count) nämndmål"))
        let titles = try #require(app.state.rollup?.rollup.goals.filter { $0.level == .boardGoal }.map(\.title))
        for (key, goal) in [(KeyEvent.tab, 0), (.tab, 1), (.character("n"), 2), (.character("N"), 1), (.character("N"), 0)] {
            app.send(key)
            let page = try #require(app.state.rollup)
            #expect(page.currentGoal == goal && page.index == page.goalStarts[goal] && page.scroll == page.index)
            let screen = app.render()
            #expect(screen.text(ofRow: 1).contains("Nämndmål \(goal + 1) av \(count)"))
            #expect(screen.text(ofRow: 2).contains("Nämndmål: " + titles[goal].prefix(40)), "\(screen.text)")
            #expect(screen[2, 1].style.reverse)
        }
        // Past the last one, Tab stays on it.
        app.send(.end)
        app.send(.character("N"))
        #expect(app.state.rollup?.currentGoal == count - 1)
        let index = app.state.rollup?.index
        app.send(.tab)
        #expect(app.state.rollup?.index == index)
    }

    @Test("Enter on a unit's line opens its report; Esc comes back to the same line; Enter elsewhere says why")
    func openUnit() throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.rollupPage(store)
        app.send(.enter)
        #expect(app.state.page == .rollup && app.state.status?.isError == true)
        #expect(app.render().text.contains(Strings.RollupPage.noUnitOnLine.prefix(30)))
        app.send(.tab)
        app.send(.tab)
        while app.state.rollup?.selected?.unitID == nil { app.send(.down) }
        let before = try #require(app.state.rollup)
        let line = try #require(before.selected)
        app.send(.enter)
        #expect(app.state.page == .plan)
        #expect(app.state.plan?.ref == PlanRef(unitID: line.unitID!, year: 2021) && app.state.period == .vb)
        #expect(app.render().text(ofRow: 0).contains("\(line.unitName!) · Verksamhetsberättelse 2021 (VB)"))
        app.send(.escape)
        #expect(app.state.page == .rollup)
        #expect(app.state.rollup?.index == before.index && app.state.rollup?.scroll == before.scroll)
        app.send(.escape)
        #expect(app.state.page == .board)
    }

    @Test("Arrows, PgUp/PgDn and Home/End keep the selection on screen", arguments: [(80, 24), (120, 40)])
    func scrolling(width: Int, height: Int) throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.rollupPage(store, width: width, height: height)
        let visible = RollupView.visibleRows(app.state)
        let total = try #require(app.state.rollup?.lines.count)
        #expect(total > visible * 3)
        func check() throws {
            let page = try #require(app.state.rollup)
            #expect(page.index >= page.scroll && page.index < page.scroll + visible)
            let row = 2 + page.index - page.scroll
            #expect(app.render()[row, 1].style.reverse)
        }
        app.send(.pageDown)
        #expect(app.state.rollup?.index == visible - 1)
        try check()
        app.send(.pageDown)
        app.send(.up)
        try check()
        app.send(.end)
        #expect(app.state.rollup?.index == total - 1)
        try check()
        app.send(.pageUp)
        try check()
        app.send(.home)
        #expect(app.state.rollup?.index == 0 && app.state.rollup?.scroll == 0)
    }

    @Test("Every line fits its width by display width, at 60, 80 and 120 columns, and a resize lays the page out again",
          arguments: [60, 80, 120])
    func linesFit(width: Int) throws {
        let store = try BoardFixture.store()
        let app = try BoardFixture.rollupPage(store, width: width, height: 24)
        app.send(.tab, .tab, .tab)
        let goal = app.state.rollup?.currentGoal
        for size in [width, width - 1, 140] {
            _ = app.send(.resize(width: size, height: 24))
            let page = try #require(app.state.rollup)
            #expect(page.width == size && page.currentGoal == goal)
            for line in page.lines {
                #expect(line.indent + DisplayWidth.of(line.text) <= size - 2, "too wide at \(size): \(line.text)")
            }
            // Wrapping loses no word: the roll-up's analyses are all there.
            let joined = page.lines.map(\.text).joined(separator: " ")
            for summary in page.rollup.summaries.prefix(3) {
                let words = summary.text.split(whereSeparator: \.isWhitespace).prefix(20)
                #expect(words.allSatisfy { joined.contains($0) })
            }
        }
    }
}

extension AppController {
    @discardableResult
    func send(_ keys: KeyEvent...) -> [TerminalRequest] {
        keys.flatMap { send($0) }
    }
}
