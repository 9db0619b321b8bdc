import Testing
@testable import PlanKit
@testable import VPApp

/// A question asked in the status line (or over the page) is read alone: the message that was
/// there before goes, and does not come back when the question is answered or cancelled.
@Suite("A new question takes the old message away")
struct AppQuestionStatusTests {
    /// The message Delete on an own goal gives in the VB.
    static let refusal = "tas bort i verksamhetsplanen (VP)"

    private func refused(_ driver: AppDriver) throws {
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.delete)
        #expect(driver.state.status?.isError == true)
        #expect(driver.text.contains(Self.refusal))
    }

    @Test("After a refusal, / asks for the search alone: its own keys on the hint line, no old error")
    func searchPromptAfterError() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try refused(driver)
        driver.press(.character("/"))
        #expect(driver.state.status == nil)
        #expect(!driver.text.contains(Self.refusal))
        #expect(driver.screen.text(ofRow: 23).contains("Avbryt"))
        driver.press(.escape)
        #expect(!driver.text.contains(Self.refusal))
    }

    @Test("After a refusal, b lists the ratings without the old message, nor does it come back on Esc")
    func pickerAfterError() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try refused(driver)
        driver.press(.character("b"))
        guard case .picker? = driver.state.modal else { Issue.record("no list opened"); return }
        #expect(driver.state.status == nil)
        #expect(!driver.text.contains(Self.refusal))
        driver.press(.escape)
        #expect(!driver.text.contains(Self.refusal))
    }

    @Test("After a message, the hand-in question stands alone in the status line")
    func handInQuestionAfterMessage() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("D"))
        #expect(driver.state.status != nil)
        driver.press(.character("L"))
        #expect(driver.state.modal != nil)
        #expect(driver.state.status == nil)
    }

    @Test("A mistake in a typed answer stays said while the same question stays open")
    func mistakeStaysWithItsQuestion() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        _ = try store.addIndicator(name: "Andel nöjda besökare", under: "re-2021-em-01", target: "95 %", targetKind: .number,
                                   measureUnit: nil, periodicity: .tertial, direction: .higherIsBetter, in: AppDriver.plan)
        let driver = try AppDriver(width: 80, height: 24, store: store)
        try driver.select(containing: "Andel nöjda besökare")
        driver.press(.character("v"))
        driver.type("abc")
        driver.press(.enter)
        guard case .prompt? = driver.state.modal else { Issue.record("the outcome question closed"); return }
        #expect(driver.state.status?.isError == true)
        driver.press(.enter)
        #expect(driver.state.status?.isError == true)
    }
}
