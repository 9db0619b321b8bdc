import Testing
import Foundation
@testable import PlanKit
import PlanKitTestSupport

@Suite("Own sections: the unit adds, renames and removes a section of a period; logged, undone, reported")
struct OwnSectionTests {
    let plan = Fixture.plan

    @Test("An own section comes after the template's, takes a text, is renamed and removed; each step is undone")
    func addRenameRemove() throws {
        let store = try Fixture.store()
        let before = try store.loadPlan(plan).sections(in: .vb).map(\.id)
        let id = try store.addSection(title: "  Synpunkter och klagomål ", period: .vb, in: plan)
        #expect(Section.isOwnID(id))
        let sections = try store.loadPlan(plan).sections(in: .vb)
        #expect(sections.map(\.id) == before + [id])
        #expect(sections.last?.title == "Synpunkter och klagomål" && sections.last?.placement == .afterGoals)

        try store.setSectionText("Inga klagomål i år.", section: id, period: .vb, in: plan)
        try store.renameSection(id, to: "Klagomål", period: .vb, in: plan)
        #expect(try store.loadPlan(plan).section(id, in: .vb)?.title == "Klagomål")
        try store.removeSection(id, period: .vb, in: plan)
        #expect(try store.loadPlan(plan).section(id, in: .vb) == nil)
        #expect(try store.history(plan).suffix(4).map(\.field) == [.sectionRecord(section: id, period: .vb),
                                                                   .sectionText(section: id, period: .vb),
                                                                   .sectionTitle(section: id, period: .vb),
                                                                   .sectionRecord(section: id, period: .vb)])

        try store.undo(in: plan)
        let back = try #require(try store.loadPlan(plan).section(id, in: .vb))
        #expect(back.title == "Klagomål" && back.text == "Inga klagomål i år.")
        #expect(try store.loadPlan(plan).sections(in: .vb).map(\.id) == before + [id])
        try store.undo(in: plan)
        #expect(try store.loadPlan(plan).section(id, in: .vb)?.title == "Synpunkter och klagomål")
        try store.undo(in: plan)
        try store.undo(in: plan)
        #expect(try store.loadPlan(plan).sections(in: .vb).map(\.id) == before)
        try store.redo(in: plan)
        #expect(try store.loadPlan(plan).section(id, in: .vb)?.title == "Synpunkter och klagomål")
        // Ids go on counting, in any period: a second own section is another one.
        let second = try store.addSection(title: "Övrigt om lokaler", period: .vp, placement: .beforeGoals, in: plan)
        #expect(second != id && Section.isOwnID(second))
        #expect(try store.loadPlan(plan).section(second, in: .vp)?.placement == .beforeGoals)
    }

    @Test("The template's sections are not renamed or removed, a heading is needed, a period the plan lacks is refused; nothing logged")
    func refusals() throws {
        let store = try Fixture.store()
        let logged = try store.history(plan).count
        #expect(throws: PlanningError.notOwnSection("Sammanfattande analys")) {
            try store.renameSection("sammanfattande-analys", to: "Analys", period: .vb, in: plan)
        }
        #expect(throws: PlanningError.notOwnSection("Sammanfattande analys")) {
            try store.removeSection("sammanfattande-analys", period: .vb, in: plan)
        }
        #expect(throws: PlanningError.sectionTitleNeeded) { try store.addSection(title: "  ", period: .vb, in: plan) }
        #expect(throws: PlanError.periodNotInPlan(.t1)) { try store.addSection(title: "Extra", period: .t1, in: plan) }
        let id = try store.addSection(title: "Extra", period: .vb, in: plan)
        #expect(throws: PlanningError.sectionTitleNeeded) { try store.renameSection(id, to: "", period: .vb, in: plan) }
        #expect(throws: PlanError.unknownSection("egen-99", .vb)) { try store.removeSection("egen-99", period: .vb, in: plan) }
        #expect(try store.history(plan).count == logged + 1)
        #expect(try store.loadPlan(plan).section("sammanfattande-analys", in: .vb) != nil)
    }

    @Test("An own section is in the Markdown and text reports in its place, and goes through an export and an import")
    func reportedAndExported() throws {
        let store = try Fixture.store()
        let id = try store.addSection(title: "Synpunkter och klagomål", period: .vb, in: plan)
        try store.setSectionText("Två synpunkter kom in.", section: id, period: .vb, in: plan)
        let loaded = try store.loadPlan(plan)
        let markdown = MarkdownRenderer.render(ReportBuilder(plan: loaded, period: .vb).build())
        let heading = try #require(markdown.range(of: "# Synpunkter och klagomål"))
        let lastTemplate = try #require(markdown.range(of: "# Övrigt", options: .backwards))
        #expect(lastTemplate.upperBound <= heading.lowerBound)
        #expect(markdown.contains("Två synpunkter kom in."))
        #expect(TextRenderer.render(ReportBuilder(plan: loaded, period: .vb).build()).contains("Synpunkter och klagomål"))

        let json = try store.exportJSON(plan)
        let fresh = try PlanStore(inMemoryWithLogin: "anna")
        try fresh.importData(json, name: "export.json")
        let imported = try #require(try fresh.loadPlan(plan).section(id, in: .vb))
        #expect(imported.isOwn && imported.title == "Synpunkter och klagomål" && imported.text == "Två synpunkter kom in.")
        #expect(try fresh.loadPlan(plan).sections(in: .vb).last?.id == id)
        // Still the unit's own: it is renamed like one.
        try fresh.renameSection(id, to: "Klagomål", period: .vb, in: plan)
    }
}
