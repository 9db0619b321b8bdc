import Testing
import PlanKit
@testable import VPApp

@Suite("The help asked for in the chooser")
struct ChooserHelpTests {
    @Test("? in the chooser shows the chooser's keys first: typing filters, Enter, Ctrl-N Ctrl-A to the board's table")
    func chooserKeysFirst() throws {
        let driver = try AppDriver(width: 80, height: 24, period: nil)
        #expect(driver.state.page == .chooser)
        driver.press(.character("?"))
        #expect(driver.state.page == .help)
        let text = driver.text
        #expect(text.contains(Strings.Chooser.helpGroup), "\(text)")
        #expect(text.contains("Ctrl-N Ctrl-A"), "\(text)")
        #expect(text.contains(Strings.Chooser.typeKey), "\(text)")
        driver.press(.escape)
        #expect(driver.state.page == .chooser)
    }

    @Test("The plan page's help lists the chooser's keys too, after its own")
    func planHelpListsThem() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("?"))
        let first = driver.text
        #expect(!first.contains(Strings.Chooser.helpGroup))
        var seen = false
        for _ in 0..<20 where !seen {
            driver.press(.pageDown)
            seen = driver.text.contains(Strings.Chooser.helpGroup)
        }
        #expect(seen)
    }
}
