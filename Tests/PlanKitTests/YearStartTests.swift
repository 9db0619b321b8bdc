import Testing
import Foundation
@testable import PlanKit
import PlanKitTestSupport

@Suite("Starting next year's plan from this year's")
struct YearStartTests {
    let next = PlanRef(unitID: "resursenheten", year: 2022)

    @Test("Without the board's cascade for the year: refused, saying which goals are missing, and no plan made")
    func needsCascade() throws {
        let store = try Fixture.store()
        #expect(throws: YearError.noCascade(board: "Hägersten-Älvsjö stadsdelsnämnd", year: 2022)) {
            try store.startYear(unit: "resursenheten", year: 2022)
        }
        #expect(throws: PlanError.noPlan(unit: "resursenheten", year: 2022)) { try store.loadPlan(next) }
        #expect(throws: YearError.nothingToStartFrom(unit: "resursenheten", year: 2019)) {
            try store.startYear(unit: "resursenheten", year: 2022, from: 2019)
        }
        #expect(YearError.noCascade(board: "N", year: 2022).errorDescription == "Nämndens mål för 2022 finns inte i databasen (nämnd N).")
    }

    @Test("Own goals, indicators and unfinished activities carry over by title, by close wording, or wait to be placed")
    func carriesOver() throws {
        let store = try Fixture.store()
        let lastYear = PlanRef(unitID: "resursenheten", year: 2021)
        // An own indicator and a finished activity, so that each kind is met.
        let indicator = try store.addIndicator(name: "Antal besök", under: "re-2021-em-02", target: "120", targetKind: .number,
                                               measureUnit: "st", periodicity: .tertial, direction: .higherIsBetter, in: lastYear)
        try store.setStatus(.done, activity: "re-2021-em-02-a02", period: .vb, in: lastYear)
        let old = try store.loadPlan(lastYear)
        try store.importRecords(try NextYearCascade.make(from: store), name: "nämnden 2022")

        let started = try store.startYear(unit: "resursenheten", year: 2022)
        let plan = try store.loadPlan(next)
        #expect(plan.periods == [.vp])
        // The board's activities and indicators followed up last year are followed up again; the rest wait to be taken up.
        func followed(_ document: PlanDocument) -> [String] {
            document.items.values.filter { $0.author == .board && $0.kind != .goal && !document.notFollowedUp.contains($0.id) }
                .map(\.title).sorted()
        }
        #expect(followed(plan) == followed(old))
        #expect(plan.notFollowedUp.count > 0)
        #expect(plan.sections(in: .vp).map(\.id) == SectionTemplate.entries(for: .vp).map(\.id))
        // Nothing the unit wrote is dropped silently: every own goal is in the list.
        let entries = Dictionary(uniqueKeysWithValues: started.entries.map { ($0.sourceID, $0) })
        for goal in Fixture.unitGoals { #expect(entries[goal] != nil) }

        let same = try #require(entries["re-2021-em-02"])
        #expect(same.outcome == .placed)
        #expect(same.placedUnder == "ha-2022-nm-04")
        let placedID = try #require(same.placedID)
        let placed = try #require(plan.items[placedID])
        #expect(placed.title == old.items["re-2021-em-02"]?.title(in: .vb))
        #expect(placed.id == "re-2022-em-01" || placed.id.hasPrefix("re-2022-em-"))
        #expect(placed.text(.method) == old.items["re-2021-em-02"]?.text(.method, in: .vb))
        let children = plan.children(of: placed.id)
        #expect(children.map(\.title).contains("Antal besök"))
        #expect(children.first { $0.kind == .indicator }?.indicator?.target == "120")
        let activity = try #require(children.first { $0.kind == .activity })
        #expect(activity.title == old.items["re-2021-em-02-a01"]?.title)
        #expect(activity.start == "2022-01-01" && activity.end == "2022-12-31")
        #expect(!children.map(\.title).contains(old.items["re-2021-em-02-a02"]!.title))
        #expect(entries["re-2021-em-02-a02"]?.outcome == .finished)
        _ = indicator

        let close = try #require(entries["re-2021-em-04"])
        #expect(close.outcome == .placedByCloseWording)
        #expect(close.placedUnder == "ha-2022-nm-13")
        #expect(close.needsDecision)

        let waiting = try #require(entries["re-2021-em-05"])
        #expect(waiting.outcome == .needsPlacing)
        #expect(waiting.placedID == nil)
        #expect(!plan.walk().contains { $0.title == old.items["re-2021-em-05"]?.title })
        #expect(started.entries.filter(\.needsDecision).map(\.sourceID) == ["re-2021-em-04", "re-2021-em-05"])
        #expect(try store.carryOver(next) == started.entries)

        // The person places the waiting goal and confirms the close one.
        let decided = try store.placeCarriedItem("re-2021-em-05", under: "ha-2022-nm-03", in: next)
        #expect(decided.outcome == .placed && decided.decided)
        try store.placeCarriedItem("re-2021-em-04", under: nil, in: next)
        #expect(try store.carryOver(next).filter(\.needsDecision).isEmpty)
        let after = try store.loadPlan(next)
        let movedID = try #require(decided.placedID)
        let moved = try #require(after.items[movedID])
        #expect(moved.parentID == "ha-2022-nm-03")
        #expect(moved.title == old.items["re-2021-em-05"]?.title(in: .vb))

        #expect(throws: YearError.periodExists(.vp, year: 2022)) { try store.startYear(unit: "resursenheten", year: 2022) }
        #expect(try store.history(next).contains { $0.action == .start && $0.note == "vp från 2021" })
    }

    @Test("Matching nämndmål: the same title, else close wording, else none")
    func titleMatching() {
        let candidates = [(id: "a", title: "Alla barn lär sig."), (id: "b", title: "Nämnden har en god arbetsmiljö")]
        #expect(TitleMatch.best(for: "alla barn lär sig", among: candidates)?.exact == true)
        let close = TitleMatch.best(for: "Nämnden har god arbetsmiljö", among: candidates)
        #expect(close?.id == "b" && close?.exact == false)
        #expect(TitleMatch.best(for: "Stadsdelen bygger broar", among: candidates) == nil)
    }
}
