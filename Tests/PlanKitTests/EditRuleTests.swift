import Testing
@testable import PlanKit
import PlanKitTestSupport

@Suite("Who may change what")
struct EditRuleTests {
    @Test("The unit cannot change the text of what it inherited")
    func refusesInheritedText() throws {
        let store = try Fixture.store()
        #expect(throws: PlanError.inherited(itemID: Fixture.boardGoal, author: .board)) {
            try store.setText("Ny rubrik", field: .title, item: Fixture.boardGoal, in: Fixture.plan)
        }
        #expect(throws: PlanError.inherited(itemID: Fixture.councilArea, author: .council)) {
            try store.setText("Ny", field: .description, item: Fixture.councilArea, in: Fixture.plan)
        }
        #expect(throws: PlanError.inherited(itemID: Fixture.inheritedActivity, author: .board)) {
            try store.setDate("2021-02-01", field: .start, activity: Fixture.inheritedActivity, in: Fixture.plan)
        }
        // Nothing was written.
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.items[Fixture.boardGoal]?.title == "Alla barn i förskolan utvecklar sin förståelse för grundläggande demokratiska värden")
        #expect(try store.history(Fixture.plan).allSatisfy { $0.action == .import })
    }

    @Test("The unit follows up inherited items: status and analysis are its own")
    func followUpOfInheritedItems() throws {
        let store = try Fixture.store()
        try store.setStatus(.deviation, activity: Fixture.inheritedActivity, period: .vb, in: Fixture.plan)
        try store.setAnalysis("Försenad på grund av pandemin.", item: Fixture.inheritedActivity, period: .vb, in: Fixture.plan)
        try store.setAnalysis("Nämndens mål följs upp så här.", item: Fixture.boardGoal, period: .vb, in: Fixture.plan)
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.followUp(Fixture.inheritedActivity, .vb).status == .deviation)
        #expect(plan.followUp(Fixture.inheritedActivity, .vb).analysis == "Försenad på grund av pandemin.")
        #expect(plan.followUp(Fixture.boardGoal, .vb).analysis == "Nämndens mål följs upp så här.")
    }

    @Test("Only the unit's own goals get a rating in its report")
    func ratingsOnlyOnUnitGoals() throws {
        let store = try Fixture.store()
        #expect(throws: PlanError.notRatedByUnit(itemID: Fixture.boardGoal)) {
            try store.setRating(.fully, goal: Fixture.boardGoal, period: .vb, in: Fixture.plan)
        }
        try store.setRating(.partly, goal: Fixture.unitGoals[0], period: .vb, in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(Fixture.unitGoals[0], .vb).rating == .partly)
    }

    @Test("The unit edits its own goal's texts and its own activity's dates")
    func ownItemsAreEditable() throws {
        let store = try Fixture.store()
        try store.setText("Nytt arbetssätt", field: .method, item: Fixture.unitGoals[2], in: Fixture.plan)
        try store.setDate("2021-03-01", field: .start, activity: Fixture.ownActivity, in: Fixture.plan)
        #expect(throws: PlanError.invalidDate("2021-02-30")) {
            try store.setDate("2021-02-30", field: .end, activity: Fixture.ownActivity, in: Fixture.plan)
        }
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.items[Fixture.unitGoals[2]]?.text(.method) == "Nytt arbetssätt")
        #expect(plan.items[Fixture.ownActivity]?.start == "2021-03-01")
    }

    @Test("Fields must fit the item and the period")
    func fieldsMustFit() throws {
        let store = try Fixture.store()
        #expect(throws: PlanError.self) { try store.setStatus(.done, activity: Fixture.unitGoals[0], period: .vb, in: Fixture.plan) }
        #expect(throws: PlanError.periodNotInPlan(.t1)) { try store.setRating(.fully, goal: Fixture.unitGoals[0], period: .t1, in: Fixture.plan) }
        #expect(throws: PlanError.self) { try store.setRating(.fully, goal: Fixture.unitGoals[0], period: .vp, in: Fixture.plan) }
        #expect(throws: PlanError.unknownItem("finns-inte")) { try store.setAnalysis("x", item: "finns-inte", period: .vb, in: Fixture.plan) }
        #expect(throws: PlanError.unknownSection("finns-inte", .vb)) {
            try store.setSectionText("x", section: "finns-inte", period: .vb, in: Fixture.plan)
        }
    }

    @Test("Items the unit does not follow up take no follow-up")
    func notFollowedUpItems() throws {
        let store = try Fixture.store()
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.notFollowedUp == ["ha-2021-nm-14-a10"])
        #expect(throws: PlanError.unknownItem("ha-2021-nm-14-a10")) {
            try store.setStatus(.done, activity: "ha-2021-nm-14-a10", period: .vb, in: Fixture.plan)
        }
        #expect(plan.walk(in: .vp).contains { $0.id == "ha-2021-nm-14-a10" })
        #expect(!plan.walk(in: .vb).contains { $0.id == "ha-2021-nm-14-a10" })
    }

    @Test("Typed outcomes take a Swedish decimal comma and refuse other text")
    func typedOutcomes() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importData(try Fixture.encode(Fixture.tinyFile()), name: "tiny.json")
        try store.setOutcome(typed: "78,5", indicator: "tb-2030-nm-01-i01", period: .t1, in: Fixture.tinyPlan)
        #expect(try store.loadPlan(Fixture.tinyPlan).followUp("tb-2030-nm-01-i01", .t1).outcome == 78.5)
        #expect(throws: PlanError.notANumber("mycket")) {
            try store.setOutcome(typed: "mycket", indicator: "tb-2030-nm-01-i01", period: .t1, in: Fixture.tinyPlan)
        }
    }
}

@Suite("Finding a unit by what a person types")
struct UnitLookupTests {
    @Test("By id, by name in any case, and refused with the unit named when unknown or not a unit")
    func findsUnits() throws {
        let store = try Fixture.store()
        #expect(try store.unit(named: "resursenheten").name == "Resursenheten")
        #expect(try store.unit(named: "RESURSENHETEN").id == "resursenheten")
        #expect(try store.unit(named: "Resursenheten").id == "resursenheten")
        #expect(throws: PlanError.unknownUnit("Ingenstans")) { try store.unit(named: "Ingenstans") }
        // A board's id is not a unit.
        #expect(throws: PlanError.unknownUnit("hagersten-alvsjo")) { try store.unit(named: "hagersten-alvsjo") }
    }
}
