import Foundation
import PlanKit
import Testing
@testable import VPApp

/// The outcome prompt reads what is typed by PlanKit's one rule.
@Suite("Outcomes typed in the app")
struct AppOutcomeTests {
    @Test("\"85,5 %\" is taken where the target is in percent; 1 234,5 % is refused with the reason")
    func percent() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let file = #"{"format":"vp-tui-plan","version":1,"plans":[{"unit":"resursenheten","year":2021,"board":"hagersten-alvsjo","periods":["vp","t1","vb"],"inherits":["ha-2021-nm-01","ha-2021-nm-01-i01"]}]}"#
        try store.importData(Data(file.utf8), name: "t1.json")
        let driver = try AppDriver(period: .vb, store: store)
        try driver.select(containing: "Indikator:")
        driver.press(.character("v"))
        driver.type("1 234,5")
        driver.press(.enter)
        #expect(driver.state.status?.text.contains("mellan 0 och 100") == true, "\(String(describing: driver.state.status))")
        #expect(try driver.plan.followUp("ha-2021-nm-01-i01", .vb).outcome == nil)
        driver.press(.control("u"))
        driver.type("85,5 %")
        driver.press(.enter)
        #expect(try driver.plan.followUp("ha-2021-nm-01-i01", .vb).outcome == 85.5, "\(String(describing: driver.state.status))")
    }
}
