import Testing
@testable import PlanKit

/// A line that lacks several things says so in one sentence per subject, built from what the
/// gaps are (their kinds and where they are), not from their finished sentences.
@Suite("What a line lacks, in words")
struct LackingWordsTests {
    private func goal(_ id: String, _ kind: CompletenessGap.Kind) -> CompletenessGap {
        CompletenessGap(kind: kind, itemID: id, path: [])
    }

    @Test("One gap is its own sentence")
    func oneGap() {
        #expect(Strings.lacking([goal("g1", .goalWithoutRating)]) == "Målet saknar bedömning")
        #expect(Strings.lacking([goal("a1", .activityWithoutStatus)]) == "Aktiviteten saknar status")
        #expect(Strings.lacking([goal("a1", .deviationWithoutAnalysis)]) == "Avvikelsen saknar analys")
        #expect(Strings.lacking([goal("i1", .indicatorWithoutTarget)]) == "Indikatorn saknar årsmål")
        #expect(Strings.lacking([CompletenessGap(kind: .emptySection, sectionID: "inledning", path: [])]) == "Avsnittet är tomt")
        #expect(Strings.lacking([]) == "")
    }

    @Test("The gaps of one goal become one sentence, in the order they come")
    func oneGoal() {
        #expect(Strings.lacking([goal("g1", .goalWithoutRating), goal("g1", .goalWithoutAnalysis)]) == "Målet saknar bedömning och analys")
        #expect(Strings.lacking([goal("g1", .goalWithoutField(.method)), goal("g1", .goalWithoutField(.expectedResult))])
            == "Målet saknar arbetssätt och förväntat resultat")
        #expect(Strings.lacking([goal("g1", .goalWithoutField(.expectedResult)), goal("g1", .goalWithoutField(.method)),
                                 goal("g1", .goalWithoutField(.followUp))])
            == "Målet saknar förväntat resultat, arbetssätt och uppföljning")
    }

    @Test("Several goals, and a goal beside a section, each keep their own sentence")
    func severalGoals() {
        #expect(Strings.lacking([goal("g1", .goalWithoutRating), goal("g2", .goalWithoutAnalysis), goal("g1", .goalWithoutAnalysis)])
            == "Målet saknar bedömning och analys; Målet saknar analys")
        #expect(Strings.lacking([goal("g1", .goalWithoutRating), goal("g2", .goalWithoutRating)])
            == "Målet saknar bedömning; Målet saknar bedömning")
        #expect(Strings.lacking([CompletenessGap(kind: .emptySection, sectionID: "sammanfattande-analys", path: []),
                                 goal("g1", .goalWithoutAnalysis)])
            == "Avsnittet är tomt; Målet saknar analys")
    }

    @Test("A gap's own message is the one-gap sentence")
    func gapMessage() {
        #expect(goal("g1", .goalWithoutField(.expectedResult)).message == "Målet saknar förväntat resultat")
        #expect(goal("a1", .activityWithoutDates).message == "Aktiviteten saknar start- eller slutdatum")
        #expect(goal("i1", .indicatorWithoutOutcome).message == "Indikatorn saknar utfall")
    }

    @Test("A goal of the T1 without rating and analysis is listed as lacking both in one sentence")
    func inTheReport() throws {
        let store = try Fixture.store()
        try store.startPeriod(.t1, in: Fixture.plan)
        let plan = try store.loadPlan(Fixture.plan)
        let lines = Completeness.missingLines(in: plan, period: .t1)
        #expect(lines.contains { $0.message == "Målet saknar bedömning och analys" }, "\(lines.map(\.message))")
        #expect(!lines.contains { $0.message.contains("; Målet") })
    }
}
