import Testing
import PlanKit
@testable import VPApp

/// Undo and redo say what they changed: the edit log outlives the sitting, so `u` may take
/// back a change made long before.
@Suite("The words of undo and redo")
struct AppUndoWordsTests {
    @Test("u after a rating says the rating of which goal was taken back; Ctrl-R that it was made again")
    func rating() throws {
        let driver = try AppDriver(width: 140, height: 30)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("2"))
        driver.press(.character("u"))
        #expect(driver.state.status?.text.hasPrefix("Ångrat: bedömning – Gruppen är en tillgång") == true,
                "\(String(describing: driver.state.status))")
        driver.press(.control("r"))
        #expect(driver.state.status?.text.hasPrefix("Gjort om: bedömning – Gruppen är en tillgång") == true,
                "\(String(describing: driver.state.status))")
    }

    @Test("Undoing a new own goal names it, though it is gone from the plan; redoing it too")
    func addedGoal() throws {
        let driver = try AppDriver(width: 140, height: 30, period: .vp)
        try driver.select(containing: "Nämndmål: Alla barn i förskolan utvecklar")
        driver.press(.character("+"))
        driver.type("Läsning på modersmål")
        driver.press(.enter)
        driver.press(.character("u"))
        #expect(driver.state.status?.text == "Ångrat: posten – Läsning på modersmål", "\(String(describing: driver.state.status))")
        driver.press(.control("r"))
        #expect(driver.state.status?.text == "Gjort om: posten – Läsning på modersmål", "\(String(describing: driver.state.status))")
    }
}
