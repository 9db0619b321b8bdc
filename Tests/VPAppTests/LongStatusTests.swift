import Foundation
@testable import PlanKit
import PlanKitTestSupport
import Testing
@testable import VPApp

/// A status message longer than the status line is read whole at 80×24, and Esc takes it away.
@Suite("A long status message", .temporaryFolders)
struct LongStatusTests {
    /// What the app says when its background check finds the file damaged.
    static let damaged = StoreError.damaged(path: "/home/anna/planer/förskolan-solrosen-2021.sqlite",
                                            detail: "SQLite:s kontroll hittade 3 fel i filens struktur")
        .errorDescription ?? ""

    /// The screen's text from `top` to the status line, joined into one line as it is read.
    private func readText(_ screen: Screen, from top: Int) -> String {
        (top...(screen.height - 2)).map { screen.text(ofRow: $0).trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    @Test("At 80×24 the damaged-file message is shown whole, wrapped above the status line, and Esc removes it")
    func damagedMessageAt80x24() throws {
        let driver = try AppDriver(width: 80, height: 24)
        #expect(DisplayWidth.of(Self.damaged) > 78)
        var state = driver.state
        state.status = StatusMessage(Self.damaged, isError: true)
        let screen = View.render(state)
        let lines = try #require(View.longStatusLines(state, Layout(state)))
        #expect(lines.count >= 3)
        let top = screen.height - 2 - lines.count + 1
        // Every word of the message, in order, and nothing cut off.
        let shown = readText(screen, from: top)
        #expect(shown == Self.damaged.split(separator: " ").joined(separator: " "), "\(shown)")
        #expect(!shown.contains("…"))
        #expect(screen.text(ofRow: top - 1).contains("Esc tar bort meddelandet"))
        // The hint line stays, and the header.
        #expect(screen.text(ofRow: 0) == View.render(driver.state).text(ofRow: 0))
        #expect(screen.text(ofRow: 23) == View.render(driver.state).text(ofRow: 23))
    }

    /// A plan database with one page near its end overwritten: it opens, and only SQLite's
    /// check finds the damage (as in the app's damage tests).
    static func damagedDatabase() throws -> String {
        let directory = TemporaryFolders.make("vp-tui-long-status")
        let path = directory.appendingPathComponent("plan.sqlite").path
        do {
            let store = try PlanStore(path: path, login: "anna")
            try BundledSamples.load(into: store)
            try store.executeForTesting("CREATE TABLE padding (text TEXT)")
            try store.executeForTesting("INSERT INTO padding SELECT printf('%.500c', 'x') FROM item")
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let pages = try handle.seekToEnd() / 4096
        var generator = SplitMix64(seed: 13)
        try handle.seek(toOffset: (pages - 2) * 4096)
        try handle.write(contentsOf: Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }))
        try handle.close()
        return path
    }

    @Test("Through the app at 80×24: the damaged file is said whole, stays until Esc, then the page is whole again")
    func damagedFileThroughTheApp() throws {
        let path = try Self.damagedDatabase()
        let driver = try AppDriver(width: 80, height: 24, store: try PlanStore(path: path, login: "anna"))
        for _ in 0..<100 where driver.state.status == nil {
            driver.app.tick()
            if driver.state.status == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let message = try #require(driver.state.status?.text)
        #expect(message.contains("är skadad"))
        let screen = driver.screen
        let lines = try #require(View.longStatusLines(driver.state, Layout(driver.state)))
        // Compared without spaces: the file's path, longer than a line in a long temporary
        // folder, is broken inside a word.
        #expect(readText(screen, from: 22 - lines.count + 1).filter { !$0.isWhitespace } == message.filter { !$0.isWhitespace })
        driver.press(.escape)
        #expect(driver.state.status == nil)
        #expect(!driver.text.contains("skadad"))
        #expect(driver.screen.text(ofRow: 21).trimmingCharacters(in: .whitespaces).first != "─")
    }

    @Test("A message that fits stays on the status line alone")
    func shortMessage() throws {
        let driver = try AppDriver(width: 80, height: 24)
        var state = driver.state
        state.status = StatusMessage("Sparat", isError: false)
        #expect(View.longStatusLines(state, Layout(state)) == nil)
        let screen = View.render(state)
        #expect(screen.text(ofRow: 22).trimmingCharacters(in: .whitespaces) == "Sparat")
        #expect(screen.text(ofRow: 21) == View.render(driver.state).text(ofRow: 21))
    }

    @Test("With the editor open the message does not cover the text; the status line shows its start")
    func notOverTheEditor() throws {
        let driver = try AppDriver(width: 80, height: 24)
        try driver.select(containing: "Enhetsmål")
        driver.press(.character("e"))
        guard case .editor? = driver.state.modal else { Issue.record("e did not open the editor"); return }
        var state = driver.state
        state.status = StatusMessage(Self.damaged, isError: true)
        #expect(View.longStatusLines(state, Layout(state)) == nil)
        #expect(View.render(state).text(ofRow: 22).contains(String(Self.damaged.prefix(20))))
    }
}
