import Foundation
import Testing
import PlanKit
import PlanGenerator
@testable import VPApp

/// A generated district of a few units in memory, and the app opened on the board's table.
enum BoardFixture {
    static let board = "hagersten-alvsjo"
    static let year = 2021

    static func store(units: Int = 8, seed: UInt64 = 4) throws -> PlanStore {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        let generator = try DistrictGenerator(options: DistrictGenerator.Options(units: units, years: 1, seed: seed, firstYear: year))
        _ = try store.generateDistrict(generator)
        return store
    }

    /// The app on the first unit's report of the period, then the board's table of the period
    /// (`t`, then Ctrl-N, as a person gets there), its counts in.
    static func boardPage(_ store: PlanStore, period: ReportPeriod = .vb, width: Int = 120, height: Int = 40) throws -> AppController {
        let app = try namesOnly(store, period: period, width: width, height: height)
        app.waitForBackgroundWork()
        #expect(app.state.board?.isCounting == false)
        return app
    }

    /// As `boardPage`, on the table's first frame: the units' names, their counts not yet taken.
    static func namesOnly(_ store: PlanStore, period: ReportPeriod = .vb, width: Int = 120, height: Int = 40) throws -> AppController {
        let first = try #require(try store.boardScope(board: board, department: nil).units.first)
        let app = try AppController(store: store, width: width, height: height,
                                    options: AppController.Options(unit: first.name, year: year, period: period))
        _ = app.render()
        app.finishStartup()
        app.send(.character("t"))
        app.send(.control("n"))
        #expect(app.state.page == .board)
        return app
    }

    /// The roll-up page of the board's table.
    static func rollupPage(_ store: PlanStore, period: ReportPeriod = .vb, width: Int = 120, height: Int = 40) throws -> AppController {
        let app = try boardPage(store, period: period, width: width, height: height)
        app.send(.control("r"))
        #expect(app.state.page == .rollup)
        return app
    }
}

/// Counts made from one unit's own JSON export, without the roll-up's code: its enhetsmål's
/// ratings under each nämndmål and the status of each board activity it follows up.
struct UnitJSONCounts {
    /// nämndmål id → "fully" / "partly" / "not" / "unrated" → count.
    var ratingsByBoardGoal: [String: [String: Int]] = [:]
    /// nämndmål id → the board activities under it the unit marked Avvikelse.
    var deviationsByBoardGoal: [String: Int] = [:]

    init(json data: Data, period: String) throws {
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let plan = try #require((file["plans"] as? [[String: Any]])?.first)
        let notFollowedUp = Set(plan["notFollowedUp"] as? [String] ?? [])
        let inherits = Set(plan["inherits"] as? [String] ?? []).subtracting(notFollowedUp)
        var followUps: [String: [String: Any]] = [:]
        for record in plan["followUps"] as? [[String: Any]] ?? [] where record["period"] as? String == period {
            followUps[record["item"] as! String] = record
        }
        func walkOwn(_ goal: [String: Any], boardGoal: String) {
            if goal["level"] as? String == "unitGoal" {
                let rating = (followUps[goal["id"] as! String]?["rating"] as? String).flatMap { $0 == "none" ? nil : $0 } ?? "unrated"
                ratingsByBoardGoal[boardGoal, default: [:]][rating, default: 0] += 1
            }
            for child in goal["children"] as? [[String: Any]] ?? [] { walkOwn(child, boardGoal: boardGoal) }
        }
        for goal in plan["goals"] as? [[String: Any]] ?? [] { walkOwn(goal, boardGoal: goal["parent"] as? String ?? "") }
        func walkCascade(_ goal: [String: Any]) {
            if goal["level"] as? String == "boardGoal", let id = goal["id"] as? String {
                for activity in goal["activities"] as? [[String: Any]] ?? [] {
                    let activityID = activity["id"] as! String
                    if inherits.contains(activityID), followUps[activityID]?["status"] as? String == "deviation" {
                        deviationsByBoardGoal[id, default: 0] += 1
                    }
                }
            }
            for child in goal["children"] as? [[String: Any]] ?? [] { walkCascade(child) }
        }
        for goal in (file["cascades"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]] ?? [] { walkCascade(goal) }
    }
}
