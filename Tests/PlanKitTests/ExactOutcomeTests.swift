import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// Outcomes are decimals kept digit for digit: typed, stored, shown, exported and read back as
/// they were written, summed without binary rounding, and judged on their exact value. What is
/// stored runs on the SQLite file and on PostgreSQL alike; importing and migrating are the file's.
@Suite("Outcomes kept exactly", .throwawayPostgres, .temporaryFolders)
struct ExactOutcomeTests {
    /// An indicator of the samples' board, target "3,6", no unit.
    static let indicator = "ha-2021-nm-04-i01"
    static let big = "99999999999999999999999"

    static func exact(_ plain: String) -> Decimal { ExactDecimal.parse(plain: plain)! }

    /// The samples, with the indicator in Resursenheten's plan and T1 among its periods.
    static func storeWithIndicatorInT1(_ store: PlanStore) throws {
        let file = #"{"format":"vp-tui-plan","version":1,"plans":[{"unit":"resursenheten","year":2021,"board":"hagersten-alvsjo","periods":["vp","t1","vb"],"inherits":["ha-2021-nm-04","ha-2021-nm-04-i01"]}]}"#
        try store.importData(Data(file.utf8), name: "t1.json")
    }

    @Test("The plain form is read strictly, and only where a Decimal holds every digit")
    func plainForm() {
        #expect(ExactDecimal.parse(plain: Self.big).map(ExactDecimal.plain) == Self.big)
        #expect(ExactDecimal.parse(plain: "0085.500").map(ExactDecimal.plain) == "85.5")
        #expect(ExactDecimal.parse(plain: "-0.0").map(ExactDecimal.plain) == "0")
        #expect(ExactDecimal.parse(plain: String(repeating: "9", count: 38)) != nil)
        #expect(ExactDecimal.parse(plain: String(repeating: "9", count: 39)) == nil)
        #expect(ExactDecimal.parse(plain: "1" + String(repeating: "0", count: 200)) == nil)
        for bad in ["1,5", "1.", ".5", "1e3", "--1", "1-", "", "-", "abc", "1.2.3", " 1"] {
            #expect(ExactDecimal.parse(plain: bad) == nil, "\(bad)")
        }
        #expect(ExactDecimal.fromDouble(85.5).map(ExactDecimal.plain) == "85.5")
        #expect(ExactDecimal.fromDouble(0.1 + 0.2).map(ExactDecimal.plain) == "0.30000000000000004")
        #expect(ExactDecimal.fromDouble(.infinity) == nil)
    }

    @Test("The short plain form read without the checks gives what the checks give, and only it is read so")
    func shortPlainForm() {
        var random = SplitMix64(seed: 11)
        var texts = ["0", "-0", "7", "-7", "10", "100", "0.5", "-0.5", "0.05", "12.25", "999999999999999999", "99999999999999999.9",
                     "0.00000000000000001", "1000000000000000000", "9999999999999999999", "0.50", "00.5", "05", "-00", "1.", ".5",
                     "+1", "1e3", "", "-", "1.2.3", "١٢"]
        for _ in 0..<3000 {
            let whole = String(random.next() % 4 == 0 ? 0 : random.next() % UInt64(pow(10, Double(random.next() % 12 + 1))))
            let fraction = random.next() % 2 == 0 ? "" : "." + String(random.next() % 1_000_000_000)
            texts.append((random.next() % 3 == 0 ? "-" : "") + whole + fraction)
        }
        var short = 0
        for text in texts {
            let fast = ExactDecimal.parse(plain: text), checked = ExactDecimal.parseChecked(text)
            #expect(fast == checked && fast?.description == checked?.description, "\(text)")
            if ExactDecimal.isShortPlainForm(text) {
                short += 1
                #expect(checked?.description == text, "\(text)")
            }
        }
        #expect(short > 1000)
    }

