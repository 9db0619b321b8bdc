import Foundation
import Testing
@testable import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// The chooser that scales: units grouped by board and department, each plan's periods in the
/// order of the year with their state, a filter typed ahead, and the next period started from it.
@Suite("The chooser", .temporaryFolders)
struct ChooserTests {
    /// The screen's lines, trailing blanks cut.
    static func lines(_ app: AppController) -> [String] {
        app.render().text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }

    static func type(_ app: AppController, _ text: String) {
        for character in text { app.send(.character(character)) }
    }

    /// Moves down until the selected line contains the text; fails when no line does.
    static func select(_ app: AppController, containing text: String) throws {
        app.send(.home)
        for _ in 0..<200 {
            let row = app.state.chooser.selectedRow.map { _ in app.render().text(ofRow: app.state.chooser.index - app.state.chooser.scroll + 3) }
            if row?.contains(text) == true { return }
            let before = app.state.chooser.index
            app.send(.down)
            if app.state.chooser.index == before { break }
        }
        Issue.record("no selectable line contains \"\(text)\"")
        throw FixtureError.missing
    }

    @Test("Units under their department under the board, each plan's periods in the order of the year, with the next to start")
    func groupsAndOrder() throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database())
        let text = Self.lines(app).dropFirst(3).prefix { !$0.isEmpty }
        #expect(Array(text) == [
            " Hägersten-Älvsjö stadsdelsnämnd",
            "   Förskoleavdelningen",
            "     Resursenheten",
            "       2021  VP  Verksamhetsplan               komplett",
            "             VB  Verksamhetsberättelse         komplett",
            "             ＋ Starta T1 (Tertialrapport 1) …",
            "       2022  VP: nämndens mål saknas (Enter visar hur)",
            "   Äldreomsorgsavdelningen",
            "     Gruppbostaden Älvsjö",
            "       2021  VP  Verksamhetsplan               pågår",
            "             ＋ Starta T1 (Tertialrapport 1) …",
            "       2022  VP: nämndens mål saknas (Enter visar hur)",
            "     Hemtjänsten Hägersten",
            "       2021  VP  Verksamhetsplan               pågår",
            "             T1  Tertialrapport 1              pågår",
            "             ＋ Starta T2 (Tertialrapport 2) …",
            "       2022  VP: nämndens mål saknas (Enter visar hur)",
        ], "\(text.joined(separator: "\n"))")
        // The order of the list is the order of the year, as the data has it.
        #expect(app.state.choices.map { "\($0.unitID) \($0.period.rawValue)" } == [
            "resursenheten vp", "resursenheten vb", "gruppbostaden vp", "hemtjansten vp", "hemtjansten t1",
        ])
        #expect(app.state.chooser.selectedChoice?.unitID == "resursenheten" && app.state.chooser.selectedChoice?.period == .vp)
    }

    @Test("Each period's state is the one PlanKit reads for it")
    func statesAgreeWithPlanKit() throws {
        let path = try ChooserFixture.database()
        let store = try PlanStore(path: path, login: "anna")
        try store.submit(PlanRef(unitID: "resursenheten", year: 2021), period: .vb)
        store.makeDurable()
        let app = try ChooserFixture.app(path: path)
        let states = app.state.chooser.states
        #expect(states.count == 3)
        for (ref, value) in states {
            let expected = try store.periodStates(ref)
            #expect(value == expected)
        }
        #expect(Self.lines(app).contains("             VB  Verksamhetsberättelse         inlämnad"))
    }

    @Test("Typing filters units, departments and boards, case and accents aside; Backspace edits, Esc clears, then closes")
    func filter() throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database())
        // A department's name lets its units through.
        Self.type(app, "ALDRE")
        var text = app.render().text
        #expect(text.contains("Filter: ALDRE"))
        #expect(text.contains("Gruppbostaden Älvsjö") && text.contains("Hemtjänsten Hägersten") && !text.contains("Resursenheten"))
        #expect(text.contains("2 av 3 enheter"))
        // Every word must match: the unit's name and the department's.
        Self.type(app, " hem")
        text = app.render().text
        #expect(text.contains("Hemtjänsten Hägersten") && !text.contains("Gruppbostaden"))
        #expect(app.state.chooser.selectedChoice?.unitID == "hemtjansten")
        // Backspace edits the filter.
        for _ in 0..<4 { app.send(.backspace) }
        #expect(app.state.chooser.filter == "ALDRE")
        // The selection stays on its line while the line is shown.
        try Self.select(app, containing: "T1  Tertialrapport 1")
        Self.type(app, "x")
        #expect(app.state.chooser.filter == "ALDREx")
        #expect(app.state.chooser.rows.isEmpty)
        #expect(app.render().text.contains("Ingen enhet, avdelning eller nämnd matchar \"ALDREx\""))
        app.send(.backspace)
        Self.type(app, " HAGersten")
        #expect(app.state.chooser.selectedChoice == PlanChoice(unitID: "hemtjansten", unitName: "Hemtjänsten Hägersten", year: 2021, period: .t1))
        // "hag" finds Hägersten; the board's name is Hägersten too, so every unit matches.
        app.send(.escape)
        #expect(app.state.chooser.filter.isEmpty)
        Self.type(app, "hag")
        #expect(app.state.chooser.shownUnits == 3)
        // Esc clears the filter; with none, Esc leaves the chooser only for an open plan.
        app.send(.escape)
        #expect(app.state.chooser.filter.isEmpty && app.state.page == .chooser)
        app.send(.escape)
        #expect(app.state.page == .chooser)
        app.send(.enter)
        #expect(app.state.page == .plan)
        app.send(.character("t"))
        Self.type(app, "res")
        app.send(.escape)
        app.send(.escape)
        #expect(app.state.page == .plan)
    }

    @Test("The page keys are keys a filter never needs: letters filter, Ctrl-N opens the board's table, Ctrl-C quits")
    func pageKeys() throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database())
        Self.type(app, "nq")
        #expect(app.state.chooser.filter == "nq" && app.state.page == .chooser)
        app.send(.escape)
        app.send(.control("n"))
        #expect(app.state.page == .board)
        #expect(app.state.board?.status.period == .vp && app.state.board?.status.year == 2021)
        app.send(.escape)
        #expect(app.state.page == .chooser)
        #expect(app.send(.control("c")) == [.quit])
        let hints = app.render().text.split(separator: "\n").last ?? ""
        for hint in ["a–ö Filtrera", "Enter Öppna", "Ctrl-N/A Nämnd/avd.", "Esc Rensa", "Ctrl-C Avsluta"] {
            #expect(hints.contains(hint), "\(hints)")
        }
    }

    @Test("A plan with a VP and a VB but no T1 offers T1, starting from the VP")
    func startMissingInterim() throws {
        let path = try ChooserFixture.database()
        let app = try ChooserFixture.app(path: path)
        let ref = PlanRef(unitID: "resursenheten", year: 2021)
        try Self.select(app, containing: "Starta T1")
        #expect(app.state.chooser.rows[app.state.chooser.index] == .start(unit: 0, year: 2021, .t1))
        app.send(.enter)
        guard case .confirmStart(let request)? = app.state.modal else { Issue.record("no question"); return }
        #expect(Strings.Chooser.confirmStart(request)
                == "Starta tertialrapport 1 (T1) 2021 för Resursenheten? Den utgår från verksamhetsplanen (VP). (j/n)")
        app.send(.character("j"))
        let reader = try PlanStore(path: path, login: "reader", readOnly: true)
        #expect(try reader.loadPlan(ref).periods == [.vp, .t1, .vb])
        #expect(app.state.page == .plan && app.state.period == .t1 && app.state.plan?.ref == ref)
        // Back in the chooser, T2 is the one left to start.
        app.send(.character("t"))
        app.waitForBackgroundWork()
        let rows = app.state.chooser.rows
        #expect(rows.contains(.start(unit: 0, year: 2021, .t2)) && !rows.contains(.start(unit: 0, year: 2021, .t1)))
        #expect(app.render().text.contains("＋ Starta T2 (Tertialrapport 2) …"))
    }

    @Test("Enter on the next period asks, says what it starts from, starts it through PlanKit and opens it; n starts nothing")
    func startNextPeriod() throws {
        let path = try ChooserFixture.database()
        let app = try ChooserFixture.app(path: path)
        let ref = PlanRef(unitID: "hemtjansten", year: 2021)
        try Self.select(app, containing: "Starta T2")
        app.send(.enter)
        let question = app.render().text
        guard case .confirmStart(let request)? = app.state.modal else { Issue.record("no question"); return }
        #expect(Strings.Chooser.confirmStart(request)
                == "Starta tertialrapport 2 (T2) 2021 för Hemtjänsten Hägersten? Den utgår från tertialrapport 1 (T1). (j/n)")
        #expect(question.contains("Starta tertialrapport 2 (T2) 2021 för Hemtjänsten Hägersten?"))
        #expect(question.contains("j Starta") && question.contains("n Avbryt"))
        app.send(.character("x"))
        #expect(app.state.modal != nil)
        app.send(.character("n"))
        #expect(app.state.modal == nil)
        let reader = try PlanStore(path: path, login: "reader", readOnly: true)
        #expect(try reader.loadPlan(ref).periods == [.vp, .t1])

        app.send(.enter)
        app.send(.character("j"))
        #expect(try reader.loadPlan(ref).periods == [.vp, .t1, .t2])
        #expect(app.state.page == .plan && app.state.period == .t2 && app.state.plan?.ref == ref)
        #expect(app.state.status?.text == "Startade T2 2021 för Hemtjänsten Hägersten, från T1; det som sades där visas nedanför.")

        // t opens the chooser on the plan on the screen, which now offers VB.
        app.send(.character("t"))
        app.waitForBackgroundWork()
        #expect(app.state.page == .chooser)
        #expect(app.state.chooser.selectedChoice == PlanChoice(unitID: "hemtjansten", unitName: "Hemtjänsten Hägersten", year: 2021, period: .t2))
        let text = app.render().text
        #expect(text.contains("T2  Tertialrapport 2              pågår"))
        #expect(text.contains("＋ Starta VB (Verksamhetsberättelse) …"))
        #expect(!text.contains("Starta T2"))
    }

    @Test("Next year's VP: without the board's goals Enter says how to import them; with them it starts and opens")
    func startNextYear() throws {
        let path = try ChooserFixture.database()
        let app = try ChooserFixture.app(path: path)
        let reader = try PlanStore(path: path, login: "reader", readOnly: true)
        let next = PlanRef(unitID: "resursenheten", year: 2022)
        try Self.select(app, containing: "2022  VP: nämndens mål saknas")
        app.send(.enter)
        #expect(app.state.modal == nil)
        let notice = try require(app.state.chooser.notice)
        #expect(notice.contains("vp-tui import-text NÄMNDENS-PLAN.txt --year 2022"))
        #expect(app.render().text.contains("Tryck på valfri tangent"))
        // The next key only closes the message.
        let index = app.state.chooser.index
        app.send(.down)
        #expect(app.state.chooser.notice == nil && app.state.chooser.index == index)
        #expect(throws: PlanError.self) { try reader.loadPlan(next) }

        // Another session imports the board's goals for 2022; the chooser offers the year when shown again.
        try ChooserFixture.importNextYearsCascade(into: path)
        try Self.select(app, containing: "2021  VP  Verksamhetsplan")
        app.send(.enter)
        app.send(.character("t"))
        app.waitForBackgroundWork()
        try Self.select(app, containing: "Starta verksamhetsplan 2022")
        app.send(.enter)
        #expect(app.render().text.contains("Starta verksamhetsplanen 2022 för Resursenheten? Den utgår från planen för"))
        app.send(.character("j"))
        #expect(try reader.loadPlan(next).periods == [.vp])
        #expect(app.state.page == .plan && app.state.plan?.ref == next && app.state.period == .vp)
        #expect(app.state.status?.text.hasPrefix("Startade VP 2022 för Resursenheten från 2021: ") == true)
    }
}
