import Foundation
import Testing
import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// Whole screens compared cell for cell with golden files in Tests/VPAppTests/Golden: the text
/// of every row, then every cell's style as a letter of a legend, then the cursor. A layout
/// change anywhere on the screen fails here.
///
/// After an intended change, look at the screens in a terminal, then record them again:
///
///     VP_TUI_RECORD_GOLDEN=1 swift test --filter Golden
///
/// and read the diff of the golden files before committing them (docs/TESTING.md).
@Suite("Whole screens against golden files", .temporaryFolders)
struct GoldenScreenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["VP_TUI_RECORD_GOLDEN"].map { $0 != "" && $0 != "0" } ?? false

    /// The screen as plain text: rows, a style per cell, the legend of the styles, the cursor.
    static func encode(_ screen: Screen) -> String {
        var legend: [Style] = []
        var text: [String] = []
        var styles: [String] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for row in 0..<screen.height {
            var line = ""
            var codes = ""
            for column in 0..<screen.width {
                let cell = screen[row, column]
                let index = legend.firstIndex(of: cell.style) ?? {
                    legend.append(cell.style)
                    return legend.count - 1
                }()
                codes.append(index < letters.count ? letters[index] : "?")
                if !cell.isContinuation { line.append(cell.character) }
            }
            text.append("|" + line + "|")
            styles.append(codes)
        }
        let legendLines = legend.enumerated().map { index, style in
            var parts = ["fg=\(style.foreground)", "bg=\(style.background)"]
            if style.bold { parts.append("bold") }
            if style.reverse { parts.append("reverse") }
            if style.underline { parts.append("underline") }
            if style.dim { parts.append("dim") }
            return "\(index < letters.count ? letters[index] : "?") \(parts.joined(separator: " "))"
        }
        let cursor = screen.cursor.map { "cursor \($0.row),\($0.column)" } ?? "cursor none"
        return (["size \(screen.width)x\(screen.height)", "-- text"] + text + ["-- styles"] + styles
                + ["-- legend"] + legendLines + [cursor]).joined(separator: "\n") + "\n"
    }

    /// Compares the screen with its golden file, or records it.
    static func check(_ screen: Screen, _ name: String) throws {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = encode(screen)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No golden file \(name).txt: record it with VP_TUI_RECORD_GOLDEN=1 swift test --filter Golden")
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("""
                \(name) differs from its golden file at line \((first?.offset ?? min(actualLines.count, expectedLines.count)) + 1):
                expected: \(first.map { String($0.element.1) } ?? "(end)")
                actual:   \(first.map { String($0.element.0) } ?? "(end)")
                Re-record after an intended change: VP_TUI_RECORD_GOLDEN=1 swift test --filter Golden
                """)
        }
    }

    /// A fixed moment, 14:05 local time, so that times on the screen do not depend on the clock.
    static let moment: Date = {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour, parts.minute) = (2026, 3, 2, 14, 5)
        return Calendar.current.date(from: parts)!
    }()

    @Test("Outline and details at 80×24 and 120×40", arguments: [(80, 24), (120, 40)])
    func outlineAndDetail(width: Int, height: Int) throws {
        let driver = try AppDriver(width: width, height: height)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        try Self.check(driver.screen, "outline-\(width)x\(height)")
    }

    @Test("An own activity in the plan (VP): its hints name adding, renaming and deleting")
    func ownActivityInThePlan() throws {
        let driver = try AppDriver(width: 80, height: 24, period: .vp)
        try driver.select(containing: "Aktivitet: Öppna förskolan ska genomföra brukarundersökning")
        try Self.check(driver.screen, "own-activity-vp-80x24")
    }

    @Test("The help page")
    func help() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("?"))
        try Self.check(driver.screen, "help-80x24")
    }

    @Test("The overview")
    func overview() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("o"))
        try Self.check(driver.screen, "overview-80x24")
    }

    @Test("The chooser: grouped, the periods in the order of the year with their states, the next to start",
          arguments: [(80, 24), (120, 40)])
    func chooser(width: Int, height: Int) throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database(), width: width, height: height)
        app.send(.down)
        try Self.check(app.render(), "chooser-\(width)x\(height)")
    }

    @Test("The chooser filtered, and its question before a period starts")
    func chooserFilteredAndAsking() throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database(), width: 80, height: 24)
        for character in "hemtj" { app.send(.character(character)) }
        try Self.check(app.render(), "chooser-filtered-80x24")
        app.send(.down)
        app.send(.down)
        app.send(.enter)
        try Self.check(app.render(), "chooser-start-80x24")
    }

    @Test("The editor")
    func editor() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("e"))
        driver.type(" Och mer.")
        try Self.check(driver.screen, "editor-80x24")
    }

    @Test("The conflict prompt")
    func conflict() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("e"))
        guard case .editor(var session)? = driver.state.modal else { Issue.record("e should open the editor"); return }
        session.editor.replaceText(with: "Min analys av gruppen.")
        var state = driver.state
        state.now = Self.moment
        state.modal = .conflict(Conflict(session: session, theirText: "Bertils analys av gruppen.", theirRevision: 7,
                                         changedBy: "bertil", changedAt: Self.moment.addingTimeInterval(-120)))
        try Self.check(View.render(state), "conflict-80x24")
    }

    @Test("The compact view")
    func compact() throws {
        let driver = try AppDriver(width: 80, height: 24, compact: true)
        try Self.check(driver.screen, "compact-80x24")
    }
}
