import Foundation
import Testing
@testable import PlanTextImport
import PlanKit

/// The unit's department, from what each document gives: stated in the VP, mentioned in the VB.
@Suite("import-text of a unit's plan: its department from the evidence of the text, never a silent guess")
struct TextImportDepartmentTests {
    private func departmentDoubts(_ result: TextImportResult) -> [TextImportWarning] {
        result.doubts.filter { $0.message.contains("avdelning") }
    }

    @Test("The VP states it: no doubt")
    func statedInVP() throws {
        let result = try TextSeeds.unit.get()
        #expect(result.department?.name == "Förskoleavdelningen")
        #expect(departmentDoubts(result) == [])
    }

    /// Checked by hand in seeds/resursenheten-vb-2021.txt: "förskoleavdelningen" on lines 61, 123,
    /// 187, 283 and 391 ("Förskoleavdelningen"), no other "…avdelningen" word; "Avdelningen för …"
    /// names no department of its own.
    @Test("The VB only mentions it: taken, as a doubt that names the lines")
    func mentionedInVB() throws {
        let cascade = try #require(try TextSeeds.board.get().file.cascades?.first)
        let result = try TextImporter.parse(try TextSeeds.text(TextSeeds.reportName), options: TextImportOptions(knownCascade: cascade))
        #expect(result.department?.name == "Förskoleavdelningen")
        #expect(result.department?.id == "hagersten-alvsjo-forskoleavdelningen")
        let doubts = departmentDoubts(result)
        #expect(doubts.count == 1)
        #expect(doubts.first?.line == 61)
        #expect(doubts.first?.message.contains("61, 123, 187, 283, 391") == true)
        #expect(TextImportOutline.render(result).contains("Avdelning: Förskoleavdelningen"))
    }

    @Test("Two departments mentioned alike: none is taken, and the doubt names both")
    func unclear() throws {
        let cascade = try #require(try TextSeeds.board.get().file.cascades?.first)
        let text = try TextSeeds.text(TextSeeds.reportName)
            + String(repeating: "Samarbetet med äldreomsorgsavdelningen fortsätter.\n", count: 5)
        let result = try TextImporter.parse(text, options: TextImportOptions(knownCascade: cascade))
        #expect(result.department == nil)
        let doubt = try #require(departmentDoubts(result).first)
        #expect(doubt.message.contains("Förskoleavdelningen (5 rader)") && doubt.message.contains("Äldreomsorgsavdelningen (5 rader)"))
    }

    @Test("A text that names no department says so")
    func notMentioned() throws {
        let cascade = try #require(try TextSeeds.board.get().file.cascades?.first)
        let text = try TextSeeds.text(TextSeeds.reportName).replacingOccurrences(of: "örskoleavdelningen", with: "örskolorna")
        let result = try TextImporter.parse(text, options: TextImportOptions(knownCascade: cascade))
        #expect(result.department == nil)
        #expect(departmentDoubts(result).map(\.message) == [Strings.TextImport.departmentNotMentioned])
    }

    @Test("A department the board has in the database counts when the text names it")
    func knownDepartment() throws {
        let store = try PlanStore(inMemoryWithLogin: "anna")
        try store.importText(try TextSeeds.board.get(), name: "namnd.txt")
        let departments = #"{"format":"vp-tui-plan","version":1,"organisations":[{"id":"ha-oppna","kind":"department","name":"Öppna förskolan","parent":"hagersten-alvsjo"}]}"#
        try store.importData(Data(departments.utf8), name: "avdelningar.json")
        let text = try TextSeeds.text(TextSeeds.reportName).replacingOccurrences(of: "örskoleavdelningen", with: "örskolorna")
        let first = try TextImporter.parse(text)
        let result = try TextImporter.parse(text, options: try store.textImportOptions(for: first, base: TextImportOptions()))
        // "öppna förskolan" stands on lines of the VB's own text; the database spells it.
        #expect(result.department?.name == "Öppna förskolan")
        try store.importText(result, name: "vb.txt")
        #expect(try store.organisations().first { $0.id == "resursenheten" }?.parentID == "ha-oppna")
    }
}
