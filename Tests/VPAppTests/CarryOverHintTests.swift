import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The carry-over page hints Delete and Enter only on a line where they do something: Delete
/// lets go of an item waiting to be placed, Enter places it or shows a carried item in the plan.
@Suite("The carry-over page's key hints")
struct CarryOverHintTests {
    static func hintLine(_ driver: AppDriver) -> String {
        let screen = driver.screen
        return screen.text(ofRow: screen.height - 1)
    }

    @Test("Delete Släpp is hinted on a waiting item only, and not at all once nothing waits", arguments: [(80, 24), (60, 20)])
    func deleteHintedOnlyWhereItDrops(size: (width: Int, height: Int)) throws {
        let store = try NextYear.startedStore()
        let driver = try NextYear.driver(store, width: size.width, height: size.height)
        #expect(driver.state.page == .carryOver && driver.state.selectedCarryOver?.outcome == .needsPlacing)
        #expect(Self.hintLine(driver).contains("Delete Släpp"), "\(Self.hintLine(driver))")
        #expect(Self.hintLine(driver).contains("Enter Placera/visa"))

        // A line that followed along: Enter shows it in the plan, Delete does nothing.
        driver.press(.down)
        #expect(driver.state.selectedCarryOver?.outcome == .placed)
        #expect(!Self.hintLine(driver).contains("Släpp"), "\(Self.hintLine(driver))")
        #expect(Self.hintLine(driver).contains("Enter Placera/visa"))
        driver.press(.delete)
        #expect(driver.state.modal == nil && driver.state.status?.text == Strings.App.onlyHeldCanDrop)

        // The waiting item let go: nothing waits any more, and neither key is hinted on its line.
        driver.press(.up, .delete, .character("j"))
        #expect(driver.state.selectedCarryOver?.outcome == .dropped)
        for index in driver.state.carryOver.indices {
            while driver.state.year.carryOverIndex < index { driver.press(.down) }
            #expect(!Self.hintLine(driver).contains("Släpp"), "line \(index): \(Self.hintLine(driver))")
        }
    }

    @Test("Enter is not hinted on an item that was let go, and says why when pressed")
    func enterNotHintedOnDropped() throws {
        let store = try NextYear.startedStore()
        let driver = try NextYear.driver(store)
        driver.press(.delete, .character("j"))
        #expect(driver.state.selectedCarryOver?.outcome == .dropped)
        #expect(!Self.hintLine(driver).contains("Enter"), "\(Self.hintLine(driver))")
        driver.press(.enter)
        #expect(driver.state.page == .carryOver && driver.state.modal == nil)
        #expect(driver.state.status?.text == Strings.App.carriedNotInPlan)
        #expect(driver.text.contains("Posten finns inte i årets plan"))
    }
}
