import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// On the SQLite file and on PostgreSQL alike: the gaps of the plan as the store holds it.
@Suite("What is missing before a report can be handed in", .throwawayPostgres, .temporaryFolders)
struct CompletenessTests {
    @Test("The sample VB 2021 and VP 2021 are complete", arguments: Backend.allCases)
    func samplesAreComplete(_ backend: Backend) throws {
        let plan = try Fixture.store(backend).loadPlan(Fixture.plan)
        #expect(Completeness.gaps(in: plan, period: .vb).isEmpty)
        #expect(Completeness.gaps(in: plan, period: .vp).isEmpty)
    }

    @Test("A goal without rating is named with its path", arguments: Backend.allCases)
    func missingRating(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setRating(nil, goal: "re-2021-em-03", period: .vb, in: Fixture.plan)
        let gaps = Completeness.gaps(in: try store.loadPlan(Fixture.plan), period: .vb)
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        #expect(gap.kind == .goalWithoutRating)
        #expect(gap.itemID == "re-2021-em-03")
        #expect(gap.path == [
            "KF:s inriktningsmål: 2. En hållbart växande och dynamisk storstad med hög tillväxt",
            "KF:s mål för verksamhetsområdet: 2.5. Stockholm är en hållbar stad med en god livsmiljö",
            "Nämndmål: Hägersten-Älvsjö stadsdelsnämnd är en fossilfri organisation år 2030",
            "Enhetsmål: Resursenheten gör medvetna val för att ansvara för miljön.",
        ])
        #expect(gap.message == "Målet saknar bedömning")
    }

    @Test("Avvikelse needs an analysis; activities need a status; goals an analysis; sections text", arguments: Backend.allCases)
    func followUpGaps(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setAnalysis("", item: Fixture.ownActivity, period: .vb, in: Fixture.plan)
        try store.setStatus(nil, activity: Fixture.inheritedActivity, period: .vb, in: Fixture.plan)
        try store.setAnalysis("", item: "re-2021-em-01", period: .vb, in: Fixture.plan)
        try store.setSectionText("  ", section: "sammanfattande-analys", period: .vb, in: Fixture.plan)
        let kinds = Completeness.gaps(in: try store.loadPlan(Fixture.plan), period: .vb).map { [$0.itemID ?? $0.sectionID ?? "": $0.kind] }
        #expect(kinds.contains([Fixture.ownActivity: .deviationWithoutAnalysis]))
        #expect(kinds.contains([Fixture.inheritedActivity: .activityWithoutStatus]))
        #expect(kinds.contains(["re-2021-em-01": .goalWithoutAnalysis]))
        #expect(kinds.contains(["sammanfattande-analys": .emptySection]))
        #expect(kinds.count == 4)
    }

    @Test("Indicators due in the period need an outcome; activities not yet started are not due", arguments: Backend.allCases)
    func indicatorsAndDueDates(_ backend: Backend) throws {
        let store = try StoresUnderTest(backend, file: Fixture.tinyFile()).open()
        let gaps = Completeness.gaps(in: try store.loadPlan(Fixture.tinyPlan), period: .t1)
        let byItem = Dictionary(grouping: gaps, by: { $0.itemID ?? $0.sectionID ?? "" }).mapValues { $0.map(\.kind) }
        // Tertial indicators are due in T1; the yearly one is not.
        #expect(byItem["tb-2030-nm-01-i01"] == [.indicatorWithoutOutcome])
        #expect(byItem["tu-2030-em-01-i01"] == [.indicatorWithoutOutcome])
        #expect(byItem["tb-2030-nm-01-i02"] == nil)
        // The activity starting in May is not due in T1 (January–April).
        #expect(byItem["tb-2030-nm-01-a01"] == [.activityWithoutStatus])
        #expect(byItem["tb-2030-nm-01-a02"] == nil)
        #expect(byItem["tu-2030-em-01"] == [.goalWithoutRating, .goalWithoutAnalysis])
        #expect(byItem["sammanfattande-analys"] == [.emptySection])

        try store.setOutcome(81, indicator: "tb-2030-nm-01-i01", period: .t1, in: Fixture.tinyPlan)
        let after = Completeness.gaps(in: try store.loadPlan(Fixture.tinyPlan), period: .t1)
        #expect(!after.contains { $0.itemID == "tb-2030-nm-01-i01" })
    }

    @Test("The plan (VP) needs the own goals' Förväntat resultat and Arbetssätt", arguments: Backend.allCases)
    func planGaps(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setText("", field: .method, item: "re-2021-em-04", in: Fixture.plan)
        let gaps = Completeness.gaps(in: try store.loadPlan(Fixture.plan), period: .vp)
        #expect(gaps.map(\.kind) == [.goalWithoutField(.method)])
        #expect(gaps.first?.message == "Målet saknar arbetssätt")
    }
}
