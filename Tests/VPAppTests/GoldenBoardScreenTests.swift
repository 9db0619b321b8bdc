import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The board's status table and its roll-up, whole screens against golden files (see
/// GoldenScreenTests), on a generated district of eight units.
@Suite("Board and roll-up screens against golden files")
struct GoldenBoardScreenTests {
    @Test("The board's status table at 80×24 and 120×40", arguments: [(80, 24), (120, 40)])
    func board(width: Int, height: Int) throws {
        let app = try BoardFixture.boardPage(try BoardFixture.store(), width: width, height: height)
        app.send(.down)
        try GoldenScreenTests.check(app.render(), "board-\(width)x\(height)")
    }

    @Test("The roll-up on its second nämndmål at 80×24 and 120×40", arguments: [(80, 24), (120, 40)])
    func rollup(width: Int, height: Int) throws {
        let app = try BoardFixture.rollupPage(try BoardFixture.store(), width: width, height: height)
        app.send(.tab, .tab, .down, .down)
        try GoldenScreenTests.check(app.render(), "rollup-\(width)x\(height)")
    }
}
