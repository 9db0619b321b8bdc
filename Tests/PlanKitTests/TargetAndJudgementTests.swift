import Foundation
import Testing
@testable import PlanKit

@Suite("Targets and the judgement of outcomes")
struct TargetAndJudgementTests {
    @Test("Written targets parse into numbers, directions and texts", arguments: [
        ("2,7 %", Target.number(2.7, unit: "%")),
        ("25 st", .number(25, unit: "st")),
        ("4,9", .number(4.9, unit: nil)),
        ("1 945 GWh", .number(1945, unit: "GWh")),
        ("1945 GWh", .number(1945, unit: "GWh")),
        ("1,8 kg CO2 per kg livsmedel", .number(1.8, unit: "kg CO2 per kg livsmedel")),
        ("öka", .direction(.higherIsBetter)),
        ("Minska", .direction(.lowerIsBetter)),
        ("Fastställs t1", .text("Fastställs t1")),
        ("Tas fram av nämnd", .text("Tas fram av nämnd")),
        ("-", .none),
        ("", .none),
        // Edges: surrounding white space, the typographic minus, case, and numbers that are not.
        ("  2,7 %\n", .number(2.7, unit: "%")),
        ("\u{2212}0,5", .number(-0.5, unit: nil)),
        ("12\t%", .number(12, unit: "%")),
        ("Ska Öka", .direction(.higherIsBetter)),
        ("\t–  ", .none),
        ("1,2,3", .text("1,2,3")),
        ("ökning av andelen", .text("ökning av andelen")),
    ])
    func parsesTargets(written: String, expected: Target) {
        #expect(Target(written: written) == expected)
    }

    @Test("The parsed Årsmål follows the text: when set, changed and read back from JSON")
    func parsedTargetFollowsText() throws {
        var spec = IndicatorSpec(target: "80 %", periodicity: .year, direction: .higherIsBetter)
        #expect(spec.parsedTarget == Target(written: "80 %"))
        spec.target = "minska"
        #expect(spec.parsedTarget == .direction(.lowerIsBetter))
        spec.target = nil
        #expect(spec.parsedTarget == .none)
        spec.target = "12,5"
        let data = try JSONEncoder().encode(spec)
        #expect(!String(decoding: data, as: UTF8.self).contains("parsed"))
        let decoded = try JSONDecoder().decode(IndicatorSpec.self, from: data)
        #expect(decoded == spec)
        #expect(decoded.parsedTarget == Target(written: "12,5"))
    }

    @Test func swedishNumbers() {
        #expect(SwedishNumber.parse("12,5") == 12.5)
        #expect(SwedishNumber.parse("1 234,5") == 1234.5)
        #expect(SwedishNumber.parse("-0,5") == -0.5)
        #expect(SwedishNumber.parse("12.5") == 12.5)
        #expect(SwedishNumber.parse("tolv") == nil)
        #expect(SwedishNumber.parse("1,2,3") == nil)
        #expect(SwedishNumber.parse("") == nil)
        #expect(SwedishNumber.parse("5-3") == nil)
        #expect(SwedishNumber.plainForm("\u{00A0}1\u{00A0}234,5 ") == "1234.5")
        #expect(SwedishNumber.plainForm("1\u{202F}000") == "1000")
        #expect(SwedishNumber.plainForm("1\t2") == nil)
        #expect(SwedishNumber.plainForm("5,") == "5" && SwedishNumber.plainForm(",5") == "0.5" && SwedishNumber.plainForm("-,5") == "-0.5")
        #expect(SwedishNumber.plainForm("\u{2212}3") == "-3" && SwedishNumber.plainForm("3\u{2212}") == nil)
        #expect(SwedishNumber.plainForm("   ") == nil)
        #expect(SwedishNumber.format(2.7) == "2,7")
        #expect(SwedishNumber.format(3) == "3")
        #expect(SwedishNumber.format(0.125, maxDecimals: 2) == "0,13" || SwedishNumber.format(0.125, maxDecimals: 2) == "0,12")
    }

    @Test("Higher is better: at target fully, within 10 % partly, below that not")
    func higherIsBetter() {
        let target = Target(written: "80 %")
        #expect(IndicatorJudge.judge(outcome: 85, target: target, direction: .higherIsBetter) == .fully)
        #expect(IndicatorJudge.judge(outcome: 80, target: target, direction: .higherIsBetter) == .fully)
        #expect(IndicatorJudge.judge(outcome: 72, target: target, direction: .higherIsBetter) == .partly)
        #expect(IndicatorJudge.judge(outcome: 71.9, target: target, direction: .higherIsBetter) == .not)
    }

    @Test("Lower is better: at or under target fully, up to 10 % over partly, more not")
    func lowerIsBetter() {
        let target = Target(written: "4,9")
        #expect(IndicatorJudge.judge(outcome: 4.5, target: target, direction: .lowerIsBetter) == .fully)
        #expect(IndicatorJudge.judge(outcome: 5.3, target: target, direction: .lowerIsBetter) == .partly)
        #expect(IndicatorJudge.judge(outcome: 5.5, target: target, direction: .lowerIsBetter) == .not)
        // The same outcome judged with the other stored direction gives the other answer.
        #expect(IndicatorJudge.judge(outcome: 5.5, target: target, direction: .higherIsBetter) == .fully)
    }

    @Test("Text targets, missing targets and missing outcomes cannot be judged")
    func cannotJudge() {
        #expect(IndicatorJudge.judge(outcome: 10, target: Target(written: "Fastställs t1"), direction: .higherIsBetter) == .cannotJudge)
        #expect(IndicatorJudge.judge(outcome: 10, target: .none, direction: .higherIsBetter) == .cannotJudge)
        #expect(IndicatorJudge.judge(outcome: nil, target: Target(written: "10"), direction: .higherIsBetter) == .cannotJudge)
    }

    @Test("A direction target needs a baseline and follows its own direction")
    func directionTargets() {
        let increase = Target(written: "öka")
        #expect(IndicatorJudge.judge(outcome: 12, target: increase, direction: .higherIsBetter) == .cannotJudge)
        #expect(IndicatorJudge.judge(outcome: 12, target: increase, direction: .higherIsBetter, baseline: 10) == .fully)
        #expect(IndicatorJudge.judge(outcome: 10, target: increase, direction: .higherIsBetter, baseline: 10) == .partly)
        #expect(IndicatorJudge.judge(outcome: 8, target: increase, direction: .higherIsBetter, baseline: 10) == .not)
        let decrease = Target(written: "minska")
        #expect(IndicatorJudge.judge(outcome: 8, target: decrease, direction: .lowerIsBetter, baseline: 10) == .fully)
    }

    @Test func periodicityDecidesWhenOutcomesAreDue() {
        #expect(Periodicity.tertial.duePeriods == [.t1, .t2, .vb])
        #expect(Periodicity.year.duePeriods == [.vb])
        #expect(Periodicity.halfYear.duePeriods.contains(.t2))
        #expect(!Periodicity.term.duePeriods.contains(.t1))
    }
}
