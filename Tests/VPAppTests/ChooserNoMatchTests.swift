import Testing
import PlanKit
@testable import VPApp

/// A filter that matches nothing says so, and how to go on, whole at 80 columns.
@Suite("The chooser's filter matching nothing")
struct ChooserNoMatchTests {
    @Test("At 80×24 and 60×20 the message names the filter and ends with what Esc does")
    func wholeMessage() throws {
        for (width, height) in [(80, 24), (60, 20)] {
            let driver = try AppDriver(width: width, height: height, period: nil)
            #expect(driver.state.page == .chooser)
            driver.type("älvsjö förskolorna")
            let text = driver.text
            #expect(text.contains("Ingen enhet, avdelning eller nämnd"), "\(text)")
            #expect(text.contains("Esc rensar."), "\(width)×\(height): \(text)")
            #expect(!text.contains("…"), "\(text)")
        }
    }
}

/// The row of next year's plan whose board goals are missing is read whole in a narrow window.
@Suite("The chooser at 60 columns")
struct ChooserNarrowTests {
    @Test("At 60×20 the row says the goals are missing and that Enter shows how to import them, uncut")
    func cascadeMissingRowWhole() throws {
        let driver = try AppDriver(width: 60, height: 20, period: nil)
        let row = try #require(driver.text.split(separator: "\n").first { $0.contains("nämndens mål saknas") })
        #expect(row.contains("(Enter visar hur)"), "\(row)")
        #expect(!row.contains("…"), "\(row)")
    }
}
