import Foundation
import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

/// The chooser says to import the board's goals before next year's plan can start; once they
/// are imported (by another program, while the chooser is open), Enter finds them.
@Suite("Next year's goals imported while the chooser is open", .temporaryFolders)
struct ChooserImportedMeanwhileTests {
    @Test("Enter on next year's plan after the goals were imported elsewhere asks to start it")
    func importedMeanwhile() throws {
        let path = TemporaryFolders.make("vp-tui-chooser-import").appendingPathComponent("plan.sqlite").path
        try BundledSamples.load(into: try PlanStore(path: path, login: "setup"))
        let driver = try AppDriver(store: try PlanStore(path: path, login: "anna"))
        driver.press(.character("t"), .end, .enter)
        #expect(driver.state.chooser.notice?.contains("Nämndens mål för 2022 finns inte i databasen") == true)
        #expect(driver.state.modal == nil)
        driver.press(.escape)
        #expect(driver.state.chooser.notice == nil)

        // As `vp-tui import-text … --year 2022` in another window would.
        let other = try PlanStore(path: path, login: "import")
        try other.importRecords(try NextYearCascade.make(from: other), name: "nämnden 2022")

        driver.press(.enter)
        #expect(driver.state.chooser.notice == nil, "\(driver.state.chooser.notice ?? "")")
        guard case .confirmStart(let request)? = driver.state.modal else {
            Issue.record("no question to start the plan: \(String(describing: driver.state.modal))")
            return
        }
        #expect(request.period == .vp && request.year == 2022)
        #expect(driver.text.contains("Starta verksamhetsplanen 2022 för Resursenheten?"))
    }
}
