import Testing
import PlanKit
@testable import VPApp

@Suite("The header's right end says the report's state")
struct AppHeaderStateTests {
    @Test("A handed-in report says Inlämnad in the header, as the chooser does; opened again it says Komplett")
    func handedIn() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        try store.submit(AppDriver.plan, period: .vb)
        let driver = try AppDriver(width: 80, height: 24, store: store)
        let header = { driver.text.components(separatedBy: "\n")[0] }
        #expect(header().hasSuffix("Inlämnad"))
        #expect(!header().contains("Komplett"))
        driver.press(.character("L"))
        driver.type("Fel siffra")
        driver.press(.enter)
        #expect(driver.state.handIn == nil)
        #expect(header().hasSuffix("Komplett"))
    }
}
