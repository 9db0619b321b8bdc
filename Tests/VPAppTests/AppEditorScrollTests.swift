import Foundation
import PlanKit
import Testing
@testable import VPApp

/// The editor in the app scrolls as the editor alone does: the view moves only when the
/// cursor would leave it, so moving up from the last row moves the cursor, not the text.
@Suite("The editor's view in the app")
struct AppEditorScrollTests {
    @Test("Up from the bottom row moves the cursor up the screen; Page Up shows the page before")
    func viewStaysPut() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Gruppen")
        driver.press(.character("e"))
        // Sixty short paragraphs: far more than the screen holds; the cursor starts at the end.
        driver.press(.paste((1...60).map { "Rad \($0)" }.joined(separator: "\n")))
        let bottom = try #require(driver.screen.cursor).row
        #expect(driver.text.contains("Rad 60"))
        driver.press(.up, .up, .up)
        #expect(driver.screen.cursor?.row == bottom - 3)
        #expect(driver.text.contains("Rad 60"))
        // Page Up: the cursor goes a page up, and the view with it, so "Rad 60" is gone.
        driver.press(.pageUp)
        #expect(!driver.text.contains("Rad 60"))
        #expect(driver.screen.cursor?.row == bottom - 3)
    }

    @Test("A line that fills the editor's width: the cursor after it stands in the free column right of the text, not on its last letter")
    func cursorAfterAFullLine() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try driver.select(containing: "Enhetsmål: Gruppen")
        driver.press(.character("e"))
        // Before the analysis already there, a paragraph of its own exactly as wide as the text area.
        driver.press(.ctrlHome, .paste("\n"), .up)
        let line = String(repeating: "å", count: 78)
        driver.press(.paste(line))
        let cursor = try #require(driver.screen.cursor)
        #expect(cursor.column == 79)
        #expect(driver.screen[cursor.row, 78].character == "å")
        #expect(driver.screen[cursor.row, 1].character == "å")
    }
}
