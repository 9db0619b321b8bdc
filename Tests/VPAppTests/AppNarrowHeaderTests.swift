import Testing
import PlanKit
@testable import VPApp

/// In a narrow window the header keeps the count of what is missing; the title gives way.
@Suite("The header in a narrow window")
struct AppNarrowHeaderTests {
    @Test("At 60 columns the T1's count of what is missing stays, the title in its short form before it")
    func countStaysAt60() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try store.startPeriod(.t1, in: AppDriver.plan)
        let driver = try AppDriver(width: 60, height: 20, period: .t1, store: store)
        let count = driver.state.missingTargets.count
        #expect(count > 1)
        let header = driver.screen.text(ofRow: 0)
        #expect(header.contains(Strings.App.missingCount(count)), "\(header)")
        #expect(header.hasPrefix(" Resursenheten · T1 2021 "), "\(header)")
    }

    @Test("Where the whole title fits beside the count, both are whole")
    func wholeAt80() throws {
        let driver = try AppDriver(width: 80, height: 24)
        let header = driver.screen.text(ofRow: 0)
        #expect(header.contains("Resursenheten · Verksamhetsberättelse 2021 (VB)"), "\(header)")
        #expect(!header.contains("…"), "\(header)")
    }
}
