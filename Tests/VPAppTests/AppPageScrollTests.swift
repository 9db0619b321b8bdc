import Testing
import PlanKit
@testable import VPApp

/// The help and detail pages scroll no further than their last line: the keys back up move the
/// page at once, however long a key down was held.
@Suite("Scrolling the help and detail pages stops at their end")
struct AppPageScrollTests {
    @Test("j held on the detail page stops with the last line at the bottom; one k then moves the page")
    func detailStopsAtItsEnd() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("d"))
        for _ in 0..<500 { driver.press(.character("j")) }
        let atEnd = driver.screen
        #expect(!atEnd.text(ofRow: 1).trimmingCharacters(in: .whitespaces).isEmpty, "the page is scrolled blank:\n\(atEnd.text)")
        driver.press(.character("k"))
        #expect(driver.screen.text(ofRow: 2) == atEnd.text(ofRow: 1), "one k moves the page one line:\n\(driver.text)")
    }

    @Test("PgDn held on the help page stops at its last screenful; one ↑ then moves the page")
    func helpStopsAtItsEnd() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("?"))
        for _ in 0..<30 { driver.press(.pageDown) }
        let atEnd = driver.text
        #expect(atEnd.contains(Strings.App.helpFooter.prefix(20)))
        driver.press(.up)
        #expect(driver.text != atEnd, "one ↑ moves the page")
        driver.press(.down)
        #expect(driver.text == atEnd)
    }
}
