import Testing
import PlanKit
@testable import VPApp

/// The list of what stops a hand-in takes Home and End as the other lists do.
@Suite("Home and End in the list of gaps")
struct YearListHomeEndTests {
    @Test("In L's list of gaps End goes to the last gap and Enter there; Home to the first")
    func gaps() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try store.startPeriod(.t1, in: AppDriver.plan)
        let driver = try AppDriver(width: 100, height: 30, period: .t1, store: store)
        driver.press(.character("L"))
        guard case .year(.list(let list))? = driver.state.modal, case .gaps(let targets) = list.kind else {
            Issue.record("no list of gaps: \(String(describing: driver.state.modal))"); return
        }
        #expect(targets.count > 2)
        driver.press(.end)
        guard case .year(.list(let atEnd))? = driver.state.modal else { Issue.record("the list closed"); return }
        #expect(atEnd.index == targets.count - 1)
        driver.press(.home)
        guard case .year(.list(let atStart))? = driver.state.modal else { Issue.record("the list closed"); return }
        #expect(atStart.index == 0)
        driver.press(.end, .enter)
        #expect(driver.state.modal == nil)
        #expect(driver.state.selection == targets.last)
    }
}