    @Test("Swedish notation is read into the exact value and shown with every digit")
    func swedishNotation() throws {
        let cases: [(String, String, String)] = [
            (Self.big, Self.big, Self.big),
            ("0,1", "0.1", "0,1"),
            ("1 234,5", "1234.5", "1234,5"),
            ("-0,5", "-0.5", "-0,5"),
            ("12345678901234567890,123456789", "12345678901234567890.123456789", "12345678901234567890,123456789"),
            ("5,", "5", "5"),
        ]
        for (typed, plain, shown) in cases {
            let value = try #require(try OutcomeInput.parse(typed, for: nil), "\(typed)")
            #expect(ExactDecimal.plain(value) == plain)
            #expect(SwedishNumber.format(value) == shown)
        }
    }

    @Test("99999999999999999999999 typed in is stored, shown, exported and imported again exactly", arguments: Backend.allCases)
    func bigNumberRoundTrip(_ backend: Backend) throws {
        let store = try StoresUnderTest(backend, prepare: Self.storeWithIndicatorInT1).open()
        try store.setOutcome(typed: Self.big, indicator: Self.indicator, period: .t1, in: Fixture.plan)
        let plan = try store.loadPlan(Fixture.plan)
        #expect(plan.followUp(Self.indicator, .t1).outcome == Self.exact(Self.big))

        let blocks = ReportBuilder(plan: plan, period: .t1).build()
        #expect(MarkdownRenderer.render(blocks).contains(Self.big))
        #expect(TextRenderer.render(blocks, width: 200).contains(Self.big))

        let exported = try store.exportJSON(Fixture.plan)
        let json = String(decoding: exported, as: UTF8.self)
        #expect(json.contains("\"outcome\" : \(Self.big)") || json.contains("\"outcome\":\(Self.big)"))
        #expect(!json.contains("e+22") && !json.contains("99999999999999991611392"))

        let fresh = try PlanStore(inMemoryWithLogin: "bertil")
        try fresh.importData(exported, name: "export.json")
        #expect(try fresh.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome == Self.exact(Self.big))
        let again = try JSONDecoder().decode(InterchangeFile.self, from: try fresh.exportJSON(Fixture.plan))
        #expect(again.plans?.first?.followUps?.first { $0.item == Self.indicator }?.outcome == Self.exact(Self.big))
    }

    @Test("A value with a decimal comma survives the store, the reports and the file unchanged", arguments: Backend.allCases)
    func decimalCommaRoundTrip(_ backend: Backend) throws {
        let store = try StoresUnderTest(backend, prepare: Self.storeWithIndicatorInT1).open()
        for (typed, plain, shown) in [("0,1", "0.1", "0,1"), ("0,30000000000000004", "0.30000000000000004", "0,30000000000000004"),
                                      ("1 234,05", "1234.05", "1234,05")] {
            try store.setOutcome(typed: typed, indicator: Self.indicator, period: .t1, in: Fixture.plan)
            let plan = try store.loadPlan(Fixture.plan)
            #expect(plan.followUp(Self.indicator, .t1).outcome.map(ExactDecimal.plain) == plain)
            #expect(MarkdownRenderer.render(ReportBuilder(plan: plan, period: .t1).build()).contains("| \(shown) |"))
            let exported = try store.exportJSON(Fixture.plan)
            #expect(String(decoding: exported, as: UTF8.self).contains(" \(plain)"))
            let fresh = try PlanStore(inMemoryWithLogin: "bertil")
            try fresh.importData(exported, name: "export.json")
            #expect(try fresh.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome.map(ExactDecimal.plain) == plain)
        }
    }

    @Test("Undo gives back the exact value before, through the edit log", arguments: Backend.allCases)
    func undoKeepsDigits(_ backend: Backend) throws {
        let store = try StoresUnderTest(backend, prepare: Self.storeWithIndicatorInT1).open()
        try store.setOutcome(typed: "0,30000000000000004", indicator: Self.indicator, period: .t1, in: Fixture.plan)
        try store.setOutcome(typed: Self.big, indicator: Self.indicator, period: .t1, in: Fixture.plan)
        _ = try store.undo(in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome == Self.exact("0.30000000000000004"))
        _ = try store.redo(in: Fixture.plan)
        #expect(try store.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome == Self.exact(Self.big))
    }

