import Foundation
@testable import PlanKit
import PlanKitTestSupport
@testable import VPApp

/// The samples and a second department with two units of its own, in a file of the test's own:
/// enough to see the chooser group, order, filter and offer periods to start.
enum ChooserFixture {
    static let board = "hagersten-alvsjo"

    /// Makes the database and returns its path.
    static func database() throws -> String {
        let directory = TemporaryFolders.make("vp-tui-chooser")
        let path = directory.appendingPathComponent("plan.sqlite").path
        let store = try PlanStore(path: path, login: "anna")
        try BundledSamples.load(into: store)
        let json = """
            {"format": "\(InterchangeFile.formatName)", "version": \(InterchangeFile.currentVersion),
             "organisations": [
                {"id": "aldreomsorg", "kind": "department", "name": "Äldreomsorgsavdelningen", "parent": "\(board)"},
                {"id": "hemtjansten", "kind": "unit", "name": "Hemtjänsten Hägersten", "parent": "aldreomsorg"},
                {"id": "gruppbostaden", "kind": "unit", "name": "Gruppbostaden Älvsjö", "parent": "aldreomsorg"}],
             "plans": [
                {"unit": "hemtjansten", "year": 2021, "board": "\(board)", "periods": ["vp", "t1"], "inherits": []},
                {"unit": "gruppbostaden", "year": 2021, "board": "\(board)", "periods": ["vp"], "inherits": []}]}
            """
        try store.importData(Data(json.utf8), name: "avdelning.json")
        store.makeDurable()
        return path
    }

    /// The board's cascade of 2021 again as 2022's, imported by another session.
    static func importNextYearsCascade(into path: String) throws {
        let store = try PlanStore(path: path, login: "bertil")
        let old = try require(try store.storedCascade(board: board, year: 2021))
        func renamed(_ goal: GoalRecord) -> GoalRecord {
            var goal = goal
            goal.id = goal.id.replacingOccurrences(of: "2021", with: "2022")
            goal.parent = goal.parent?.replacingOccurrences(of: "2021", with: "2022")
            goal.revisions = nil
            goal.indicators = goal.indicators?.map { var indicator = $0; indicator.id = indicator.id.replacingOccurrences(of: "2021", with: "2022"); return indicator }
            goal.activities = goal.activities?.map { var activity = $0; activity.id = activity.id.replacingOccurrences(of: "2021", with: "2022"); return activity }
            goal.children = goal.children?.map(renamed)
            return goal
        }
        let file = InterchangeFile(cascades: [CascadeRecord(board: board, year: 2022, goals: old.goals.map(renamed))])
        let data = try JSONEncoder().encode(file)
        try store.importData(data, name: "nämnd-2022.json")
        store.makeDurable()
    }

    /// The app on the chooser, its period states read.
    static func app(path: String, width: Int = 100, height: Int = 30) throws -> AppController {
        let store = try PlanStore(path: path, login: "anna")
        let app = try AppController(store: store, width: width, height: height)
        _ = app.render()
        app.finishStartup()
        app.waitForBackgroundWork()
        return app
    }
}

enum FixtureError: Error { case missing }

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw FixtureError.missing }
    return value
}
