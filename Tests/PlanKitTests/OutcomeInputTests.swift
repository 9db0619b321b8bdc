import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// An outcome typed by a person: read once, in PlanKit, against the indicator it is for.
@Suite("Typed outcomes", .temporaryFolders)
struct OutcomeInputTests {
    static let share = IndicatorSpec(measureUnit: "%", target: "79 %", periodicity: .year, direction: .higherIsBetter)
    static let shareByTarget = IndicatorSpec(target: "2,7 %", periodicity: .year, direction: .lowerIsBetter)
    static let energy = IndicatorSpec(measureUnit: "GWh", target: "1 945 GWh", periodicity: .year, direction: .lowerIsBetter)
    static let plain = IndicatorSpec(target: "3,6", periodicity: .year, direction: .higherIsBetter)
    /// One significant digit more than a `Decimal` holds.
    static let digits39 = "123 456 789 012 345 678 901 234 567 890 123 456 789"

    @Test("The unit the indicator or its target uses is accepted with the number")
    func unitAccepted() throws {
        #expect(try OutcomeInput.parse("85,5 %", for: Self.share) == 85.5)
        #expect(try OutcomeInput.parse("85,5%", for: Self.share) == 85.5)
        #expect(try OutcomeInput.parse("2,1 %", for: Self.shareByTarget) == 2.1)
        #expect(try OutcomeInput.parse("1 812 GWh", for: Self.energy) == 1812)
        #expect(try OutcomeInput.parse("1 812 gwh", for: Self.energy) == 1812)
        #expect(try OutcomeInput.parse(" 3,7 ", for: Self.plain) == 3.7)
        #expect(try OutcomeInput.parse("  ", for: Self.plain) == nil)
    }

    @Test("Another unit, too many digits, a share over 100 % and words are refused, each with its Swedish reason")
    func refusals() {
        let cases: [(String, IndicatorSpec, PlanError, String)] = [
            ("85,5 st", Self.share, .wrongUnit("85,5 st", expected: "%"), "mäts i %"),
            ("12 %", Self.plain, .wrongUnit("12 %", expected: nil), "ingen enhet"),
            (Self.digits39, Self.plain, .tooManyDigits(Self.digits39, max: 38), "högst 38 värdesiffror"),
            ("1 234,5", Self.share, .notAShare("1 234,5"), "mellan 0 och 100"),
            ("-3 %", Self.shareByTarget, .notAShare("-3 %"), "mellan 0 och 100"),
            ("åttio", Self.share, .notANumber("åttio"), "inget tal"),
        ]
        for (text, indicator, error, words) in cases {
            #expect(throws: error) { try OutcomeInput.parse(text, for: indicator) }
            #expect(Strings.planError(error).contains(words), "\(Strings.planError(error))")
        }
    }

    @Test("A deviation in percent (target \"+/-1 %\") may be negative: it is no share")
    func deviationIsNoShare() throws {
        let deviation = IndicatorSpec(measureUnit: "%", target: "+/-1 %", periodicity: .year, direction: .lowerIsBetter)
        #expect(try OutcomeInput.parse("-0,5 %", for: deviation) == -0.5)
        #expect(!OutcomeInput.isShare(deviation))
    }

    @Test("A share outside 0–100 % is not judged against its target")
    func shareOutsideRangeNotJudged() {
        #expect(IndicatorJudge.judge(outcome: 1234.5, target: Target(written: "79 %"), direction: .higherIsBetter) == .cannotJudge)
        #expect(IndicatorJudge.judge(outcome: 85.5, target: Target(written: "79 %"), direction: .higherIsBetter) == .fully)
    }

}

/// On the SQLite file and on PostgreSQL alike.
@Suite("Typed outcomes in the store", .throwawayPostgres, .temporaryFolders)
struct OutcomeInputStoreTests {
    @Test("The store reads a typed outcome by the same rule, and refuses without changing anything", arguments: Backend.allCases)
    func storeUsesTheRule(_ backend: Backend) throws {
        let store = try StoresUnderTest(backend, prepare: ExactOutcomeTests.storeWithIndicatorInT1).open()
        let indicator = ExactOutcomeTests.indicator
        #expect(throws: PlanError.tooManyDigits(OutcomeInputTests.digits39, max: 38)) {
            try store.setOutcome(typed: OutcomeInputTests.digits39, indicator: indicator, period: .t1, in: Fixture.plan)
        }
        #expect(try store.loadPlan(Fixture.plan).followUp(indicator, .t1).outcome == nil)
        try store.setOutcome(typed: "3,7", indicator: indicator, period: .t1, in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(indicator, .t1).outcome == 3.7)
    }
}