    @Test("An outcome in a file with more digits than a Decimal holds is refused, and nothing is imported")
    func tooPreciseInFile() throws {
        let store = try Fixture.store()
        try Self.storeWithIndicatorInT1(store)
        let before = try store.dumpForTesting()
        let digits = "1234567890123456789012345678901234567890"
        let file = """
            {"format":"vp-tui-plan","version":1,"plans":[{"unit":"resursenheten","year":2021,"board":"hagersten-alvsjo",
            "periods":["vp","t1","vb"],"followUps":[{"item":"\(Self.indicator)","period":"t1","outcome":\(digits)}]}]}
            """
        do {
            try store.importData(Data(file.utf8), name: "precise.json")
            Issue.record("imported")
        } catch let error as ImportError {
            #expect(error.line == 2)
            #expect(error.message.contains(digits) && error.message.contains("högst 38"), "\(error.message)")
        }
        #expect(try store.dumpForTesting() == before)
        #expect(throws: ImportError(file: "tiny.json", line: 2, column: 93, message: ImportMessages.outcomeOutOfRange("1e-200"))) {
            try store.importData(Data(file.replacingOccurrences(of: digits, with: "1e-200").utf8), name: "tiny.json")
        }
        #expect(throws: ImportError(file: "text.json", path: "plans[0].followUps[0].outcome", message: ImportMessages.wrongType("tal"))) {
            try store.importData(Data(file.replacingOccurrences(of: digits, with: "\"27,5\"").utf8), name: "text.json")
        }
        #expect(try store.dumpForTesting() == before)
        // A number written as older files wrote it, and one with an exponent, still import.
        let older = file.replacingOccurrences(of: digits, with: "27.5")
        try store.importData(Data(older.utf8), name: "older.json")
        #expect(try store.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome == Self.exact("27.5"))
        try store.importData(Data(file.replacingOccurrences(of: digits, with: "1.5e3").utf8), name: "exponent.json")
        #expect(try store.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome == 1500)
        // "outcome" inside a text is no outcome.
        let inText = file.replacingOccurrences(of: "\"outcome\":\(digits)", with: "\"analysis\":\"\\\"outcome\\\": \(digits)\"")
        try store.importData(Data(inText.utf8), name: "text.json")
    }

    @Test("Judged on the exact value: 10^17 is below a target of 10^17 + 1, which binary floating point cannot tell")
    func judgementExact() {
        let target = Target(written: "100000000000000001")
        #expect(target == .number(Self.exact("100000000000000001"), unit: nil))
        #expect(IndicatorJudge.judge(outcome: Self.exact("100000000000000000"), target: target, direction: .higherIsBetter) == .partly)
        #expect(IndicatorJudge.judge(outcome: Self.exact("100000000000000001"), target: target, direction: .higherIsBetter) == .fully)
        // Exactly 10 % below the target is still within the tolerance.
        #expect(IndicatorJudge.judge(outcome: Self.exact("0.63"), target: Target(written: "0,7"), direction: .higherIsBetter) == .partly)
        #expect(IndicatorJudge.judge(outcome: Self.exact("0.6299999999999999999"), target: Target(written: "0,7"), direction: .higherIsBetter) == .not)
        #expect(IndicatorJudge.judge(outcome: Self.exact("0.77"), target: Target(written: "0,7"), direction: .lowerIsBetter) == .partly)
        // Against a baseline one part in 10^20 higher, the outcome went down.
        #expect(IndicatorJudge.judge(outcome: Self.exact("0.3"), target: Target(written: "öka"), direction: .higherIsBetter,
                                     baseline: Self.exact("0.30000000000000000001")) == .not)
    }

    @Test("The roll-up adds 0,1 and 0,2 to exactly 0,3; a mean keeps two decimals more than its outcomes")
    func consolidationExact() {
        #expect(Consolidation.sum.summarise([Self.exact("0.1"), Self.exact("0.2")]) == .single(Self.exact("0.3")))
        #expect(Consolidation.sum.summarise([Self.exact(Self.big), 1]) == .single(Self.exact("100000000000000000000000")))
        #expect(Consolidation.mean.summarise([1, 1, 2]) == .single(Self.exact("1.33")))
        #expect(Consolidation.mean.summarise([Self.exact("85.5"), 90]) == .single(Self.exact("87.75")))
        #expect(Consolidation.mean.summarise([Self.exact("0.1"), Self.exact("0.2")]) == .single(Self.exact("0.15")))
        #expect(Consolidation.range.summarise([Self.exact("0.1"), Self.exact("0.30000000000000004"), Self.exact("0.3")])
                == .range(min: Self.exact("0.1"), max: Self.exact("0.30000000000000004")))
    }

    @Test("Two units' outcomes 0,1 and 0,2 are 0,3 in the board's roll-up and its report")
    func rollupExact() throws {
        let store = try PlanStore(inMemoryWithLogin: "test")
        var file = Fixture.tinyFile()
        let indicator = "tb-2030-nm-01-i03"
        file.cascades![0].goals[0].children![0].children![0].indicators!.append(
            IndicatorRecord(id: indicator, name: "Antal timmar", measureUnit: "tim", target: "1", periodicity: .tertial, direction: .higherIsBetter))
        file.organisations!.append(OrganisationRecord(id: "tv", kind: .unit, name: "Andra enheten", parent: "tb"))
        var second = file.plans![0]
        second.unit = "tv"
        second.goals = []
        file.plans!.append(second)
        for (index, value) in ["0.1", "0.2"].enumerated() {
            file.plans![index].inherits!.append(indicator)
            file.plans![index].followUps = [FollowUpRecord(item: indicator, period: .t1, outcome: Self.exact(value))]
        }
        try store.importData(try Fixture.encode(file), name: "two.json")
        let rollup = try store.rollup(try store.boardScope(board: "tb", department: nil), year: 2030, period: .t1)
        let summary = try #require(rollup.goals.flatMap(\.indicators).first { $0.id == indicator }?.summary)
        #expect(summary.value == Self.exact("0.3"))
        #expect(summary.units == 2)
        #expect(MarkdownRenderer.render(RollupReportBuilder(rollup: rollup).build()).contains("0,3 tim (summa)"))
    }

    @Test("A v5 database with REAL outcomes is migrated, each value as its shortest text says")
    func migrationFromReal() throws {
        let (source, sourcePath) = try Fixture.fileStore()
        try Self.storeWithIndicatorInT1(source)
        try source.setOutcome(typed: "1", indicator: Self.indicator, period: .t1, in: Fixture.plan)
        try source.setOutcome(typed: "2", indicator: Self.indicator, period: .vb, in: Fixture.plan)
        let path = URL(fileURLWithPath: sourcePath).deletingLastPathComponent().appendingPathComponent("v5.sqlite").path
        try PlanStore.writeVersion5ForTesting(path: path, copying: sourcePath)
        let row = "unit_id = 'resursenheten' AND year = 2021 AND item_id = '\(Self.indicator)'"
        try PlanStore.executeForTesting(path: path, sql: """
            UPDATE follow_up SET outcome = 85.5 WHERE \(row) AND period = 't1';
            UPDATE follow_up SET outcome = 0.30000000000000004 WHERE \(row) AND period = 'vb';
            """)
        let migrated = try PlanStore(path: path, login: "anna")
        let plan = try migrated.loadPlan(Fixture.plan)
        #expect(plan.followUp(Self.indicator, .t1).outcome.map(ExactDecimal.plain) == "85.5")
        #expect(plan.followUp(Self.indicator, .vb).outcome.map(ExactDecimal.plain) == "0.30000000000000004")
        let followUps = try #require(try migrated.dumpForTesting().first { $0.hasPrefix("follow_up\n") })
        #expect(followUps.contains("'85.5'") && followUps.contains("'0.30000000000000004'"))
        #expect(!followUps.contains("|85.5|"))
        // The migrated file now takes all the digits a person types.
        try migrated.setOutcome(typed: Self.big, indicator: Self.indicator, period: .t1, in: Fixture.plan)
        let reopened = try PlanStore(path: path, login: "anna")
        #expect(try reopened.loadPlan(Fixture.plan).followUp(Self.indicator, .t1).outcome == Self.exact(Self.big))
    }
}
