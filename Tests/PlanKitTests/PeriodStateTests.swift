import Testing
import Foundation
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// On the SQLite file and on PostgreSQL alike: the states and hand-ins are read from the store.
@Suite("Period states, handing in and reopening", .throwawayPostgres, .temporaryFolders)
struct PeriodStateTests {
    @Test("The sample plan: VP and VB complete, T1 and T2 not started; a gap makes VB pågår", arguments: Backend.allCases)
    func statesOfTheSample(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        var states = try store.periodStates(Fixture.plan)
        #expect(states[.vp] == .complete)
        #expect(states[.t1] == .notStarted)
        #expect(states[.t2] == .notStarted)
        #expect(states[.vb] == .complete)
        try store.setRating(nil, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        states = try store.periodStates(Fixture.plan)
        #expect(states[.vb] == .ongoing)
        #expect(Strings.periodStates(states) == "VP komplett, T1 ej påbörjad, T2 ej påbörjad, VB pågår")
    }

    @Test("Many plans at once: each plan's states, plans that do not exist left out", arguments: Backend.allCases)
    func manyPlans(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let other = PlanRef(unitID: "resursenheten", year: 1999)
        let states = try store.periodStates([Fixture.plan, other])
        #expect(states.count == 1)
        #expect(states[Fixture.plan]?[.vb] == .complete)
    }

    @Test("A report handed in keeps its content and state when the plan changes afterwards", arguments: Backend.allCases)
    func handedInIsKept(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let before = ReportBuilder(plan: try store.loadPlan(Fixture.plan), period: .vb).build()
        let handIn = try store.submit(Fixture.plan, period: .vb)
        #expect(handIn.login == "anna")
        #expect(handIn.content == before)
        #expect(try store.periodStates(Fixture.plan)[.vb] == .submitted)
        // The plan (VP) is still open: a change there no longer changes the VB handed in.
        try store.setText("Nytt förväntat resultat", field: .expectedResult, item: "re-2021-em-01", in: Fixture.plan)
        try store.setText("", field: .method, item: "re-2021-em-01", in: Fixture.plan)
        #expect(try store.periodStates(Fixture.plan)[.vb] == .submitted)
        #expect(try store.reportBlocks(Fixture.plan, period: .vb) == before)
        #expect(try store.handIn(Fixture.plan, period: .vb)?.content == before)
        let log = try store.history(Fixture.plan)
        #expect(log.contains { $0.action == .submit && $0.note == "vb" && $0.login == "anna" })
    }

    @Test("A report handed in is read-only: follow-ups, sections and undo are refused, nothing changes", arguments: Backend.allCases)
    func handedInIsReadOnly(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setAnalysis("Före", item: "re-2021-em-01", period: .vb, in: Fixture.plan)
        try store.submit(Fixture.plan, period: .vb)
        #expect(throws: YearError.handedIn(.vb)) {
            try store.setRating(.not, goal: "re-2021-em-01", period: .vb, in: Fixture.plan)
        }
        #expect(throws: YearError.handedIn(.vb)) {
            try store.setSectionText("x", section: "sammanfattande-analys", period: .vb, in: Fixture.plan)
        }
        #expect(throws: YearError.handedIn(.vb)) { try store.undo(in: Fixture.plan) }
        #expect(try store.loadPlan(Fixture.plan).followUp("re-2021-em-01", .vb).analysis == "Före")
    }

    @Test("Submitting twice, submitting with gaps and reopening without a reason are refused", arguments: Backend.allCases)
    func refusals(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.submit(Fixture.plan, period: .vb)
        #expect(throws: YearError.self) { try store.submit(Fixture.plan, period: .vb) }
        do {
            try store.submit(Fixture.plan, period: .vb)
        } catch let error as YearError {
            #expect(error.errorDescription?.contains("redan inlämnad") == true)
        }
        #expect(throws: YearError.reopenNeedsReason) { try store.reopen(Fixture.plan, period: .vb, reason: "  ") }
        #expect(try store.periodStates(Fixture.plan)[.vb] == .submitted)
        #expect(throws: YearError.notSubmitted(.vp)) { try store.reopen(Fixture.plan, period: .vp, reason: "fel") }
        #expect(throws: PlanError.periodNotInPlan(.t1)) { try store.submit(Fixture.plan, period: .t1) }

        try store.reopen(Fixture.plan, period: .vb, reason: "Fel i analysen")
        #expect(try store.periodStates(Fixture.plan)[.vb] == .complete)
        #expect(try store.history(Fixture.plan).contains { $0.action == .reopen && $0.note == "vb: Fel i analysen" })
        try store.setRating(nil, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        do {
            try store.submit(Fixture.plan, period: .vb)
            Issue.record("an incomplete report was handed in")
        } catch YearError.incomplete(let period, let gaps) {
            #expect(period == .vb)
            #expect(gaps.map(\.kind) == [.goalWithoutRating])
        }
        #expect(try store.handIn(Fixture.plan, period: .vb) == nil)
        #expect(try store.handIns(Fixture.plan).count == 1)
    }
}
