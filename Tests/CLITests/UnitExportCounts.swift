import Foundation
import Testing

/// Counts made from one unit's own JSON export (`vp-tui export --unit U --format json`), without
/// the board's code: what the status line and the roll-up must agree with.
struct UnitExportCounts {
    var periods: Set<String>
    /// Ratings of the unit's enhetsmål in a follow-up period: "fully", "partly", "not", "unrated".
    var ratings: [String: Int] = [:]
    /// The same, by the nämndmål each enhetsmål sits under.
    var ratingsByBoardGoal: [String: [String: Int]] = [:]
    /// Activities with status Avvikelse in the period.
    var deviations = 0
    /// The status of each board activity the unit follows up ("none" without one).
    var boardActivityStatus: [String: String] = [:]
    /// The outcome of each board indicator the unit follows up.
    var boardIndicatorOutcome: [String: Double?] = [:]

    init(json data: Data, period: String) throws {
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let plan = try #require((file["plans"] as? [[String: Any]])?.first)
        periods = Set(plan["periods"] as? [String] ?? [])
        // The plan (VP) shows every inherited item; T1, T2 and VB leave out what the unit does not follow up.
        let isFollowUp = period != "vp"
        let notFollowedUp = isFollowUp ? Set(plan["notFollowedUp"] as? [String] ?? []) : []
        let inherits = Set(plan["inherits"] as? [String] ?? []).subtracting(notFollowedUp)
        var followUps: [String: [String: Any]] = [:]
        for record in plan["followUps"] as? [[String: Any]] ?? [] where record["period"] as? String == period {
            followUps[record["item"] as! String] = record
        }
        // The unit's own goals, each with the nämndmål it is under.
        var ownActivities: Set<String> = []
        func walkOwn(_ goal: [String: Any], boardGoal: String) {
            if goal["level"] as? String == "unitGoal" {
                let rating = (followUps[goal["id"] as! String]?["rating"] as? String).flatMap { $0 == "none" ? nil : $0 } ?? "unrated"
                // The status table counts no ratings in the plan (VP); the roll-up lists its enhetsmål as not rated.
                if isFollowUp { ratings[rating, default: 0] += 1 }
                ratingsByBoardGoal[boardGoal, default: [:]][rating, default: 0] += 1
            }
            for activity in goal["activities"] as? [[String: Any]] ?? [] { ownActivities.insert(activity["id"] as! String) }
            for child in goal["children"] as? [[String: Any]] ?? [] { walkOwn(child, boardGoal: boardGoal) }
        }
        for goal in plan["goals"] as? [[String: Any]] ?? [] {
            walkOwn(goal, boardGoal: goal["parent"] as? String ?? "")
        }
        // The board's activities and indicators, from the cascade in the same file.
        var boardActivities: Set<String> = []
        var boardIndicators: Set<String> = []
        func walkCascade(_ goal: [String: Any]) {
            if goal["level"] as? String == "boardGoal" {
                for activity in goal["activities"] as? [[String: Any]] ?? [] { boardActivities.insert(activity["id"] as! String) }
                for indicator in goal["indicators"] as? [[String: Any]] ?? [] { boardIndicators.insert(indicator["id"] as! String) }
            }
            for child in goal["children"] as? [[String: Any]] ?? [] { walkCascade(child) }
        }
        var cascadeActivities: Set<String> = []
        func collectActivities(_ goal: [String: Any]) {
            for activity in goal["activities"] as? [[String: Any]] ?? [] { cascadeActivities.insert(activity["id"] as! String) }
            for child in goal["children"] as? [[String: Any]] ?? [] { collectActivities(child) }
        }
        for goal in (file["cascades"] as? [[String: Any]])?.first?["goals"] as? [[String: Any]] ?? [] {
            walkCascade(goal)
            collectActivities(goal)
        }
        for id in boardActivities where inherits.contains(id) {
            boardActivityStatus[id] = followUps[id]?["status"] as? String ?? "none"
        }
        for id in boardIndicators where inherits.contains(id) {
            boardIndicatorOutcome[id] = followUps[id]?["outcome"] as? Double
        }
        let followedActivities = ownActivities.union(cascadeActivities.intersection(inherits))
        deviations = followUps.filter { followedActivities.contains($0.key) && $0.value["status"] as? String == "deviation" }.count
    }

    static func export(unit: String, year: Int, period: String, database: String) throws -> UnitExportCounts {
        let result = try Binary.run(["export", "--unit", unit, "--year", "\(year)", "--format", "json", "--db", database])
        #expect(result.status == 0, "\(result.stderr)")
        return try UnitExportCounts(json: Data(result.stdout.utf8), period: period)
    }

    /// The number of gaps `vp-tui check` lists for the unit (0 when it says complete).
    static func checkGaps(unit: String, year: Int, period: String, database: String) throws -> Int {
        let result = try Binary.run(["check", "--unit", unit, "--year", "\(year)", "--period", period, "--db", database])
        return result.stdout.split(separator: "\n").filter { $0.hasPrefix("- ") }.count
    }
}
