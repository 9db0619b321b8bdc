import PlanKit
import Testing
@testable import VPApp

@Suite("The compact view")
struct AppCompactViewTests {
    /// The screen row marked by the selection arrow, and how many rows carry it.
    private func arrowRows(_ screen: Screen, arrow: String = "▶") -> [Int] {
        (1..<(screen.height - 2)).filter { screen.text(ofRow: $0).hasPrefix(arrow) }
    }

    private func arrowRowText(_ screen: Screen) -> String {
        arrowRows(screen).first.map { screen.text(ofRow: $0) } ?? ""
    }

    private func changedCells(_ before: Screen, _ after: Screen) -> [(row: Int, column: Int)] {
        var changed: [(row: Int, column: Int)] = []
        for row in 0..<before.height {
            for column in 0..<before.width where before[row, column] != after[row, column] {
                changed.append((row, column))
            }
        }
        return changed
    }

    @Test("--compact: no detail pane, the selection is an arrow in the margin, and a move changes only the two arrow cells")
    func arrowInsteadOfReverseVideo() throws {
        let driver = try AppDriver(width: 140, height: 40, compact: true)
        #expect(driver.state.compact)
        // Wide enough for the side-by-side detail pane, yet none is drawn.
        #expect(!driver.text.contains("│"))
        #expect(!driver.text.contains("Beskrivning"))
        #expect(driver.screen.selectedRowText == nil)
        driver.press(.home)
        for _ in 0..<40 where !arrowRowText(driver.screen).contains("Aktivitet: Förvaltningens introduktionsförskola") {
            driver.press(.down)
        }
        let before = driver.screen
        let row = try #require(arrowRows(before).first)
        #expect(before.text(ofRow: row).contains("Aktivitet: Förvaltningens introduktionsförskola"))
        #expect(arrowRows(before).count == 1)
        // The next line is another activity: the key hints stay as they were.
        driver.press(.down)
        let after = driver.screen
        #expect(arrowRows(after) == [row + 1])
        #expect(after.text(ofRow: row + 1).contains("Aktivitet: Förvaltningens resursenhet"))
        let changed = changedCells(before, after)
        #expect(changed.count == 2)
        #expect(changed.allSatisfy { $0.column == 0 && ($0.row == row || $0.row == row + 1) })
        // d still shows the selected line's details, on the whole screen: what the compact
        // outline does not show (who wrote the line, its texts).
        #expect(!after.text.contains("ärvt från nämnden"))
        driver.press(.character("d"))
        #expect(driver.state.page == .detail)
        #expect(driver.text.contains("ärvt från nämnden"))
        #expect(driver.text.split(separator: "\n")[1].contains("Förvaltningens resursenhet"))
    }

    @Test("D switches the compact view on and off, says so, and keeps the selection in sight")
    func toggling() throws {
        let driver = try AppDriver(width: 100, height: 30)
        #expect(!driver.state.compact)
        #expect(driver.text.contains("─"))
        driver.press(.character("D"))
        #expect(driver.state.compact)
        #expect(driver.text.contains("Kompakt visning: ingen detaljruta"))
        #expect(!driver.text.contains("─"))
        // Far down the full-height outline, below where the stacked outline ends.
        for _ in 0..<24 { driver.press(.down) }
        let selected = try #require(arrowRows(driver.screen).first)
        #expect(selected > Layout(width: 100, height: 30).outline.height)
        driver.press(.character("D"))
        #expect(!driver.state.compact)
        #expect(driver.text.contains("Detaljrutan visas igen"))
        #expect(driver.text.contains("─"))
        #expect(driver.screen.selectedRowText != nil)
        #expect(arrowRows(driver.screen).isEmpty)
    }

    @Test("Without UTF-8 the arrow is >")
    func asciiArrow() throws {
        let driver = try AppDriver(unicode: false, compact: true)
        #expect(arrowRows(driver.screen, arrow: ">").count == 1)
        #expect(!driver.text.contains("▶"))
    }
}
