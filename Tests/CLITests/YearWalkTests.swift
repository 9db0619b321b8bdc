import Foundation
import Testing
import PlanKit
import PlanKitTestSupport

/// A unit's whole year on the command line: VP → T1 → T2 → VB → handed in → next year's VP,
/// against the board's cascade for the new year imported from the seed with `import-text`.
/// What a person would type in the app (ratings, analyses) is written through PlanKit between
/// the commands; everything the year's steps do goes through the binary.
@Suite("A year on the command line", .temporaryFolders)
struct YearWalkTests {
    let database = Binary.temporaryDirectory().appendingPathComponent("plan.sqlite").path
    let ref = PlanRef(unitID: "resursenheten", year: 2021)
    static let seeds = Binary.repositoryRoot.appendingPathComponent("Tests/PlanTextImportTests/Fixtures")

    func run(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--db", database])
    }

    func unitArgs(_ period: String, year: Int = 2021) -> [String] {
        ["--unit", "resursenheten", "--year", String(year), "--period", period]
    }

    /// The seed VB's table of contents after its title: KF's goals and the sections, in order.
    static func seedContents() throws -> [String] {
        let text = try String(contentsOf: seeds.appendingPathComponent("resursenheten-vb-2021.txt"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Verksamhetsberättelse VB 2021 för Resursenheten\t") })
        return lines[(start + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            undotted(String(line.split(separator: "\t")[0]))
        }
    }

    /// The contents lead to the page number with dots; a heading's own full stop goes with them.
    static func undotted(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Writes what a person would: a rating, an analysis, a status, an outcome, a section text
    /// for every gap of the period.
    func fill(_ period: ReportPeriod, rating: Rating) throws {
        let store = try PlanStore(path: database, login: "testare")
        let plan = try store.loadPlan(ref)
        for gap in Completeness.gaps(in: plan, period: period) {
            switch gap.kind {
            case .goalWithoutRating: try store.setRating(rating, goal: gap.itemID!, period: period, in: ref)
            case .goalWithoutAnalysis, .deviationWithoutAnalysis:
                try store.setAnalysis("Analys i \(period.rawValue).\n\nAndra stycket.", item: gap.itemID!, period: period, in: ref)
            case .activityWithoutStatus: try store.setStatus(.ongoing, activity: gap.itemID!, period: period, in: ref)
            case .indicatorWithoutOutcome: try store.setOutcome(12, indicator: gap.itemID!, period: period, in: ref)
            case .emptySection: try store.setSectionText("Sammanfattning.", section: gap.sectionID!, period: period, in: ref)
            default: Issue.record("unexpected gap \(gap)")
            }
        }
        store.makeDurable()
    }

    func headings(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { Self.undotted(String($0.drop { $0 == "#" }.dropFirst())) }
    }

    @Test("VP → T1 → T2 → VB → handed in → next year's VP, the reports in the seed VB's order and headings")
    func wholeYear() throws {
        try Binary.makeSamples(database)
        let board = try run(["import-text", Self.seeds.appendingPathComponent("hagersten-alvsjo-vp-2021.txt").path, "--year", "2022"])
        #expect(board.status == 0, "\(board.stderr)")

        #expect(try run(["submit"] + unitArgs("vp")).status == 0)
        #expect(try run(["start"] + unitArgs("t1")).status == 0)
        try fill(.t1, rating: .partly)
        #expect(try run(["check"] + unitArgs("t1")).status == 0)
        #expect(try run(["submit"] + unitArgs("t1")).status == 0)

        let t2 = try run(["start"] + unitArgs("t2"))
        #expect(t2.stdout.contains("Den utgår från tertialrapport 1 (T1); appen visar vid varje rad vad som sades där."))
        let beside = try PlanStore(path: database, login: "testare").loadPlan(ref)
        let previous = try #require(beside.previousFollowUp("re-2021-em-01", before: .t2))
        #expect(previous.period == .t1 && previous.value.rating == .partly)
        #expect(previous.value.analysis == "Analys i t1.\n\nAndra stycket.")
        try fill(.t2, rating: .fully)
        #expect(try run(["submit"] + unitArgs("t2")).status == 0)

        let again = try run(["start"] + unitArgs("vb"))
        #expect(again.status == 1 && again.stderr.contains("redan påbörjad"))
        #expect(try run(["submit"] + unitArgs("vb")).status == 0)
        #expect(try run(["units"]).stdout.contains("2021: VP inlämnad, T1 inlämnad, T2 inlämnad, VB inlämnad"))

        let contents = try Self.seedContents()
        #expect(contents.count == 18)
        for period in ["t1", "t2", "vb"] {
            let report = try run(["export"] + unitArgs(period) + ["--format", "markdown"])
            #expect(report.status == 0)
            #expect(!report.stdout.contains("Utkast"))
            #expect(report.stderr.isEmpty)
            #expect(headings(report.stdout).filter(contents.contains) == contents, "\(period)")
            if period != "vb" {
                #expect(report.stdout.contains("● Prognos för helåret: Uppfylls"))
            }
        }

        let next = try run(["start"] + unitArgs("vp", year: 2022))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("Startade verksamhetsplanen 2022 för Resursenheten från 2021: 5 poster följde med, 0 behöver ett beslut."))
        let plan2022 = try PlanStore(path: database, login: "testare").loadPlan(PlanRef(unitID: "resursenheten", year: 2022))
        #expect(plan2022.items.values.filter { $0.level == .unitGoal }.count == 5)
        #expect(try run(["units"]).stdout.contains("2022: VP pågår, T1 ej påbörjad, T2 ej påbörjad, VB ej påbörjad"))
        let draft = try run(["export"] + unitArgs("vp", year: 2022) + ["--format", "text"])
        #expect(draft.stdout.contains("Utkast – 1 punkt saknar något"))
        #expect(draft.stderr.contains("Verksamhetsplanen är inte komplett: 1 punkt saknar något"))

        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        let twice = try run(["start"] + unitArgs("vp", year: 2022))
        #expect(twice.status == 1 && twice.stderr.contains("Verksamhetsplanen för 2022 finns redan"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
    }
}
