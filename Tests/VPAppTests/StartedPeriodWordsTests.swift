import Foundation
import Testing
@testable import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// Starting the next period says where what the period before said is shown: beside the outline
/// only where the detail pane stands beside it; below it on a narrower screen; with d in the
/// compact view, which has no detail pane.
@Suite("Where the period before is shown, as said on starting a period", .temporaryFolders)
struct StartedPeriodWordsTests {
    static func startT2(width: Int, height: Int, compact: Bool = false) throws -> String? {
        let path = try ChooserFixture.database()
        let app = try AppController(store: try PlanStore(path: path, login: "anna"), width: width, height: height,
                                    options: AppController.Options(compact: compact))
        _ = app.render()
        app.finishStartup()
        app.waitForBackgroundWork()
        try ChooserTests.select(app, containing: "Starta T2")
        app.send(.enter)
        app.send(.character("j"))
        #expect(app.state.page == .plan && app.state.period == .t2)
        return app.state.status?.text
    }

    @Test("80×24 and 60×20: the details are below the outline, and the message says so")
    func stacked() throws {
        for (width, height) in [(80, 24), (60, 20)] {
            let said = try Self.startT2(width: width, height: height)
            #expect(said == "Startade T2 2021 för Hemtjänsten Hägersten, från T1; det som sades där visas nedanför.")
            #expect(Layout(width: width, height: height).isSideBySide == false)
        }
    }

    @Test("A wide screen: the details are beside the outline")
    func sideBySide() throws {
        #expect(try Self.startT2(width: 120, height: 40)?.hasSuffix("; det som sades där visas bredvid.") == true)
    }

    @Test("The compact view has no detail pane: d shows them")
    func compact() throws {
        #expect(try Self.startT2(width: 120, height: 40, compact: true)?.hasSuffix("; d visar det som sades där.") == true)
    }
}
