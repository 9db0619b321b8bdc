import Foundation
import PlanKit
import Testing
@testable import VPApp

/// A one-line question answered with nothing says what happens: it asks again, or says what was removed.
@Suite("Questions answered with nothing")
struct AppEmptyAnswerTests {
    @Test("X with the path cleared and Enter keeps asking and says a path is needed")
    func exportWithoutPath() throws {
        let driver = try AppDriver(period: .vb)
        driver.press(.character("X"))
        driver.press(.control("u"))
        driver.press(.enter)
        guard case .prompt(let prompt)? = driver.state.modal, case .exportPath = prompt.kind else {
            Issue.record("the question closed without a word: \(String(describing: driver.state.modal))")
            return
        }
        #expect(driver.text.contains(Strings.App.pathNeeded))
        driver.press(.escape)
        #expect(driver.state.modal == nil)
    }

    @Test("v with the outcome cleared removes it and says so, not only Sparat")
    func outcomeCleared() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let id = try store.addIndicator(name: "Andel nöjda besökare", under: "re-2021-em-01", target: "95 %", targetKind: .number,
                                        measureUnit: "%", periodicity: .tertial, direction: .higherIsBetter, in: AppDriver.plan)
        try store.startPeriod(.t1, in: AppDriver.plan)
        let driver = try AppDriver(period: .t1, store: store)
        try driver.select(containing: "Andel nöjda besökare")
        driver.press(.character("v"))
        driver.type("92")
        driver.press(.enter)
        #expect(try driver.plan.followUp(id, .t1).outcome == 92)
        driver.press(.character("v"), .control("u"), .enter)
        #expect(try driver.plan.followUp(id, .t1).outcome == nil)
        #expect(driver.state.status?.text == Strings.App.outcomeCleared)
    }
}
