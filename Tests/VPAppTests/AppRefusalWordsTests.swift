import Testing
import PlanKit
@testable import VPApp

/// What the status line says when a key cannot be used on the selected line: it names what the
/// key would do, so that the user learns where to do it.
@Suite("The words of a refused key")
struct AppRefusalWordsTests {
    @Test("Delete on an own goal in the VB says goals are removed in the VP, not that they are added there")
    func deleteInFollowUp() throws {
        let driver = try AppDriver(period: .vb)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.delete)
        #expect(driver.text.contains("tas bort i verksamhetsplanen (VP)"))
        #expect(!driver.text.contains("läggs till"))
        #expect(try driver.plan.items["re-2021-em-01"] != nil)
    }
}
