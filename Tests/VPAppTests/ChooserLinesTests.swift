import Foundation
import Testing
@testable import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// The chooser's lines are drawn once and kept while what they show is the same (ChooserLines):
/// every frame must be the one drawn afresh.
@Suite("The chooser's lines kept between frames", .temporaryFolders)
struct ChooserLinesTests {
    /// The app's frame against the same state drawn with nothing kept.
    func expectFresh(_ app: AppController, _ step: String) {
        var fresh = app.state
        fresh.chooser.lines = ChooserLines()
        let kept = app.render()
        let drawn = View.render(fresh)
        let same = kept == drawn
        #expect(same, "\(step):\n\(kept.text)\n--- drawn afresh:\n\(drawn.text)")
    }

    @Test("Moving, the period states coming in, filtering, another size and another terminal draw what a fresh frame draws")
    func framesAsDrawnAfresh() throws {
        let store = try PlanStore(path: try ChooserFixture.database(), login: "anna")
        let app = try AppController(store: store, width: 100, height: 30)
        // Drawn before the period states are read: their lines change when the states come in.
        expectFresh(app, "before the states")
        app.finishStartup()
        app.waitForBackgroundWork()
        expectFresh(app, "the states read")
        #expect(app.render().text.contains("komplett"))
        for step in 0..<8 {
            app.send(.down)
            expectFresh(app, "down \(step)")
        }
        for step in 0..<3 {
            app.send(.up)
            expectFresh(app, "up \(step)")
        }
        for character in "hem" {
            app.send(.character(character))
            expectFresh(app, "filter \(character)")
        }
        app.send(.backspace)
        expectFresh(app, "backspace")
        app.send(.escape)
        expectFresh(app, "filter cleared")
        app.send(.resize(width: 64, height: 14))
        expectFresh(app, "narrower")
        app.send(.end)
        expectFresh(app, "end")
        app.attach(width: 64, height: 14, unicode: false, colors: false)
        expectFresh(app, "plain terminal")
        app.send(.home)
        expectFresh(app, "home")
    }
}
