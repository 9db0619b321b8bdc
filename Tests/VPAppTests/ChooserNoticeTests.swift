import Foundation
import Testing
@testable import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// A message box over the chooser (how to import next year's goals): the next key closes it and
/// does nothing else, and the box and the hint line say so rather than offer keys that do not act.
@Suite("A message over the chooser", .temporaryFolders)
struct ChooserNoticeTests {
    /// Opens the message on next year's plan, whose board goals are missing.
    static func showNotice(_ app: AppController) throws {
        try ChooserTests.select(app, containing: "2022  VP: nämndens mål saknas")
        app.send(.enter)
        try #require(app.state.chooser.notice != nil)
    }

    static func hintLine(_ app: AppController) -> String {
        let screen = app.render()
        return screen.text(ofRow: screen.height - 1)
    }

    @Test("The box and the hint line say that any key closes the message, and offer nothing else", arguments: [(80, 24), (60, 20)])
    func saysWhatTheKeyDoes(size: (width: Int, height: Int)) throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database(), width: size.width, height: size.height)
        #expect(Self.hintLine(app).contains("Filtrera"))
        try Self.showNotice(app)
        let text = app.render().text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(text.contains("Tryck på valfri tangent för att stänga meddelandet."), "\(app.render().text)")
        let hints = Self.hintLine(app)
        #expect(hints.contains("Valfri tangent Stäng meddelandet"), "\(hints)")
        for offered in ["Filtrera", "Öppna", "Rensa", "Avsluta", "Nämnd/avd."] {
            #expect(!hints.contains(offered), "\(hints)")
        }
        app.send(.character("x"))
        #expect(Self.hintLine(app).contains("Filtrera"))
    }

    @Test("The key that closes the message does nothing else", arguments: [
        KeyEvent.character("x"), .enter, .down, .up, .end, .backspace, .escape, .control("c"), .control("n"), .character("?"),
    ])
    func keyOnlyCloses(key: KeyEvent) throws {
        let app = try ChooserFixture.app(path: try ChooserFixture.database())
        try Self.showNotice(app)
        let index = app.state.chooser.index
        let requests = app.send(key)
        #expect(requests.isEmpty)
        #expect(app.state.chooser.notice == nil)
        #expect(app.state.page == .chooser && app.state.modal == nil)
        #expect(app.state.chooser.index == index && app.state.chooser.filter.isEmpty)
    }
}
