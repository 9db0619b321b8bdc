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

    @Test("A bare number for a target of 95 % is saved as the number and shown with the unit: status, outline, detail, previous period")
    func bareNumberShownWithUnit() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let id = try store.addIndicator(name: "Andel nöjda besökare", under: "re-2021-em-01", target: "95 %", targetKind: .number,
                                        measureUnit: nil, periodicity: .tertial, direction: .higherIsBetter, in: AppDriver.plan)
        try store.startPeriod(.t1, in: AppDriver.plan)
        let driver = try AppDriver(period: .t1, store: store)
        try driver.select(containing: "Andel nöjda besökare")
        driver.press(.character("v"))
        driver.type("92")
        driver.press(.enter)
        #expect(try driver.plan.followUp(id, .t1).outcome == 92)
        #expect(driver.state.status?.text == "\(Strings.App.saved): 92 %")
        #expect(driver.selectedLine?.contains("92 % / 95 %") == true, "\(String(describing: driver.selectedLine))")

        // Opened again, the prompt holds the outcome as it is shown; Enter keeps it as it was.
        driver.press(.character("v"))
        guard case .prompt(let prompt)? = driver.state.modal else {
            Issue.record("v opened no prompt: \(String(describing: driver.state.modal))")
            return
        }
        #expect(prompt.text == "92 %")
        driver.press(.enter)
        #expect(try driver.plan.followUp(id, .t1).outcome == 92)

        // In T2, T1's outcome beside the current one, in the same unit.
        try store.startPeriod(.t2, in: AppDriver.plan)
        let t2 = try AppDriver(period: .t2, store: store)
        try t2.select(containing: "Andel nöjda besökare")
        #expect(t2.text.contains("\(Strings.outcome): 92 %"), "\(t2.text)")
    }
}
