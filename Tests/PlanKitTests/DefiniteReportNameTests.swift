import Foundation
import Testing
@testable import PlanKit

/// The command line names a report in a sentence about it as the app does, from the same words:
/// "Verksamhetsberättelsen är redan inlämnad", not "Verksamhetsberättelse är redan inlämnad".
@Suite("A report named in a sentence about it")
struct DefiniteReportNameTests {
    @Test("Hand-in refusals and drafts start with the report's name in the definite form")
    func definiteForms() {
        let at = "2021-12-01T10:00:00Z"
        #expect(Strings.yearError(.alreadySubmitted(.vb, by: "anna", at: at)).hasPrefix("Verksamhetsberättelsen är redan inlämnad (av anna, "))
        #expect(Strings.yearError(.alreadySubmitted(.vp, by: "anna", at: at)).hasPrefix("Verksamhetsplanen är redan inlämnad (av anna, "))
        #expect(Strings.yearError(.alreadySubmitted(.t1, by: "anna", at: at)).hasPrefix("Tertialrapport 1 är redan inlämnad"))
        #expect(Strings.yearError(.notSubmitted(.vb)) == "Verksamhetsberättelsen är inte inlämnad; det finns inget att öppna igen.")
        #expect(Strings.yearError(.handedIn(.vb)) == "Verksamhetsberättelsen är inlämnad och kan inte ändras.")
        #expect(Strings.yearError(.incomplete(.vp, gaps: [])).hasPrefix("Verksamhetsplanen kan inte lämnas in: "))
        #expect(Strings.exportedDraft(1, period: .vb) == "Verksamhetsberättelsen är inte komplett: 1 punkt saknar något.")
        #expect(Strings.planError(.unknownSection("x", .vp)) == "Verksamhetsplanen har inget avsnitt \"x\".")
        for period in ReportPeriod.allCases {
            for error in [YearError.alreadySubmitted(period, by: "anna", at: at), .notSubmitted(period), .handedIn(period)] {
                #expect(Strings.yearError(error).hasPrefix(Strings.documentSubject(period) + " är "))
            }
        }
    }
}
