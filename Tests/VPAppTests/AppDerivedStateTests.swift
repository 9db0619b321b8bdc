import Testing
import PlanKit
import PlanKitTestSupport
@testable import VPApp

/// After a saved change the app updates what it derived from the plan (what is missing, the
/// search index) for the changed record only; this checks that the result is always what
/// working it all out again from the stored plan gives.
@Suite("What the app derives from the plan stays right after every change")
struct AppDerivedStateTests {
    @Test("Random ratings, statuses, outcomes, texts and undos: gaps and search as if read afresh", arguments: [ReportPeriod.vb, .vp])
    func derivedStateMatchesAFreshPlan(period: ReportPeriod) throws {
        // The samples are complete; with gaps in many places, a gap put back in the wrong place shows.
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let plan = try store.loadPlan(AppDriver.plan)
        for (index, item) in plan.walk(in: period).enumerated() where index % 2 == 0 {
            switch (item.kind, period) {
            case (.goal, .vp) where item.author == .unit: try store.setText("", field: .method, item: item.id, in: AppDriver.plan)
            case (.goal, _) where item.level == .unitGoal: try store.setRating(nil, goal: item.id, period: period, in: AppDriver.plan)
            case (.activity, .vb): try store.setStatus(nil, activity: item.id, period: period, in: AppDriver.plan)
            default: break
            }
        }
        let driver = try AppDriver(period: period, store: store)
        #expect(driver.state.gaps.count >= 4)
        var random = SplitMix64(seed: period == .vb ? 21 : 22)
        let queries = ["barn", "förskola", "övning", "ökad", "a"]
        for step in 0..<120 {
            // Somewhere else in the outline, then one change there (or an undo or redo).
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                driver.press(Bool.random(using: &random) ? .down : .up)
            }
            switch Int.random(in: 0..<9, using: &random) {
            case 0: driver.press(.character(["1", "2", "3", "0"].randomElement(using: &random)!))
            case 1: driver.press(.character(["g", "p"].randomElement(using: &random)!))
            case 2:
                driver.press(.character("v"))
                if driver.state.modal != nil {
                    driver.type(["12", "4,5", ""].randomElement(using: &random)!)
                    driver.press(.enter)
                }
            case 3, 4:
                driver.press(.enter)
                if driver.state.modal != nil {
                    driver.type(" övning \(step)")
                    driver.press(.control("s"))
                }
            case 5:
                driver.press(.character("e"))
                if driver.state.modal != nil {
                    driver.press(.control("w"))
                    driver.press(.control("s"))
                }
            case 6: driver.press(.character("u"))
            case 7: driver.press(.control("r"))
            default: driver.press(.character("n"))
            }
            if driver.state.modal != nil { driver.press(.escape) }
            let state = driver.state
            let stored = try driver.store.loadPlan(AppDriver.plan)
            #expect(state.gaps == Completeness.gaps(in: stored, period: state.period, withPaths: false), "step \(step)")
            let fresh = SearchIndex(plan: stored, period: state.period)
            for query in queries {
                #expect(state.searchIndex?.matches(query) == fresh.matches(query), "step \(step), \(query)")
            }
        }
    }
}
