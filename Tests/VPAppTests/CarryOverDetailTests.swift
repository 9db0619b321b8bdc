import Testing
import PlanKit
@testable import VPApp

@Suite("The carry-over list's detail at 80×24 and 60×20")
struct CarryOverDetailTests {
    @Test("The selected entry's detail is shown whole, with what Enter and Delete do at its end", arguments: [(80, 24), (60, 20)])
    func detailWhole(size: (Int, Int)) throws {
        let store = try NextYear.startedStore()
        let driver = try NextYear.driver(store, width: size.0, height: size.1)
        #expect(driver.state.page == .carryOver)
        // The waiting goal: its detail ends with what Enter and Delete do.
        let flat = driver.text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("Delete släpper den."), "\(driver.text)")
        for _ in 0..<10 {
            driver.press(.down)
            let flat = driver.text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            if flat.contains("Står nu under") { #expect(flat.contains("Enter visar den i planen."), "\(driver.text)") }
        }
    }
}
