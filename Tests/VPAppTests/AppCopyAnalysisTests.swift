import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

@Suite("Copying the previous period's analysis")
struct AppCopyAnalysisTests {
    static let goal = "re-2021-em-01"
    static let t1Text = "Barngruppen har arbetat med delaktighet."

    /// A plan with T1 (the goal's analysis written) and T2 started, opened in T2 on the goal.
    func t2Driver(current: String?) throws -> AppDriver {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let ref = AppDriver.plan
        try store.startPeriod(.t1, in: ref)
        try store.setAnalysis(Self.t1Text, item: Self.goal, period: .t1, in: ref)
        try store.startPeriod(.t2, in: ref)
        if let current { try store.setAnalysis(current, item: Self.goal, period: .t2, in: ref) }
        let driver = try AppDriver(width: 100, height: 30, period: .t2, store: store)
        for _ in 0..<400 where driver.state.selectedItem?.id != Self.goal { driver.press(.down) }
        #expect(driver.state.selectedItem?.id == Self.goal)
        return driver
    }

    @Test("K on an empty analysis copies T1's in as an ordinary change, which u undoes")
    func copyIntoEmpty() throws {
        let driver = try t2Driver(current: nil)
        #expect(driver.text.contains("K Kopiera förra"))
        driver.press(.character("K"))
        #expect(try driver.plan.followUp(Self.goal, .t2).analysis == Self.t1Text)
        #expect(driver.state.plan?.followUp(Self.goal, .t2).analysis == Self.t1Text)
        #expect(driver.state.status?.text == Strings.App.copiedAnalysis(from: .t1))
        driver.press(.character("u"))
        #expect(try driver.plan.followUp(Self.goal, .t2).analysis == "")
    }

    @Test("K on an analysis already written opens the editor with T1's after it; nothing is saved until the person saves")
    func appendToWritten() throws {
        let driver = try t2Driver(current: "Egen text i T2.")
        driver.press(.character("K"))
        guard case .editor(let session)? = driver.state.modal else { Issue.record("no editor"); return }
        #expect(session.editor.text == "Egen text i T2.\n\n" + Self.t1Text)
        #expect(try driver.plan.followUp(Self.goal, .t2).analysis == "Egen text i T2.")
        // Esc saves what the editor holds: both texts.
        driver.press(.escape)
        #expect(try driver.plan.followUp(Self.goal, .t2).analysis == "Egen text i T2.\n\n" + Self.t1Text)
    }

    @Test("K is refused (and not hinted) where the previous period has no analysis, and in T1")
    func refusedWithoutPrevious() throws {
        let driver = try t2Driver(current: nil)
        // Only the first own goal had an analysis written in T1.
        for _ in 0..<400 where driver.state.selectedItem?.id != "re-2021-em-02" { driver.press(.down) }
        #expect(driver.state.selectedItem?.id == "re-2021-em-02")
        #expect(YearRules.copyAnalysis(driver.state) == .refused(Strings.App.noPreviousAnalysis))
        #expect(!driver.text.contains("K Kopiera förra"))
        driver.press(.character("K"))
        #expect(driver.state.modal == nil)
        #expect(driver.state.status?.text == Strings.App.noPreviousAnalysis)
        #expect(try driver.plan.followUp("re-2021-em-02", .t2).analysis == "")
        let t1 = try AppDriver(width: 100, height: 30, period: .t1, store: driver.store)
        for _ in 0..<400 where t1.state.selectedItem?.id != Self.goal { t1.press(.down) }
        t1.press(.character("K"))
        #expect(t1.state.status?.isError == true)
        #expect(try t1.plan.followUp(Self.goal, .t1).analysis == Self.t1Text)
    }
}
