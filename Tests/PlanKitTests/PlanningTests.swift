import Testing
import Foundation
@testable import PlanKit
import PlanKitTestSupport

@Suite("Planning the VP: own indicators, dates, the board's items taken up or declined")
struct PlanningTests {
    let plan = Fixture.plan

    @Test("An own indicator with target, unit, periodicity and direction; a target of the wrong kind is refused; undo removes it")
    func ownIndicator() throws {
        let store = try Fixture.store()
        let id = try store.addIndicator(name: "Nöjda föräldrar", under: "re-2021-em-01", target: "85 %", targetKind: .number,
                                        measureUnit: "%", periodicity: .halfYear, direction: .higherIsBetter, in: plan)
        var item = try #require(try store.loadPlan(plan).items[id])
        #expect(item.author == .unit && item.parentID == "re-2021-em-01")
        #expect(item.indicator?.parsedTarget == .number(85, unit: "%"))
        #expect(item.indicator?.periodicity == .halfYear)
        try store.setIndicator(id, target: "minska", targetKind: .direction, measureUnit: nil, periodicity: .year,
                               direction: .lowerIsBetter, in: plan)
        item = try #require(try store.loadPlan(plan).items[id])
        #expect(item.indicator?.parsedTarget == .direction(.lowerIsBetter))
        #expect(item.indicator?.direction == .lowerIsBetter)

        let before = try store.history(plan).count
        #expect(throws: YearError.invalidTarget("många")) {
            try store.addIndicator(name: "X", under: "re-2021-em-01", target: "många", targetKind: .number,
                                   measureUnit: nil, periodicity: .year, direction: .higherIsBetter, in: plan)
        }
        #expect(throws: YearError.invalidTarget("12")) {
            try store.setIndicator(id, target: "12", targetKind: .direction, measureUnit: nil, periodicity: .year,
                                   direction: .higherIsBetter, in: plan)
        }
        #expect(try store.history(plan).count == before)
        try store.undo(in: plan)
        #expect(try store.loadPlan(plan).items[id]?.indicator?.parsedTarget == .number(85, unit: "%"))
        try store.undo(in: plan)
        #expect(try store.loadPlan(plan).items[id] == nil)
    }

    @Test("Activity dates: impossible dates and an end before the start are refused, nothing changed")
    func activityDates() throws {
        let store = try Fixture.store()
        let activity = Fixture.ownActivity
        try store.setActivityDates(start: "2021-03-01", end: "2021-06-30", activity: activity, in: plan)
        #expect(try store.loadPlan(plan).items[activity]?.start == "2021-03-01")
        #expect(throws: PlanError.invalidDate("2021-02-30")) {
            try store.setActivityDates(start: "2021-02-30", end: "2021-06-30", activity: activity, in: plan)
        }
        #expect(throws: PlanningError.endBeforeStart(start: "2021-07-01", end: "2021-06-30")) {
            try store.setActivityDates(start: "2021-07-01", end: "2021-06-30", activity: activity, in: plan)
        }
        #expect(throws: PlanningError.outsideYear(start: "2022-01-01", end: "2022-06-30", year: 2021)) {
            try store.setActivityDates(start: "2022-01-01", end: "2022-06-30", activity: activity, in: plan)
        }
        #expect(throws: PlanningError.outsideYear(start: "2020-01-01", end: "2020-12-31", year: 2021)) {
            try store.setActivityDates(start: "2020-01-01", end: "2020-12-31", activity: activity, in: plan)
        }
        var item = try #require(try store.loadPlan(plan).items[activity])
        #expect(item.start == "2021-03-01" && item.end == "2021-06-30")
        // Begun in an earlier year, as the board's activities may be: it runs in this one too.
        try store.setActivityDates(start: "2020-05-29", end: "2021-12-31", activity: activity, in: plan)
        item = try #require(try store.loadPlan(plan).items[activity])
        #expect(item.start == "2020-05-29" && item.end == "2021-12-31")
    }

    @Test("Declining a board activity leaves it out of the follow-up and its gaps; taking it up brings it back; undo")
    func declineAndTakeUp() throws {
        let store = try Fixture.store()
        try store.setStatus(nil, activity: Fixture.inheritedActivity, period: .vb, in: plan)
        #expect(Completeness.gaps(in: try store.loadPlan(plan), period: .vb).map(\.itemID) == [Fixture.inheritedActivity])
        try store.setFollowedUp(false, item: Fixture.inheritedActivity, in: plan)
        var loaded = try store.loadPlan(plan)
        #expect(loaded.notFollowedUp.contains(Fixture.inheritedActivity))
        #expect(Completeness.gaps(in: loaded, period: .vb).isEmpty)
        #expect(loaded.isShown(Fixture.inheritedActivity, in: .vp))
        // The plan (VP) still lists it, saying the unit does not follow it up; the VB leaves it out.
        let title = try #require(loaded.items[Fixture.inheritedActivity]?.title)
        let vp = MarkdownRenderer.render(ReportBuilder(plan: loaded, period: .vp).build())
        #expect(vp.contains("\(title) (följs inte upp av enheten)"))
        #expect(!MarkdownRenderer.render(ReportBuilder(plan: loaded, period: .vb).build()).contains(title))
        try store.undo(in: plan)
        loaded = try store.loadPlan(plan)
        #expect(!loaded.notFollowedUp.contains(Fixture.inheritedActivity))
        #expect(throws: PlanError.self) { try store.setFollowedUp(false, item: "re-2021-em-01", in: plan) }
        #expect(throws: PlanError.self) { try store.setFollowedUp(false, item: Fixture.boardGoal, in: plan) }
    }

    @Test("A started follow-up period has its template's sections, Uppföljning av ekonomi with its sub-sections")
    func templateSections() throws {
        let store = try Fixture.store()
        let started = try store.startPeriod(.t1, in: plan)
        #expect(started.startsFrom == .vp)
        let sections = try store.loadPlan(plan).sections(in: .t1)
        #expect(sections.map(\.title) == ["Förslag till beslut", "Sammanfattande analys", "Uppföljning av ekonomi",
                                          "Analys av resultaträkning - uppföljning av driftbudget", "Investeringar",
                                          "Medel för lokaländamål", "Övrigt", "Systematiskt kvalitetsarbete", "Övrigt"])
        #expect(sections.filter { $0.parentID == "uppfoljning-av-ekonomi" }.count == 4)
        try store.setSectionText("Investeringarna följer planen.", section: "investeringar", period: .t1, in: plan)
        #expect(try store.loadPlan(plan).section("investeringar", in: .t1)?.text == "Investeringarna följer planen.")
    }

    @Test("T2 holds what T1 said beside it; an analysis copied in is a change that undo takes back")
    func previousPeriod() throws {
        let store = try Fixture.store()
        try store.startPeriod(.t1, in: plan)
        try store.setRating(.partly, goal: "re-2021-em-01", period: .t1, in: plan)
        try store.setAnalysis("Första stycket.\n\nAndra stycket.", item: "re-2021-em-01", period: .t1, in: plan)
        let t2 = try store.startPeriod(.t2, in: plan)
        #expect(t2.startsFrom == .t1)
        let loaded = try store.loadPlan(plan)
        let previous = try #require(loaded.previousFollowUp("re-2021-em-01", before: .t2))
        #expect(previous.period == .t1 && previous.value.rating == .partly)
        #expect(loaded.previousPeriod(of: .vb) == .t2)
        #expect(loaded.followUp("re-2021-em-01", .t2).analysis.isEmpty)
        try store.copyPreviousAnalysis(item: "re-2021-em-01", period: .t2, in: plan)
        #expect(try store.loadPlan(plan).followUp("re-2021-em-01", .t2).analysis == "Första stycket.\n\nAndra stycket.")
        #expect(throws: YearError.nothingToCopy(.t2)) { try store.copyPreviousAnalysis(item: "re-2021-em-02", period: .t2, in: plan) }
        try store.undo(in: plan)
        #expect(try store.loadPlan(plan).followUp("re-2021-em-01", .t2).analysis.isEmpty)
    }
}
