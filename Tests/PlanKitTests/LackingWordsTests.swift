import Testing
@testable import PlanKit

/// A line that lacks several things says so in one sentence per subject.
@Suite("What a line lacks, in words")
struct LackingWordsTests {
    @Test("One subject's gaps become one sentence; other messages stay as they are")
    func joined() {
        #expect(Strings.lacking(["Målet saknar bedömning", "Målet saknar analys"]) == "Målet saknar bedömning och analys")
        #expect(Strings.lacking(["Målet saknar förväntat resultat", "Målet saknar arbetssätt", "Målet saknar uppföljning"])
            == "Målet saknar förväntat resultat, arbetssätt och uppföljning")
        #expect(Strings.lacking(["Aktiviteten saknar status"]) == "Aktiviteten saknar status")
        #expect(Strings.lacking(["Avsnittet är tomt", "Målet saknar analys"]) == "Avsnittet är tomt; Målet saknar analys")
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
