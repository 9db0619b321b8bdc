import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// On the SQLite file and on PostgreSQL alike: the store refuses what the rules refuse.
@Suite("Who may change what", .throwawayPostgres, .temporaryFolders)
struct EditRuleTests {
    @Test("The unit cannot change the text of what it inherited", arguments: Backend.allCases)
    func refusesInheritedText(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
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

    @Test("The unit follows up inherited items: status and analysis are its own", arguments: Backend.allCases)
    func followUpOfInheritedItems(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setStatus(.deviation, activity: Fixture.inheritedActivity, period: .vb, in: Fixture.plan)
        try store.setAnalysis("Försenad på grund av pandemin.", item: Fixture.inheritedActivity, period: .vb, in: Fixture.plan)
        try store.setAnalysis("Nämndens mål följs upp så här.", item: Fixture.boardGoal, period: .vb, in: Fixture.plan)
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.followUp(Fixture.inheritedActivity, .vb).status == .deviation)
        #expect(plan.followUp(Fixture.inheritedActivity, .vb).analysis == "Försenad på grund av pandemin.")
        #expect(plan.followUp(Fixture.boardGoal, .vb).analysis == "Nämndens mål följs upp så här.")
    }

    @Test("Only the unit's own goals get a rating in its report", arguments: Backend.allCases)
    func ratingsOnlyOnUnitGoals(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        #expect(throws: PlanError.notRatedByUnit(itemID: Fixture.boardGoal)) {
            try store.setRating(.fully, goal: Fixture.boardGoal, period: .vb, in: Fixture.plan)
        }
        try store.setRating(.partly, goal: Fixture.unitGoals[0], period: .vb, in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(Fixture.unitGoals[0], .vb).rating == .partly)
    }

    @Test("The unit edits its own goal's texts and its own activity's dates", arguments: Backend.allCases)
    func ownItemsAreEditable(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setText("Nytt arbetssätt", field: .method, item: Fixture.unitGoals[2], in: Fixture.plan)
        try store.setDate("2021-03-01", field: .start, activity: Fixture.ownActivity, in: Fixture.plan)
        #expect(throws: PlanError.invalidDate("2021-02-30")) {
            try store.setDate("2021-02-30", field: .end, activity: Fixture.ownActivity, in: Fixture.plan)
        }
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.items[Fixture.unitGoals[2]]?.text(.method) == "Nytt arbetssätt")
        #expect(plan.items[Fixture.ownActivity]?.start == "2021-03-01")
    }

    @Test("Fields must fit the item and the period", arguments: Backend.allCases)
    func fieldsMustFit(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        #expect(throws: PlanError.self) { try store.setStatus(.done, activity: Fixture.unitGoals[0], period: .vb, in: Fixture.plan) }
        #expect(throws: PlanError.periodNotInPlan(.t1)) { try store.setRating(.fully, goal: Fixture.unitGoals[0], period: .t1, in: Fixture.plan) }
        #expect(throws: PlanError.self) { try store.setRating(.fully, goal: Fixture.unitGoals[0], period: .vp, in: Fixture.plan) }
        #expect(throws: PlanError.unknownItem("finns-inte")) { try store.setAnalysis("x", item: "finns-inte", period: .vb, in: Fixture.plan) }
        #expect(throws: PlanError.unknownSection("finns-inte", .vb)) {
            try store.setSectionText("x", section: "finns-inte", period: .vb, in: Fixture.plan)
        }
    }

    @Test("Items the unit does not follow up take no follow-up", arguments: Backend.allCases)
    func notFollowedUpItems(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.notFollowedUp == ["ha-2021-nm-14-a10"])
        #expect(throws: PlanError.unknownItem("ha-2021-nm-14-a10")) {
            try store.setStatus(.done, activity: "ha-2021-nm-14-a10", period: .vb, in: Fixture.plan)
        }
        #expect(plan.walk(in: .vp).contains { $0.id == "ha-2021-nm-14-a10" })
        #expect(!plan.walk(in: .vb).contains { $0.id == "ha-2021-nm-14-a10" })
    }

    @Test("Typed outcomes take a Swedish decimal comma and refuse other text", arguments: Backend.allCases)
    func typedOutcomes(_ backend: Backend) throws {
        let store = try StoresUnderTest(backend, file: Fixture.tinyFile()).open()
        try store.setOutcome(typed: "78,5", indicator: "tb-2030-nm-01-i01", period: .t1, in: Fixture.tinyPlan)
        #expect(try store.loadPlan(Fixture.tinyPlan).followUp("tb-2030-nm-01-i01", .t1).outcome == 78.5)
        #expect(throws: PlanError.notANumber("mycket")) {
            try store.setOutcome(typed: "mycket", indicator: "tb-2030-nm-01-i01", period: .t1, in: Fixture.tinyPlan)
        }
    }
}

/// On PostgreSQL the units are read from a snapshot of what the login may read.
@Suite("Finding a unit by what a person types", .throwawayPostgres, .temporaryFolders)
struct UnitLookupTests {
    @Test("By id, by name in any case, and refused with the unit named when unknown or not a unit", arguments: Backend.allCases)
    func findsUnits(_ backend: Backend) throws {
        let store = try Fixture.store(backend).reading()
        #expect(try store.unit(named: "resursenheten").name == "Resursenheten")
        #expect(try store.unit(named: "RESURSENHETEN").id == "resursenheten")
        #expect(try store.unit(named: "Resursenheten").id == "resursenheten")
        #expect(throws: PlanError.unknownUnit("Ingenstans")) { try store.unit(named: "Ingenstans") }
        // A board's id is not a unit.
        #expect(throws: PlanError.unknownUnit("hagersten-alvsjo")) { try store.unit(named: "hagersten-alvsjo") }
    }
}
