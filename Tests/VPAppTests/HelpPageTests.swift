import Testing
import PlanKit
@testable import VPApp

/// The help page: End goes to its last screenful as Home goes to its first, and asked for on the
/// board's table or its roll-up, their keys come first.
@Suite("The help page")
struct HelpPageTests {
    @Test("End shows the end of the help, Home its start")
    func homeAndEnd() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("?"))
        #expect(!driver.text.contains("Allt du skriver sparas direkt"))
        driver.press(.end)
        #expect(driver.state.helpScroll > 0)
        #expect(driver.text.contains("Allt du skriver sparas direkt"), "\(driver.text)")
        driver.press(.home)
        #expect(driver.state.helpScroll == 0)
        #expect(driver.text.contains(Strings.App.helpTitle))
    }

    @Test("On the board's table and on the roll-up, ? shows their keys first")
    func boardKeysFirst() throws {
        let store = try BoardFixture.store()
        for app in [try BoardFixture.boardPage(store, width: 80, height: 24), try BoardFixture.rollupPage(store, width: 80, height: 24)] {
            let page = app.state.page
            app.send(.character("?"))
            #expect(app.state.page == .help)
            let rows = (0..<24).map { app.render().text(ofRow: $0) }
            #expect(rows[3].contains(Strings.RollupPage.helpGroup), "\(page): \(rows)")
            app.send(.escape)
            #expect(app.state.page == page)
        }
    }
}

/// `?` on the page of what starting the year carried over opens the help, and Esc comes back.
@Suite("The help from the carry-over page")
struct CarryOverHelpTests {
    @Test("? on the carry-over page shows the help; Esc goes back to the carry-over page")
    func helpFromCarryOver() throws {
        let driver = try NextYear.driver(try NextYear.startedStore())
        if driver.state.page != .carryOver { driver.press(.character("F")) }
        #expect(driver.state.page == .carryOver)
        #expect(driver.screen.text(ofRow: 29).contains("? Hjälp"))
        driver.press(.character("?"))
        #expect(driver.state.page == .help)
        #expect(driver.text.contains(Strings.App.helpTitle))
        driver.press(.escape)
        #expect(driver.state.page == .carryOver)
    }
}
