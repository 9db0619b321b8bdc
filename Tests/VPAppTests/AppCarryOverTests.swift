import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The board's 2021 cascade again as 2022's, with the nämndmål above the first own goal
/// (ha-2021-nm-03) given a wording of its own: that goal waits to be placed, the rest carry over.
enum NextYear {
    static let replaced = "ha-2021-nm-03"
    static let newTitle = "Nämnden främjar idrott och kultur för alla barn"
    static let ref = PlanRef(unitID: "resursenheten", year: 2022)

    static func startedStore() throws -> PlanStore {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try BundledSamples.load(into: store)
        let old = try #require(try store.storedCascade(board: "hagersten-alvsjo", year: 2021))
        func renamed(_ goal: GoalRecord) -> GoalRecord {
            var goal = goal
            if goal.id == replaced { goal.title = newTitle }
            goal.id = goal.id.replacingOccurrences(of: "2021", with: "2022")
            goal.parent = goal.parent?.replacingOccurrences(of: "2021", with: "2022")
            goal.revisions = nil
            goal.indicators = goal.indicators?.map { var indicator = $0; indicator.id = indicator.id.replacingOccurrences(of: "2021", with: "2022"); return indicator }
            goal.activities = goal.activities?.map { var activity = $0; activity.id = activity.id.replacingOccurrences(of: "2021", with: "2022"); return activity }
            goal.children = goal.children?.map(renamed)
            return goal
        }
        try store.importRecords(InterchangeFile(cascades: [CascadeRecord(board: "hagersten-alvsjo", year: 2022, goals: old.goals.map(renamed))]),
                                name: "nämnden 2022")
        try store.startYear(unit: "resursenheten", year: 2022)
        return store
    }

    static func driver(_ store: PlanStore, width: Int = 100, height: Int = 30) throws -> AppDriver {
        try AppDriver(width: width, height: height, store: store, options: AppController.Options(unit: "Resursenheten", year: 2022, period: .vp))
    }
}

@Suite("The carry-over list in the app")
struct AppCarryOverTests {
    @Test("The list opens by itself the first time the new VP opens, at the item waiting; Enter places it under the chosen nämndmål")
    func opensAndPlaces() throws {
        let store = try NextYear.startedStore()
        let waiting = try #require(try store.carryOver(NextYear.ref).first(where: \.needsDecision))
        #expect(waiting.sourceID == "re-2021-em-01")
        let driver = try NextYear.driver(store)
        #expect(driver.state.page == .carryOver)
        #expect(driver.state.selectedCarryOver?.sourceID == waiting.sourceID)
        var text = driver.text
        #expect(text.contains("Det som fördes över från 2021 – 1 att besluta"))
        #expect(text.contains("Placera"))
        #expect(text.contains("Följde med"))
        #expect(text.contains("Enter placerar den under ett nämndmål"))

        driver.press(.enter)
        guard case .year(.list(let list))? = driver.state.modal, case .placement(_, let goals) = list.kind else {
            Issue.record("no list of nämndmål"); return
        }
        let index = try #require(goals.firstIndex(of: "ha-2022-nm-03"))
        for _ in 0..<index { driver.press(.down) }
        driver.press(.enter)
        #expect(driver.state.modal == nil)
        let plan = try store.loadPlan(NextYear.ref)
        let placed = try #require(plan.items.values.first { $0.author == .unit && $0.title == waiting.title })
        #expect(placed.parentID == "ha-2022-nm-03")
        #expect(driver.state.plan?.items[placed.id] != nil)
        text = driver.text
        #expect(text.contains("allt är beslutat"))
        #expect(driver.state.status?.text == Strings.App.placed(waiting.title, under: NextYear.newTitle))

        // Enter on a carried item shows it in the plan.
        driver.press(.enter)
        #expect(driver.state.page == .plan)
        #expect(driver.state.selection == .item(placed.id))

        // Once seen, the list does not open by itself again in this session; F opens it.
        driver.press(.character("F"))
        #expect(driver.state.page == .carryOver)
        driver.press(.escape)
        #expect(driver.state.page == .plan)
    }

    @Test("Delete asks j/n before letting a waiting item go; n keeps it, j drops it; a carried item cannot be dropped")
    func drops() throws {
        let store = try NextYear.startedStore()
        let driver = try NextYear.driver(store)
        let waiting = try #require(driver.state.selectedCarryOver)
        driver.press(.delete)
        #expect(driver.state.modal == .year(.confirmDrop(sourceID: waiting.sourceID, title: waiting.title)))
        #expect(driver.text.contains("Släpp \""))
        driver.press(.enter, .character("x"))
        #expect(driver.state.modal != nil)
        driver.press(.character("n"))
        #expect(try store.carryOver(NextYear.ref).first { $0.sourceID == waiting.sourceID }?.needsDecision == true)
        driver.press(.delete, .character("j"))
        let entry = try #require(try store.carryOver(NextYear.ref).first { $0.sourceID == waiting.sourceID })
        #expect(entry.outcome == .dropped)
        #expect(driver.state.selectedCarryOver?.outcome == .dropped)
        #expect(driver.text.contains("Släppt"))

        // Another line, carried: Delete is refused with why.
        driver.press(.down)
        let carried = try #require(driver.state.selectedCarryOver)
        #expect(carried.outcome == .placed)
        driver.press(.delete)
        #expect(driver.state.modal == nil)
        #expect(driver.state.status?.text == Strings.App.onlyHeldCanDrop)
    }

    @Test("A plan without anything carried over: F is refused and not hinted, and no list opens")
    func nothingCarried() throws {
        let driver = try AppDriver(width: 100, height: 30, period: .vp)
        #expect(driver.state.page == .plan)
        #expect(YearRules.carryOver(driver.state) == .refused(Strings.App.noCarryOver))
        driver.press(.character("F"))
        #expect(driver.state.page == .plan)
        #expect(driver.state.status?.text == Strings.App.noCarryOver)
    }
}
