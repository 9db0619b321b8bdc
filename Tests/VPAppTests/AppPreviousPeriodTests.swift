import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

@Suite("The previous period beside the current one")
struct AppPreviousPeriodTests {
    @Test("In T2 the detail pane shows what T1 said of the selected own goal: its rating and analysis")
    func previousBeside() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let ref = AppDriver.plan
        try store.startPeriod(.t1, in: ref)
        try store.setRating(.partly, goal: "re-2021-em-01", period: .t1, in: ref)
        try store.setAnalysis("Barngruppen har arbetat med delaktighet.", item: "re-2021-em-01", period: .t1, in: ref)
        try store.startPeriod(.t2, in: ref)
        let driver = try AppDriver(width: 120, height: 40, period: .t2, store: store)
        for _ in 0..<400 where driver.state.selectedItem?.id != "re-2021-em-01" { driver.press(.down) }
        #expect(driver.state.selectedItem?.id == "re-2021-em-01")
        let text = driver.text
        #expect(text.contains("I T1 (förra perioden)"))
        #expect(text.contains("Uppfylls delvis"))
        #expect(text.contains("Barngruppen har arbetat med delaktighet."))

        // In T1 there is no previous follow-up period to show.
        let first = try AppDriver(width: 120, height: 40, period: .t1, store: store)
        for _ in 0..<400 where first.state.selectedItem?.id != "re-2021-em-01" { first.press(.down) }
        #expect(!first.text.contains("förra perioden"))
    }
}
