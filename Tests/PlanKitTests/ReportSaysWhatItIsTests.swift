import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
import PostgresTestSupport

/// On the SQLite file and on PostgreSQL alike.
@Suite("Reports that say what they are: Ej bedömd, prognos, a mark per status, paragraphs, drafts", .throwawayPostgres, .temporaryFolders)
struct ReportSaysWhatItIsTests {
    let plan = Fixture.plan

    func lines(_ store: any StoreUnderTest, _ period: ReportPeriod) throws -> [String] {
        let blocks = ReportBuilder(plan: try store.loadPlan(plan), period: period).build()
        return MarkdownRenderer.render(blocks).components(separatedBy: "\n")
    }

    /// The mark line right after an Enhetsmål heading.
    func markAfter(_ goalTitle: String, in lines: [String]) throws -> String {
        let index = try #require(lines.firstIndex { $0.hasSuffix("Enhetsmål: \(goalTitle)") })
        return try #require(lines[(index + 1)...].first { !$0.isEmpty })
    }

    @Test("An unrated own goal is Ej bedömd, and the report is a draft that says how much is missing", arguments: Backend.allCases)
    func unratedAndDraft(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        #expect(try !lines(store, .vb).contains { $0.hasPrefix("Utkast") })
        try store.setRating(nil, goal: "re-2021-em-04", period: .vb, in: plan)
        let text = try lines(store, .vb)
        let title = try #require(try store.loadPlan(plan).items["re-2021-em-04"]).title
        #expect(try markAfter(title, in: text) == "○ Ej bedömd")
        #expect(text.filter { $0 == "— Ingen" }.count == 13)
        #expect(text[0].hasPrefix("# Verksamhetsberättelse VB 2021"))
        #expect(text[2] == "Utkast – 1 punkt saknar något")
    }

    @Test("T1 and T2 head a rating as the forecast for the year; the VB does not", arguments: Backend.allCases)
    func forecast(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.startPeriod(.t1, in: plan)
        try store.setRating(.partly, goal: "re-2021-em-04", period: .t1, in: plan)
        let title = try #require(try store.loadPlan(plan).items["re-2021-em-04"]).title
        #expect(try markAfter(title, in: lines(store, .t1)) == "● Prognos för helåret: Uppfylls delvis")
        #expect(try markAfter("Resursenheten har en välfungerande arbetsmiljö.", in: lines(store, .t1))
                == "○ Prognos för helåret: Ej bedömd")
        #expect(try !lines(store, .vb).joined().contains("Prognos"))
        let text = try lines(store, .t1)
        let draft = try #require(text.first { $0.hasPrefix("Utkast – ") })
        #expect(draft == "Utkast – \(Completeness.missingLines(in: try store.loadPlan(plan), period: .t1).count) punkter saknar något")
    }

    @Test("Ej påbörjad, Pågår and Genomförd each have their own mark; Avvikelse its column", arguments: Backend.allCases)
    func statusMarks(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        let loaded = try store.loadPlan(plan)
        let notStarted = "ha-2021-nm-12-a02", ongoing = "ha-2021-nm-12-a12"
        try store.setStatus(.notStarted, activity: notStarted, period: .vb, in: plan)
        let text = try lines(store, .vb).joined(separator: "\n")
        #expect(text.contains("| □ \(loaded.items[notStarted]!.title) |"))
        #expect(text.contains("| ◐ \(loaded.items[ongoing]!.title) |"))
        #expect(text.components(separatedBy: "| ✓ ").count - 1 == 3)
        let ascii = TextRenderer.render(ReportBuilder(plan: try store.loadPlan(plan), period: .vb, marks: .ascii).build(), width: 400)
        #expect(ascii.contains("[ ] \(loaded.items[notStarted]!.title)"))
        #expect(ascii.contains("[~] \(loaded.items[ongoing]!.title)"))
    }

    @Test("An activity's analysis keeps its paragraph break in the text export", arguments: Backend.allCases)
    func paragraphsInText(_ backend: Backend) throws {
        let store = try Fixture.store(backend)
        try store.setAnalysis("Första stycket om förseningen.\n\nAndra stycket om vad som görs.", item: Fixture.ownActivity,
                              period: .vb, in: plan)
        let text = TextRenderer.render(ReportBuilder(plan: try store.loadPlan(plan), period: .vb).build())
        #expect(text.contains("    Analys: Första stycket om förseningen.\n\n    Andra stycket om vad som görs."))
    }
}
